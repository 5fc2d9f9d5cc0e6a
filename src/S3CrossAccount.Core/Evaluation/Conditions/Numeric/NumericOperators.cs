using System.Globalization;
using S3CrossAccount.Core.Evaluation.Requests;

namespace S3CrossAccount.Core.Evaluation.Conditions
{
    // Numeric operators: no policy variables, no wildcards; a value that is not a number matches nothing.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric

    /// <summary>Parses both sides as decimals and compares.</summary>
    public abstract class NumericOperator : ConditionOperator
    {
        protected override bool MatchesOne(string contextValue, string policyValue, RequestContext context) =>
            TryParse(contextValue, out var left) && TryParse(policyValue, out var right) && Compare(left.CompareTo(right));

        public override string? ValueForm => "a number";

        public override bool IsWellFormedValue(string policyValue) => TryParse(policyValue, out _);

        /// <summary>The positive test on the sign of context.CompareTo(policy).</summary>
        protected abstract bool Compare(int order);

        internal static bool TryParse(string text, out decimal value) =>
            decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public sealed class NumericEquals : NumericOperator
    {
        public override string Name => "NumericEquals";

        protected override bool Compare(int order) => order == 0;
    }

    public sealed class NumericNotEquals : NumericOperator
    {
        public override string Name => "NumericNotEquals";

        public override bool IsNegative => true;

        protected override bool Compare(int order) => order == 0;
    }

    public sealed class NumericLessThan : NumericOperator
    {
        public override string Name => "NumericLessThan";

        protected override bool Compare(int order) => order < 0;
    }

    public sealed class NumericLessThanEquals : NumericOperator
    {
        public override string Name => "NumericLessThanEquals";

        protected override bool Compare(int order) => order <= 0;
    }

    public sealed class NumericGreaterThan : NumericOperator
    {
        public override string Name => "NumericGreaterThan";

        protected override bool Compare(int order) => order > 0;
    }

    public sealed class NumericGreaterThanEquals : NumericOperator
    {
        public override string Name => "NumericGreaterThanEquals";

        protected override bool Compare(int order) => order >= 0;
    }
}
