using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Xml.Linq;

namespace S3CrossAccount.Tools.HelpGen
{
    /// <summary>docs/ + cmdlet metadata + manifest exports => MAML, or the list of what is wrong.</summary>
    internal static class HelpGenerator
    {
        /// <summary>Descriptions of parameters declared on a shared base class (the AWS common parameters).</summary>
        public const string SharedParametersFile = "_shared-parameters.md";

        /// <summary>
        /// Notes next to the help sources (docs/aws-calls.md, ...): a file whose name starts with a lower-case
        /// letter is not cmdlet help, since every cmdlet name starts with its capitalised verb.
        /// </summary>
        public static bool IsNotes(string path)
        {
            var name = Path.GetFileName(path);
            return name.Length > 0 && char.IsLower(name[0]);
        }

        public static (List<HelpProblem> Problems, XDocument? Maml) Generate(string docsDirectory, IReadOnlyList<CmdletMetadata> cmdlets, IReadOnlyList<string> exported, string manifestPath)
        {
            var problems = new List<HelpProblem>();
            var docs = new List<CommandHelpDoc>();
            CommandHelpDoc? shared = null;
            if (Directory.Exists(docsDirectory))
            {
                foreach (var path in Directory.GetFiles(docsDirectory, "*.md").OrderBy(p => p, StringComparer.Ordinal))
                {
                    if (IsNotes(path))
                    {
                        continue;
                    }

                    try
                    {
                        var doc = MarkdownHelpParser.ParseFile(path);
                        if (Path.GetFileName(path).Equals(SharedParametersFile, StringComparison.OrdinalIgnoreCase))
                        {
                            shared = doc;
                        }
                        else if (!Path.GetFileName(path).StartsWith("_", StringComparison.Ordinal))
                        {
                            docs.Add(doc);
                        }
                    }
                    catch (HelpFormatException ex)
                    {
                        problems.Add(new HelpProblem(ex.SourcePath, ex.Message));
                    }
                }
            }

            problems.AddRange(HelpValidator.Validate(exported, cmdlets, docs, shared, manifestPath));
            if (problems.Count > 0)
            {
                return (problems, null);
            }

            var docsByName = docs.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
            var commands = cmdlets.Where(c => exported.Contains(c.Name, StringComparer.OrdinalIgnoreCase)).Select(c => (c, docsByName[c.Name]));
            return (problems, MamlWriter.Write(commands, shared));
        }

        /// <summary>
        /// Loads the packaged cmdlet assembly for reflection. Its System.Management.Automation reference
        /// (PowerShellStandard.Library 5.1) resolves by name to the 7.6.9 this tool ships with; the module's
        /// own assemblies come from its folder and dependencies/.
        /// </summary>
        public static Assembly LoadCmdletAssembly(string path)
        {
            var fullPath = Path.GetFullPath(path);
            var directories = new[] { Path.GetDirectoryName(fullPath)!, Path.Combine(Path.GetDirectoryName(fullPath)!, "dependencies") };
            AssemblyLoadContext.Default.Resolving += (context, name) =>
            {
                foreach (var directory in directories)
                {
                    var candidate = Path.Combine(directory, name.Name + ".dll");
                    if (File.Exists(candidate))
                    {
                        return context.LoadFromAssemblyPath(candidate);
                    }
                }

                return null;
            };
            return AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
        }
    }
}
