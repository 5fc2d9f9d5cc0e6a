using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;

namespace S3CrossAccount.Tools.HelpGen
{
    /// <summary>One reason the help is not shippable, named precisely enough to fix.</summary>
    internal sealed class HelpProblem
    {
        public HelpProblem(string file, string message)
        {
            File = file;
            Message = message;
        }

        public string File { get; }

        public string Message { get; }

        /// <summary>MSBuild's canonical error format, so the build log lists each problem as an error.</summary>
        public override string ToString() => File + ": error XAHELP: " + Message;
    }

    /// <summary>Checks the docs against the code and the manifest; every problem is reported, not only the first.</summary>
    internal static class HelpValidator
    {
        public const int MinimumExamples = 2;

        private static readonly System.Text.RegularExpressions.Regex PromptPattern =
            new System.Text.RegularExpressions.Regex(@"^\s*PS( [A-Za-z]:[^>]*)?>", System.Text.RegularExpressions.RegexOptions.Compiled);

        public static List<HelpProblem> Validate(
            IReadOnlyList<string> exported,
            IReadOnlyList<CmdletMetadata> cmdlets,
            IReadOnlyList<CommandHelpDoc> docs,
            CommandHelpDoc? shared,
            string manifestPath)
        {
            var problems = new List<HelpProblem>();
            var cmdletsByName = cmdlets.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
            var docsByName = new Dictionary<string, CommandHelpDoc>(StringComparer.OrdinalIgnoreCase);
            foreach (var doc in docs)
            {
                var fileName = Path.GetFileNameWithoutExtension(doc.SourcePath);
                if (!string.Equals(doc.Name, fileName, StringComparison.Ordinal))
                {
                    problems.Add(new HelpProblem(doc.SourcePath, $"the first heading '# {doc.Name}' must be the cmdlet name '{fileName}' (the file name)"));
                }

                docsByName[fileName] = doc;
                if (!exported.Contains(fileName, StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add(new HelpProblem(doc.SourcePath, $"documents {fileName}, which {Path.GetFileName(manifestPath)} does not export (CmdletsToExport)"));
                }
            }

            foreach (var name in exported)
            {
                if (!cmdletsByName.TryGetValue(name, out var cmdlet))
                {
                    problems.Add(new HelpProblem(manifestPath, $"{name} is in CmdletsToExport but no public cmdlet class declares it"));
                    continue;
                }

                if (!docsByName.TryGetValue(name, out var doc))
                {
                    problems.Add(new HelpProblem(Path.Combine("docs", name + ".md"), $"{name} has no help: write docs/{name}.md"));
                    continue;
                }

                ValidateCommand(cmdlet, doc, shared, problems);
            }

            return problems;
        }

        private static void ValidateCommand(CmdletMetadata cmdlet, CommandHelpDoc doc, CommandHelpDoc? shared, List<HelpProblem> problems)
        {
            var file = doc.SourcePath;
            if (string.IsNullOrWhiteSpace(doc.Synopsis))
            {
                problems.Add(new HelpProblem(file, $"{cmdlet.Name}: ## SYNOPSIS is missing or empty"));
            }

            if (doc.Description.Count == 0)
            {
                problems.Add(new HelpProblem(file, $"{cmdlet.Name}: ## DESCRIPTION is missing or empty"));
            }

            if (doc.Examples.Count < MinimumExamples)
            {
                problems.Add(new HelpProblem(file, $"{cmdlet.Name}: has {doc.Examples.Count} example(s); at least {MinimumExamples} are required"));
            }

            foreach (var example in doc.Examples)
            {
                if (string.IsNullOrWhiteSpace(example.Code))
                {
                    problems.Add(new HelpProblem(file, $"{cmdlet.Name}: '{example.Title}' has no ```powershell code block"));
                    continue;
                }

                if (example.Code.Split('\n').Any(l => PromptPattern.IsMatch(l)))
                {
                    problems.Add(new HelpProblem(file, $"{cmdlet.Name}: the code of '{example.Title}' starts a line with a prompt (PS>); keep only the command"));
                    continue;
                }

                Parser.ParseInput(example.Code, out _, out var errors);
                if (errors.Length > 0)
                {
                    problems.Add(new HelpProblem(file, $"{cmdlet.Name}: the code of '{example.Title}' does not parse: {errors[0].Message} (line {errors[0].Extent.StartLineNumber})"));
                }
            }

            foreach (var parameter in cmdlet.Parameters.Where(p => !p.IsRiskMitigation))
            {
                var documented = doc.Parameters.TryGetValue(parameter.Name, out var text) && text.Count > 0;
                var sharedText = parameter.DeclaredOnBase && shared != null && shared.Parameters.TryGetValue(parameter.Name, out var s) && s.Count > 0;
                if (!documented && !sharedText)
                {
                    problems.Add(new HelpProblem(file, $"{cmdlet.Name}: parameter -{parameter.Name} is not documented (add '### -{parameter.Name}' with a description under ## PARAMETERS)"));
                }
            }

            foreach (var name in doc.Parameters.Keys)
            {
                if (!cmdlet.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add(new HelpProblem(file, $"{cmdlet.Name}: documents parameter -{name}, which the cmdlet does not declare"));
                }
            }
        }
    }
}
