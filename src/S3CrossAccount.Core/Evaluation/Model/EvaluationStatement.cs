using System;
using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Core.Evaluation.Conditions;
using S3CrossAccount.Core.Evaluation.Matching;

namespace S3CrossAccount.Core.Evaluation.Model
{
    /// <summary>One condition test of a statement: operator, key, values (OR across values).</summary>
    public sealed class ConditionTest
    {
        private readonly string[] _written;

        /// <param name="policyVariables">False for policies older than 2012-10-17: their ${...} is plain text.</param>
        public ConditionTest(string @operator, string key, IEnumerable<string> values, bool policyVariables = true)
        {
            Operator = QualifiedConditionOperator.Parse(@operator);
            Key = key;
            _written = values.ToArray();
            Values = policyVariables ? _written : _written.Select(PolicyVariables.Literal).ToArray();
        }

        public QualifiedConditionOperator Operator { get; }

        public string Key { get; }

        public IReadOnlyList<string> Values { get; }

        /// <summary>The values as written in the policy (<see cref="Values"/> escapes variables in policies before 2012-10-17).</summary>
        public IReadOnlyList<string> WrittenValues => _written;

        public override string ToString() => $"{Operator.Text} {Key} [{string.Join(", ", _written)}]";
    }

    /// <summary>
    /// A statement prepared for fast evaluation: the patterns are kept with a flag saying whether they
    /// need wildcard or variable handling, and the condition operators are parsed once.
    /// </summary>
    public sealed class EvaluationStatement
    {
        public EvaluationStatement(
            bool isAllow,
            IEnumerable<string>? actions = null,
            IEnumerable<string>? notActions = null,
            IEnumerable<string>? resources = null,
            IEnumerable<string>? notResources = null,
            IEnumerable<KeyValuePair<string, string>>? principals = null,
            IEnumerable<KeyValuePair<string, string>>? notPrincipals = null,
            bool principalIsWildcard = false,
            IEnumerable<ConditionTest>? conditions = null,
            string? sid = null,
            int index = 0)
        {
            IsAllow = isAllow;
            Actions = Compile(actions);
            NotActions = Compile(notActions);
            Resources = Compile(resources);
            NotResources = Compile(notResources);
            Principals = principals?.ToArray();
            NotPrincipals = notPrincipals?.ToArray();
            PrincipalIsWildcard = principalIsWildcard;
            Conditions = conditions?.ToArray() ?? Array.Empty<ConditionTest>();
            Sid = string.IsNullOrEmpty(sid) ? null : sid;
            Index = index;
            PrincipalAccounts = NamedAccounts(PrincipalIsWildcard, Principals, NotPrincipals);
        }

        public bool IsAllow { get; }

        public string? Sid { get; }

        /// <summary>Position in the policy, from 0.</summary>
        public int Index { get; }

        internal Pattern[]? Actions { get; }

        internal Pattern[]? NotActions { get; }

        internal Pattern[]? Resources { get; }

        internal Pattern[]? NotResources { get; }

        /// <summary>Principal element as (type, value) pairs; null when the statement has none.</summary>
        public KeyValuePair<string, string>[]? Principals { get; }

        public KeyValuePair<string, string>[]? NotPrincipals { get; }

        /// <summary>The bare <c>"Principal": "*"</c> form.</summary>
        public bool PrincipalIsWildcard { get; }

        public bool HasPrincipal => PrincipalIsWildcard || Principals != null;

        public IReadOnlyList<ConditionTest> Conditions { get; }

        /// <summary>"Sid 111" or "statement #2" (1-based for people).</summary>
        public string Label => Sid != null ? "Sid " + Sid : "statement #" + (Index + 1);

        /// <summary>
        /// For the principal index of a resource-based policy: the accounts whose callers the Principal element can
        /// match ("" stands for callers without an account: anonymous and service principals), or null when it can
        /// match a caller of any account ("*", NotPrincipal, a canonical user ID, a value whose account cannot be read).
        /// A principal value matches a caller exactly, as its role, or as its account, and each of those names the
        /// caller's account, so a statement can be ruled out by the caller's account before any value is compared.
        /// </summary>
        internal string[]? PrincipalAccounts { get; }

        private static string[]? NamedAccounts(bool wildcard, KeyValuePair<string, string>[]? principals, KeyValuePair<string, string>[]? notPrincipals)
        {
            if (wildcard || notPrincipals != null)
            {
                return null;
            }

            var accounts = new List<string>();
            foreach (var entry in principals ?? Array.Empty<KeyValuePair<string, string>>())
            {
                switch (entry.Key)
                {
                    case "AWS":
                        var account = PrincipalValues.AccountOf(entry.Value);
                        if (account == null)
                        {
                            return null;
                        }

                        accounts.Add(account);
                        break;
                    case "Service":
                        accounts.Add(string.Empty);
                        break;
                    case "CanonicalUser":
                        return null;
                }
            }

            return accounts.Distinct(StringComparer.Ordinal).ToArray();
        }

        private static Pattern[]? Compile(IEnumerable<string>? values) => values?.Select(v => new Pattern(v)).ToArray();

        internal readonly struct Pattern
        {
            public Pattern(string text)
            {
                Text = text;
                HasWildcard = WildcardMatcher.HasWildcard(text);
                HasVariable = PolicyVariables.ContainsVariable(text);
                int star = text.IndexOf('*'), question = text.IndexOf('?');
                int first = star < 0 ? question : question < 0 ? star : System.Math.Min(star, question);
                LiteralPrefixLength = first < 0 ? text.Length : first;
                IsPrefixGlob = first == text.Length - 1 && star == first;
            }

            /// <summary>A literal prefix and one trailing <c>*</c> (arn:aws:s3:::bucket/*): matching is a prefix comparison.</summary>
            public bool IsPrefixGlob { get; }

            /// <summary>Characters before the first wildcard: a cheap ordinal pre-check before the glob match.</summary>
            public int LiteralPrefixLength { get; }

            public string Text { get; }

            public bool HasWildcard { get; }

            public bool HasVariable { get; }
        }
    }
}
