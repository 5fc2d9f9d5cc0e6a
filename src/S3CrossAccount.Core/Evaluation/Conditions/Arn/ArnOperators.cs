using S3CrossAccount.Core.Evaluation.Matching;
using S3CrossAccount.Core.Evaluation.Requests;

namespace S3CrossAccount.Core.Evaluation.Conditions
{
    // ArnEquals and ArnLike behave the same: each of the six ARN parts is compared case-sensitively and
    // may hold * and ?; policy variables are supported.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN

    public abstract class ArnOperator : ConditionOperator
    {
        public override bool AllowsWildcards => true;

        protected override bool MatchesOne(string contextValue, string policyValue, RequestContext context) =>
            PolicyVariables.TryResolvePattern(policyValue, context, out var pattern, out var literal)
            && ArnMatcher.IsMatch(pattern, literal, contextValue);
    }

    public sealed class ArnEquals : ArnOperator
    {
        public override string Name => "ArnEquals";
    }

    public sealed class ArnLike : ArnOperator
    {
        public override string Name => "ArnLike";
    }

    public sealed class ArnNotEquals : ArnOperator
    {
        public override string Name => "ArnNotEquals";

        public override bool IsNegative => true;
    }

    public sealed class ArnNotLike : ArnOperator
    {
        public override string Name => "ArnNotLike";

        public override bool IsNegative => true;
    }
}
