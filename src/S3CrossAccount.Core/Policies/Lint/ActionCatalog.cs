using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace S3CrossAccount.Core.Policies.Lint
{
    /// <summary>The known actions of the services the module works with (iam, kms, s3, sts), shipped as data.</summary>
    public static class ActionCatalog
    {
        private static readonly Lazy<Dictionary<string, string[]>> Catalog = new Lazy<Dictionary<string, string[]>>(Load);

        public static IReadOnlyCollection<string> Services => Catalog.Value.Keys;

        /// <summary>Every known action as "service:Action", services and actions in catalog order (for tab completion).</summary>
        public static IEnumerable<string> All => Catalog.Value.SelectMany(pair => pair.Value.Select(name => pair.Key + ":" + name));

        /// <summary>True when the service's actions are in the catalog (others are not checked).</summary>
        public static bool Covers(string service) => Catalog.Value.ContainsKey(service.ToLowerInvariant());

        /// <summary>True when the action (which may contain * and ?) names at least one known action.</summary>
        public static bool IsKnown(string action)
        {
            var colon = action.IndexOf(':');
            if (colon <= 0)
            {
                return action == "*";
            }

            if (!Catalog.Value.TryGetValue(action.Substring(0, colon).ToLowerInvariant(), out var names))
            {
                return true;
            }

            var pattern = action.Substring(colon + 1);
            return names.Any(n => Wildcard.Matches(pattern, n, ignoreCase: true));
        }

        private static Dictionary<string, string[]> Load()
        {
            using var stream = typeof(ActionCatalog).Assembly.GetManifestResourceStream("S3CrossAccount.Core.ActionCatalog.txt")
                ?? throw new InvalidOperationException("The action catalog resource is missing from S3CrossAccount.Core.");
            using var reader = new StreamReader(stream);
            var lines = new List<string>();
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                if (line.Length > 0 && line[0] != '#')
                {
                    lines.Add(line.Trim());
                }
            }

            return lines.GroupBy(l => l.Substring(0, l.IndexOf(':')), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(l => l.Substring(l.IndexOf(':') + 1)).ToArray(), StringComparer.Ordinal);
        }
    }

    /// <summary>IAM-style wildcard matching: * any run of characters, ? one character.</summary>
    public static class Wildcard
    {
        public static bool Matches(string pattern, string text, bool ignoreCase)
        {
            int p = 0, t = 0, star = -1, mark = 0;
            while (t < text.Length)
            {
                if (p < pattern.Length && (pattern[p] == '?' || Same(pattern[p], text[t], ignoreCase)))
                {
                    p++;
                    t++;
                }
                else if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    mark = t;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    t = ++mark;
                }
                else
                {
                    return false;
                }
            }

            while (p < pattern.Length && pattern[p] == '*')
            {
                p++;
            }

            return p == pattern.Length;
        }

        private static bool Same(char a, char b, bool ignoreCase) => ignoreCase ? char.ToLowerInvariant(a) == char.ToLowerInvariant(b) : a == b;
    }
}
