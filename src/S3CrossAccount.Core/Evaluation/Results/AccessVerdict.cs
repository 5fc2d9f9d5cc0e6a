namespace S3CrossAccount.Core.Evaluation.Results
{
    /// <summary>
    /// The decision without its explanation, from <see cref="AccessEvaluator.Decide"/>: a value, so deciding allocates
    /// nothing. <see cref="AccessEvaluator.Evaluate(Requests.AccessRequest, AccessPolicies, bool)"/> gives the same
    /// decision with the reason, the layers and (when asked) the trace.
    /// </summary>
    public readonly struct AccessVerdict
    {
        public AccessVerdict(DecisionRule rule)
        {
            Rule = rule;
        }

        public DecisionRule Rule { get; }

        public Decision Decision => Rule.DecisionOf();

        public bool Allowed => Decision == Decision.Allowed;

        public override string ToString() => $"{Decision} ({Rule})";
    }
}
