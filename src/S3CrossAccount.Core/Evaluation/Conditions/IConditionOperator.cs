using System.Collections.Generic;
using S3CrossAccount.Core.Evaluation.Requests;

namespace S3CrossAccount.Core.Evaluation.Conditions
{
    /// <summary>
    /// One IAM condition operator (StringEquals, NumericLessThan, IpAddress, ...). Operators are found by
    /// reflection (<see cref="ConditionOperatorRegistry"/>): add a class, it is registered. The set qualifiers
    /// (ForAllValues:/ForAnyValue:), the IfExists suffix and the missing-key rules are applied once, in
    /// <see cref="QualifiedConditionOperator"/>, not here.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
    /// </summary>
    public interface IConditionOperator
    {
        /// <summary>The operator name as written in a policy, without qualifier or IfExists.</summary>
        string Name { get; }

        /// <summary>A negated operator (StringNotEquals, NotIpAddress, ArnNotLike, ...): true when no policy value matches.</summary>
        bool IsNegative { get; }

        /// <summary>Policy values may hold <c>*</c> and <c>?</c> (StringLike, ArnLike, ArnEquals).</summary>
        bool AllowsWildcards { get; }

        /// <summary>
        /// The form a policy value must have to ever match, in words ("a number", "true or false"); null when any text
        /// can. The linter warns about a value of another form: the condition is then always false (always true for a
        /// negated operator), which is never what the author meant.
        /// </summary>
        string? ValueForm { get; }

        /// <summary>False when <paramref name="policyValue"/> is not of <see cref="ValueForm"/>.</summary>
        bool IsWellFormedValue(string policyValue);

        /// <summary>
        /// Tests the present context values against the policy values: OR across values for a positive
        /// operator, NOR for a negated one. <paramref name="explanation"/> receives one line per value compared
        /// when it is not null (the detailed trace); pass null on the fast path.
        /// </summary>
        bool Match(IReadOnlyList<string> contextValues, IReadOnlyList<string> policyValues, RequestContext context, ICollection<string>? explanation);
    }
}
