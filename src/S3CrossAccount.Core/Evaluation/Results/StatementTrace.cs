using System.Collections.Generic;

namespace S3CrossAccount.Core.Evaluation.Results
{
    /// <summary>The detailed trace of one statement: whether it applied, and why or why not.</summary>
    public sealed class StatementTrace
    {
        internal StatementTrace(PolicyLayer layer, string policyName, string? sid, int index, bool isAllow)
        {
            Layer = layer;
            PolicyName = policyName;
            Sid = sid;
            Index = index;
            Effect = isAllow ? "Allow" : "Deny";
        }

        public PolicyLayer Layer { get; }

        public string PolicyName { get; }

        public string? Sid { get; }

        public int Index { get; }

        public string Effect { get; }

        public bool Applies { get; internal set; }

        public bool ActionMatched { get; internal set; }

        public bool ResourceMatched { get; internal set; }

        /// <summary>Null when the statement has no Principal element (identity policies).</summary>
        public PrincipalMatch? Principal { get; internal set; }

        /// <summary>Null when the statement has no conditions or they were not reached.</summary>
        public bool? ConditionsMet { get; internal set; }

        /// <summary>The conditions in words: one line per value compared and one per condition test.</summary>
        public List<string> Conditions { get; } = new List<string>();

        private List<ConditionResult>? _conditionResults;

        /// <summary>The condition tests as data, in the order they were evaluated; empty when none was reached.</summary>
        public IReadOnlyList<ConditionResult> ConditionResults => (IReadOnlyList<ConditionResult>?)_conditionResults ?? System.Array.Empty<ConditionResult>();

        internal void Add(ConditionResult result) => (_conditionResults ??= new List<ConditionResult>()).Add(result);

        /// <summary>The first reason it did not apply, or "applies".</summary>
        public string Reason { get; internal set; } = string.Empty;

        public override string ToString() => $"{PolicyName} {(Sid != null ? "Sid " + Sid : "#" + (Index + 1))} {Effect}: {Reason}";
    }
}
