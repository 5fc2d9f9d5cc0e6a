using System;
using System.Collections.Generic;
using System.Linq;

using S3CrossAccount.Core.Identifiers;

namespace S3CrossAccount.Core.Policies
{
    /// <summary>The principal types a policy's Principal/NotPrincipal element may name.</summary>
    public static class PrincipalTypes
    {
        public const string Aws = "AWS";
        public const string CanonicalUser = "CanonicalUser";
        public const string Service = "Service";
        public const string Federated = "Federated";

        internal static readonly string[] All = { Aws, CanonicalUser, Service, Federated };

        internal static bool IsKnown(string type) => Array.IndexOf(All, type) >= 0;
    }

    /// <summary>
    /// A Principal or NotPrincipal element: either the bare string "*" (everyone, including anonymous
    /// callers) or a map from principal type to values. <c>{"AWS":"*"}</c> is kept distinct from
    /// <c>"*"</c>: AWS documents them as equivalent for evaluation, but a policy is written back as read.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
    /// </summary>
    public sealed class PrincipalBlock : IEquatable<PrincipalBlock>
    {
        private static readonly KeyValuePair<string, PolicyValueList>[] NoEntries = new KeyValuePair<string, PolicyValueList>[0];

        private PrincipalBlock(bool isWildcard, KeyValuePair<string, PolicyValueList>[] entries)
        {
            IsWildcard = isWildcard;
            Entries = entries;
        }

        /// <summary>The bare string form "*".</summary>
        public static PrincipalBlock Wildcard { get; } = new PrincipalBlock(true, NoEntries);

        /// <summary>True for the bare string "*" form.</summary>
        public bool IsWildcard { get; }

        /// <summary>Principal type to values, in document order (empty for the wildcard form).</summary>
        public IReadOnlyList<KeyValuePair<string, PolicyValueList>> Entries { get; }

        /// <summary>True when anyone can match: "*" or a type whose values include "*".</summary>
        public bool IsPublic => IsWildcard || Entries.Any(e => e.Value.Contains("*"));

        public static PrincipalBlock FromEntries(IEnumerable<KeyValuePair<string, PolicyValueList>> entries)
        {
            var arr = entries?.ToArray() ?? throw new ArgumentNullException(nameof(entries));
            if (arr.Length == 0)
            {
                throw new ArgumentException("A principal map needs at least one principal type.", nameof(entries));
            }

            if (arr.Select(e => e.Key).Distinct(StringComparer.Ordinal).Count() != arr.Length)
            {
                throw new ArgumentException("A principal type appears twice.", nameof(entries));
            }

            return new PrincipalBlock(false, arr);
        }

        public static PrincipalBlock Of(string type, PolicyValueList values) =>
            FromEntries(new[] { new KeyValuePair<string, PolicyValueList>(type, values) });

        /// <summary><c>{"AWS": ...}</c>: one value as a string, several as an array.</summary>
        public static PrincipalBlock Aws(params string[] values) => Of(PrincipalTypes.Aws, PolicyValueList.Of(values));

        public static PrincipalBlock Aws(IEnumerable<string> values) => Of(PrincipalTypes.Aws, PolicyValueList.Of(values));

        /// <summary>The values for one type, or null when the block does not name that type.</summary>
        public PolicyValueList? Get(string type)
        {
            foreach (var e in Entries)
            {
                if (string.Equals(e.Key, type, StringComparison.Ordinal))
                {
                    return e.Value;
                }
            }

            return null;
        }

        /// <summary>Every value as "Type:value" pairs, "*" for the wildcard form.</summary>
        public IEnumerable<string> Describe() =>
            IsWildcard ? new[] { "*" } : Entries.SelectMany(e => e.Value.Select(v => e.Key == PrincipalTypes.Aws ? v : e.Key + ":" + v));

        /// <summary>Same principals regardless of order and of single-vs-array form.</summary>
        public bool SemanticEquals(PrincipalBlock? other)
        {
            if (other == null || other.IsWildcard != IsWildcard || other.Entries.Count != Entries.Count)
            {
                return false;
            }

            foreach (var e in Entries)
            {
                var theirs = other.Get(e.Key);
                if (theirs == null || !new HashSet<string>(e.Value.Select(v => CanonicalValue(e.Key, v)), StringComparer.Ordinal)
                        .SetEquals(theirs.Select(v => CanonicalValue(e.Key, v))))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The value as AWS evaluates it: a bare account ID and that account's root ARN name the same
        /// principal (<see cref="AccountPrincipal"/>), so both become "account:ID".
        /// </summary>
        public static string CanonicalValue(string type, string value)
        {
            if (!string.Equals(type, PrincipalTypes.Aws, StringComparison.Ordinal))
            {
                return value;
            }

            var account = AccountPrincipal.WholeAccountOf(value);
            return account == null ? value : "account:" + account;
        }

        public bool Equals(PrincipalBlock? other)
        {
            if (other == null || other.IsWildcard != IsWildcard || other.Entries.Count != Entries.Count)
            {
                return false;
            }

            for (var i = 0; i < Entries.Count; i++)
            {
                if (!string.Equals(Entries[i].Key, other.Entries[i].Key, StringComparison.Ordinal) || !Entries[i].Value.Equals(other.Entries[i].Value))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as PrincipalBlock);

        public override int GetHashCode() => IsWildcard ? 42 : Entries.Aggregate(17, (h, e) => unchecked((h * 31) + e.Key.GetHashCode() + e.Value.GetHashCode()));

        public override string ToString() => string.Join(", ", Describe());
    }
}
