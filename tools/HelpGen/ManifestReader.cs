using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Language;

namespace S3CrossAccount.Tools.HelpGen
{
    /// <summary>Reads CmdletsToExport from a module manifest with PowerShell's own parser (comments and all).</summary>
    internal static class ManifestReader
    {
        public static IReadOnlyList<string> CmdletsToExport(string manifestPath)
        {
            var ast = Parser.ParseFile(manifestPath, out _, out var errors);
            if (errors.Length > 0)
            {
                throw new HelpFormatException(manifestPath, "the manifest does not parse: " + errors[0].Message);
            }

            var table = ast.Find(a => a is HashtableAst, searchNestedScriptBlocks: false) as HashtableAst
                ?? throw new HelpFormatException(manifestPath, "the manifest holds no hashtable");
            var entry = table.KeyValuePairs.FirstOrDefault(p => p.Item1 is StringConstantExpressionAst k && k.Value.Equals("CmdletsToExport", StringComparison.OrdinalIgnoreCase));
            if (entry == null)
            {
                return Array.Empty<string>();
            }

            return entry.Item2.FindAll(a => a is StringConstantExpressionAst, searchNestedScriptBlocks: false)
                .Cast<StringConstantExpressionAst>().Select(s => s.Value).ToList();
        }
    }
}
