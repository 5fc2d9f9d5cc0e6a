using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Help
{
    /// <summary>
    /// The runbooks in examples/ must keep working as the cmdlets evolve: each parses, and every call of a module
    /// cmdlet names parameters (or aliases) that cmdlet really has, spelled out in full. Invoke-ScriptAnalyzer is not
    /// available here; these are the parts of its rules that break a runbook at run time, plus its
    /// ShouldProcess rule (SupportsShouldProcess declared means $PSCmdlet.ShouldProcess is called).
    /// </summary>
    public class ExampleScriptTests
    {
        public static IEnumerable<object[]> Scripts() =>
            Directory.GetFiles(Path.Combine(ModuleFiles.RepoRoot, "examples"), "*.ps1").OrderBy(f => f).Select(f => new object[] { Path.GetFileName(f) });

        /// <summary>Every powershell block of README.md parses and calls the module's cmdlets with real parameter names.</summary>
        [Fact]
        public void ReadmeBlocks_Parse_AndCallModuleCmdletsWithRealParameterNames()
        {
            var readme = File.ReadAllText(Path.Combine(ModuleFiles.RepoRoot, "README.md")).Replace("\r\n", "\n");
            var blocks = System.Text.RegularExpressions.Regex.Matches(readme, "```powershell\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline)
                .Select(m => m.Groups[1].Value).ToList();
            Assert.True(blocks.Count >= 15, "README lost its examples");
            var problems = new List<string>();
            foreach (var block in blocks)
            {
                var ast = Parser.ParseInput(block, out _, out var errors);
                problems.AddRange(errors.Select(e => $"{block.Split('\n')[0]}: {e.Message}"));
                problems.AddRange(ModuleCallProblems(ast).Select(p => $"{block.Split('\n')[0]}: {p}"));
            }

            Assert.Empty(problems);
        }

        /// <summary>Every example of every cmdlet's help source calls the module's cmdlets with real parameter names.</summary>
        [Fact]
        public void HelpExamples_CallModuleCmdletsWithRealParameterNames()
        {
            var problems = new List<string>();
            foreach (var file in Directory.GetFiles(Path.Combine(ModuleFiles.RepoRoot, "docs"), "*-XAccount*.md"))
            {
                var text = File.ReadAllText(file).Replace("\r\n", "\n");
                foreach (System.Text.RegularExpressions.Match block in System.Text.RegularExpressions.Regex.Matches(text, "```powershell\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline))
                {
                    var ast = Parser.ParseInput(block.Groups[1].Value, out _, out _);
                    problems.AddRange(ModuleCallProblems(ast).Select(p => $"{Path.GetFileName(file)}: {p}"));
                }
            }

            Assert.Empty(problems);
        }

        /// <summary>Each exported cmdlet's parameter names and aliases, read once from the imported module.</summary>
        private static readonly Lazy<Dictionary<string, HashSet<string>>> ModuleParameters = new Lazy<Dictionary<string, HashSet<string>>>(() =>
        {
            using var session = new PowerShellSession();
            var parameters = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in session.Run("foreach ($c in Get-Command -Module S3CrossAccount) { foreach ($p in $c.Parameters.Values) { $c.Name + ' ' + $p.Name; foreach ($a in $p.Aliases) { $c.Name + ' ' + $a } } }").ShouldSucceed().All<string>())
            {
                var parts = line.Split(' ');
                if (!parameters.TryGetValue(parts[0], out var set))
                {
                    parameters[parts[0]] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                }

                set.Add(parts[1]);
            }

            return parameters;
        });

        /// <summary>Calls of module cmdlets in the script that name a cmdlet or a parameter (or alias) that does not exist.</summary>
        private static List<string> ModuleCallProblems(Ast ast)
        {
            var parameters = ModuleParameters.Value;
            var problems = new List<string>();
            foreach (var call in ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>())
            {
                var name = call.GetCommandName();
                if (name == null || !name.Contains("-XAccount"))
                {
                    continue;
                }

                if (!parameters.TryGetValue(name, out var known))
                {
                    problems.Add($"{call.Extent.StartLineNumber}: {name} is not a command of the module");
                    continue;
                }

                foreach (var parameter in call.CommandElements.OfType<CommandParameterAst>())
                {
                    if (!known.Contains(parameter.ParameterName))
                    {
                        problems.Add($"{call.Extent.StartLineNumber}: {name} has no parameter -{parameter.ParameterName}");
                    }
                }
            }

            return problems;
        }

        [Fact]
        public void EverySeedMethod_HasARunbook()
        {
            var names = Scripts().Select(s => (string)s[0]).ToList();
            Assert.Contains("Method1-BucketPolicy.ps1", names);
            Assert.Contains("Method2-Acl.ps1", names);
            Assert.Contains("Method3-Role.ps1", names);
            Assert.Contains("Cleanup-Seed001.ps1", names);
        }

        [Theory]
        [MemberData(nameof(Scripts))]
        public void Runbook_Parses_AndCallsModuleCmdletsWithRealParameterNames(string script)
        {
            var ast = Parser.ParseFile(Path.Combine(ModuleFiles.RepoRoot, "examples", script), out _, out var errors);
            Assert.Empty(errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}"));

            var problems = ModuleCallProblems(ast);
            Assert.Empty(problems);
            Assert.Contains(ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>(), c => c.GetCommandName()?.Contains("-XAccount") == true);

            var binding = ast.ParamBlock?.Attributes.FirstOrDefault(a => a.TypeName.Name == "CmdletBinding");
            var supportsShouldProcess = binding?.NamedArguments.Any(n => n.ArgumentName == "SupportsShouldProcess") == true;
            var callsShouldProcess = ast.FindAll(a => a is InvokeMemberExpressionAst m && m.Member.Extent.Text == "ShouldProcess", true).Any();
            Assert.Equal(supportsShouldProcess, callsShouldProcess);
        }
    }
}
