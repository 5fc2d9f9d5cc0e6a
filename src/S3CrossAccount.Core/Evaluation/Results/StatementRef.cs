namespace S3CrossAccount.Core.Evaluation.Results
{
    /// <summary>A statement that decided a layer: which policy, which statement.</summary>
    public sealed class StatementRef
    {
        public StatementRef(PolicyLayer layer, string policyName, string? sid, int index, bool isAllow)
        {
            Layer = layer;
            PolicyName = policyName;
            Sid = sid;
            Index = index;
            IsAllow = isAllow;
        }

        public PolicyLayer Layer { get; }

        public string PolicyName { get; }

        public string? Sid { get; }

        /// <summary>0-based position in the policy.</summary>
        public int Index { get; }

        public bool IsAllow { get; }

        public override string ToString() => $"{PolicyName} {(Sid != null ? "Sid " + Sid : "statement #" + (Index + 1))}";
    }
}
