using System.Collections.Generic;

namespace S3CrossAccount.Core.Evaluation.Results
{
    /// <summary>
    /// One condition test of a traced statement, as data: which key, which operator, the values the policy wants, the
    /// values the request has, and whether the test was met. A pipeline can filter them
    /// (<c>$d.ConditionResults | Where-Object { -not $_.Matched }</c>).
    /// </summary>
    public sealed class ConditionResult
    {
        internal ConditionResult(StatementTrace statement, string @operator, string key, IReadOnlyList<string> policyValues, IReadOnlyList<string> requestValues, bool keyPresent, bool matched)
        {
            Layer = statement.Layer;
            PolicyName = statement.PolicyName;
            Sid = statement.Sid;
            StatementIndex = statement.Index;
            Operator = @operator;
            Key = key;
            PolicyValues = policyValues;
            RequestValues = requestValues;
            KeyPresent = keyPresent;
            Matched = matched;
        }

        public PolicyLayer Layer { get; }

        public string PolicyName { get; }

        public string? Sid { get; }

        /// <summary>0-based position of the statement in its policy.</summary>
        public int StatementIndex { get; }

        /// <summary>The operator as written in the policy, qualifier and IfExists included (ForAnyValue:StringLikeIfExists).</summary>
        public string Operator { get; }

        public string Key { get; }

        /// <summary>The condition's values as written in the policy (policy variables unresolved).</summary>
        public IReadOnlyList<string> PolicyValues { get; }

        /// <summary>The request's values of the key; empty when the request does not have it.</summary>
        public IReadOnlyList<string> RequestValues { get; }

        public bool KeyPresent { get; }

        /// <summary>Whether the test was met (for a negated operator: whether no value matched).</summary>
        public bool Matched { get; }

        public override string ToString() => $"{Operator} {Key} [{string.Join(", ", PolicyValues)}] -> {(Matched ? "true" : "false")}";
    }
}
