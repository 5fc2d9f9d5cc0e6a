using System;
using System.Linq;
using System.Text;

namespace S3CrossAccount.Core.Policies.Merging
{
    /// <summary>
    /// The identity of a grant statement, without its actions: effect, principals, resource scope and
    /// condition, in a canonical text (sets sorted, condition keys lower-cased as AWS compares them).
    /// Two statements with the same key differ only in what they allow, so one can absorb the other.
    /// </summary>
    public static class GrantKey
    {
        /// <summary>The prefix of every Sid this module writes.</summary>
        public const string SidPrefix = "XAccount";

        public static string Of(PolicyStatement s)
        {
            var sb = new StringBuilder(256);
            sb.Append(s.Effect == PolicyEffect.Allow ? "A" : "D").Append('\n');
            AppendPrincipal(sb, "P", s.Principal);
            AppendPrincipal(sb, "NP", s.NotPrincipal);
            AppendList(sb, "R", s.Resource);
            AppendList(sb, "NR", s.NotResource);
            sb.Append(s.Action == null ? "NA" : "A").Append('\n');
            if (s.Condition != null)
            {
                foreach (var entry in s.Condition.Clauses
                    .SelectMany(c => c.Entries.Select(e => c.Operator + "|" + e.Key.ToLowerInvariant() + "=" + string.Join("\u001f", e.Values.Select(v => v.Text).Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal))))
                    .OrderBy(x => x, StringComparer.Ordinal))
                {
                    sb.Append("C:").Append(entry).Append('\n');
                }
            }

            return sb.ToString();
        }

        /// <summary>
        /// The base Sid for a statement: "XAccount" + 12 upper-case hex digits of a 64-bit FNV-1a hash of
        /// its key. IAM allows only letters and digits in a Sid.
        /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html
        /// </summary>
        public static string BaseSid(PolicyStatement s) => SidPrefix + Hash(Of(s)).ToString("X16").Substring(0, 12);

        /// <summary>The n-th Sid candidate (n = 1 is the base; later ones resolve collisions with foreign statements).</summary>
        public static string Candidate(string baseSid, int n) => n == 1 ? baseSid : baseSid + n.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>True when the Sid looks like one this module wrote.</summary>
        public static bool IsModuleSid(string? sid) => sid != null && sid.StartsWith(SidPrefix, StringComparison.Ordinal) && sid.Length >= SidPrefix.Length + 12;

        private static void AppendPrincipal(StringBuilder sb, string tag, PrincipalBlock? p)
        {
            if (p == null)
            {
                return;
            }

            sb.Append(tag).Append(':');
            if (p.IsWildcard)
            {
                sb.Append("*\n");
                return;
            }

            foreach (var e in p.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                sb.Append(e.Key).Append('=');
                foreach (var v in e.Value.Select(v => PrincipalBlock.CanonicalValue(e.Key, v)).Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal))
                {
                    sb.Append(v).Append('\u001f');
                }

                sb.Append(';');
            }

            sb.Append('\n');
        }

        private static void AppendList(StringBuilder sb, string tag, PolicyValueList? list)
        {
            if (list == null)
            {
                return;
            }

            sb.Append(tag).Append(':');
            foreach (var v in list.Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal))
            {
                sb.Append(v).Append('\u001f');
            }

            sb.Append('\n');
        }

        private static ulong Hash(string text)
        {
            // FNV-1a over UTF-16 code units: stable across processes and platforms, unlike string.GetHashCode.
            var h = 14695981039346656037UL;
            foreach (var c in text)
            {
                h ^= c;
                h *= 1099511628211UL;
            }

            return h;
        }
    }
}
