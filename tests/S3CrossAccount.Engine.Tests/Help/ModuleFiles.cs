using System.IO;

namespace S3CrossAccount.Engine.Tests.Help
{
    /// <summary>Where the help sources and the packaged files live, derived from the packaged manifest's path.</summary>
    internal static class ModuleFiles
    {
        /// <summary>out/S3CrossAccount/&lt;version&gt;/.</summary>
        public static string PackageDirectory => Path.GetDirectoryName(PowerShellSession.ManifestPath)!;

        /// <summary>The repository root: out/ sits directly under it.</summary>
        public static string RepoRoot => Path.GetFullPath(Path.Combine(PackageDirectory, "..", "..", ".."));

        public static string DocsFile(string cmdlet) => Path.Combine(RepoRoot, "docs", cmdlet + ".md");

        public static string FormatFile => Path.Combine(PackageDirectory, "S3CrossAccount.Format.ps1xml");

        public static string AboutTopic => Path.Combine(PackageDirectory, "en-US", "about_S3CrossAccount.help.txt");

        /// <summary>The one paragraph under "## SYNOPSIS", as HelpGen re-flows it.</summary>
        public static string MarkdownSynopsis(string cmdlet)
        {
            var lines = File.ReadAllLines(DocsFile(cmdlet));
            var text = new System.Collections.Generic.List<string>();
            var inSynopsis = false;
            foreach (var line in lines)
            {
                if (line.StartsWith("## ", System.StringComparison.Ordinal))
                {
                    inSynopsis = line.Trim() == "## SYNOPSIS";
                    continue;
                }

                if (inSynopsis && line.Trim().Length > 0)
                {
                    text.Add(line.Trim());
                }
            }

            return string.Join(" ", text);
        }
    }
}
