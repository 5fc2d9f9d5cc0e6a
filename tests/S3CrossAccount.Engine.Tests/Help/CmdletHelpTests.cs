using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Help
{
    /// <summary>
    /// Get-Help, in the real engine, for every cmdlet the module exports at run time: cmdlets added
    /// later are covered without touching this file. Each failure names the cmdlet and what is missing.
    /// </summary>
    public class CmdletHelpTests
    {
        private static readonly HashSet<string> CommonParameters = new HashSet<string>(
            System.Management.Automation.Cmdlet.CommonParameters.Concat(System.Management.Automation.Cmdlet.OptionalCommonParameters),
            StringComparer.OrdinalIgnoreCase);

        [Fact]
        public void EveryExportedCmdlet_HasTheMarkdownSynopsis_ADescription_AndTwoExamplesThatParse()
        {
            using var session = new PowerShellSession();
            var problems = new List<string>();
            foreach (var name in ExportedCmdlets(session))
            {
                var help = session.Run($"Get-Help {name} -Full").ShouldSucceed().Output.Single();
                var synopsis = help.Properties["Synopsis"]?.Value?.ToString()?.Trim();
                if (synopsis != ModuleFiles.MarkdownSynopsis(name))
                {
                    problems.Add($"{name}: Get-Help synopsis '{synopsis}' is not the one in docs/{name}.md");
                }

                var description = session.Run($"(Get-Help {name} -Full).description.Text -join ''").ShouldSucceed().Text.Trim();
                if (description.Length == 0)
                {
                    problems.Add($"{name}: no description");
                }

                var examples = session.Run($"(Get-Help {name} -Examples).examples.example.code").ShouldSucceed().Output.Select(o => o.ToString()).ToList();
                if (examples.Count < 2)
                {
                    problems.Add($"{name}: {examples.Count} example(s), at least 2 required");
                }

                foreach (var code in examples)
                {
                    Parser.ParseInput(code, out _, out var errors);
                    if (errors.Length > 0)
                    {
                        problems.Add($"{name}: example does not parse ({errors[0].Message}): {code}");
                    }
                }
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        [Fact]
        public void EveryParameterOfEveryExportedCmdlet_HasADescription()
        {
            using var session = new PowerShellSession();
            var problems = new List<string>();
            foreach (var name in ExportedCmdlets(session))
            {
                var parameters = session.Run($"(Get-Command {name}).Parameters.Keys").ShouldSucceed().All<string>()
                    .Where(p => !CommonParameters.Contains(p) || p is "WhatIf" or "Confirm");
                foreach (var parameter in parameters)
                {
                    var text = session.Run($"(Get-Help {name} -Parameter {parameter}).description.Text -join ''");
                    if (text.Errors.Count > 0 || text.Terminating != null || text.Text.Trim().Length == 0)
                    {
                        problems.Add($"{name}: -{parameter} has no help description");
                    }
                }
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        [Fact]
        public void AboutTopic_IsFoundByGetHelp_FromTheModulesEnUsFolder()
        {
            using var session = new PowerShellSession();
            var text = session.Run("Get-Help about_S3CrossAccount | ForEach-Object { $_.ToString() }").ShouldSucceed().Text;
            Assert.Contains("about_S3CrossAccount", text);
            Assert.Contains("CREDENTIALS AND REGION", text);
            Assert.Contains("BucketOwnerEnforced", text);
        }

        [Fact]
        public void AboutTopic_ListsEveryOutputTypeOfTheExportedCmdlets()
        {
            using var session = new PowerShellSession();
            var about = System.IO.File.ReadAllText(ModuleFiles.AboutTopic);
            var outputTypes = ModuleOutputTypes(session);
            var missing = outputTypes.Where(t => !about.Contains(t, StringComparison.Ordinal)).ToList();
            Assert.True(missing.Count == 0, "add these type names to OUTPUT TYPES in en-US/about_S3CrossAccount.help.txt: " + string.Join(", ", missing));
        }

        internal static IReadOnlyList<string> ExportedCmdlets(PowerShellSession session) =>
            session.Run("(Get-Command -Module S3CrossAccount -CommandType Cmdlet).Name").ShouldSucceed().All<string>().ToList();

        /// <summary>Full names of the module-owned types named by the exported cmdlets' [OutputType].</summary>
        internal static IReadOnlyList<string> ModuleOutputTypes(PowerShellSession session) =>
            session.Run("""
                foreach ($c in Get-Command -Module S3CrossAccount -CommandType Cmdlet) {
                    foreach ($t in $c.OutputType) {
                        if ($t.Type -and $t.Type.Assembly.GetName().Name -in 'S3CrossAccount', 'S3CrossAccount.Core') { $t.Type.FullName }
                    }
                }
                """).ShouldSucceed().All<string>().Distinct(StringComparer.Ordinal).ToList();
    }
}
