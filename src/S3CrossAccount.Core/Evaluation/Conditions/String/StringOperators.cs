using System;
using S3CrossAccount.Core.Evaluation.Matching;
using S3CrossAccount.Core.Evaluation.Requests;

namespace S3CrossAccount.Core.Evaluation.Conditions
{
    // String operators support policy variables; only the Like pair supports wildcards.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String

    /// <summary>Exact, case-sensitive.</summary>
    public sealed class StringEquals : ConditionOperator
    {
        public override string Name => "StringEquals";

        protected override bool MatchesOne(string contextValue, string policyValue, RequestContext context) =>
            PolicyVariables.TryResolve(policyValue, context, out var resolved) && string.Equals(contextValue, resolved, StringComparison.Ordinal);
    }

    public sealed class StringNotEquals : ConditionOperator
    {
        public override string Name => "StringNotEquals";

        public override bool IsNegative => true;

        protected override bool MatchesOne(string contextValue, string policyValue, RequestContext context) =>
            PolicyVariables.TryResolve(policyValue, context, out var resolved) && string.Equals(contextValue, resolved, StringComparison.Ordinal);
    }

    /// <summary>Exact, ignoring case.</summary>
    public sealed class StringEqualsIgnoreCase : ConditionOperator
    {
        public override string Name => "StringEqualsIgnoreCase";

        protected override bool MatchesOne(string contextValue, string policyValue, RequestContext context) =>
            PolicyVariables.TryResolve(policyValue, context, out var resolved) && string.Equals(contextValue, resolved, StringComparison.OrdinalIgnoreCase);
    }

    public sealed class StringNotEqualsIgnoreCase : ConditionOperator
    {
        public override string Name => "StringNotEqualsIgnoreCase";

        public override bool IsNegative => true;

        protected override bool MatchesOne(string contextValue, string policyValue, RequestContext context) =>
            PolicyVariables.TryResolve(policyValue, context, out var resolved) && string.Equals(contextValue, resolved, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Case-sensitive with <c>*</c> and <c>?</c> wildcards.</summary>
    public sealed class StringLike : ConditionOperator
    {
        public override string Name => "StringLike";

        public override bool AllowsWildcards => true;

        protected override bool MatchesOne(string contextValue, string policyValue, RequestContext context) =>
            PolicyVariables.TryResolvePattern(policyValue, context, out var pattern, out var literal)
            && WildcardMatcher.IsMatch(pattern, literal, contextValue, ignoreCase: false);
    }

    public sealed class StringNotLike : ConditionOperator
    {
        public override string Name => "StringNotLike";

        public override bool IsNegative => true;

        public override bool AllowsWildcards => true;

        protected override bool MatchesOne(string contextValue, string policyValue, RequestContext context) =>
            PolicyVariables.TryResolvePattern(policyValue, context, out var pattern, out var literal)
            && WildcardMatcher.IsMatch(pattern, literal, contextValue, ignoreCase: false);
    }
}
