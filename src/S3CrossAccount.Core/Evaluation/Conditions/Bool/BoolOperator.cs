using System;
using S3CrossAccount.Core.Evaluation.Requests;

namespace S3CrossAccount.Core.Evaluation.Conditions
{
    /// <summary>
    /// Boolean match: "true"/"false", case-insensitive; anything else matches nothing.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean
    /// </summary>
    public sealed class BoolOperator : ConditionOperator
    {
        public override string Name => "Bool";

        public override string? ValueForm => "true or false";

        public override bool IsWellFormedValue(string policyValue) => bool.TryParse(policyValue.Trim(), out _);

        protected override bool MatchesOne(string contextValue, string policyValue, RequestContext context) =>
            bool.TryParse(contextValue.Trim(), out var left) && bool.TryParse(policyValue.Trim(), out var right) && left == right;
    }
}
