using System.Collections.Generic;
using S3CrossAccount.Core.Evaluation.Requests;

namespace S3CrossAccount.Core.Evaluation.Conditions
{
    /// <summary>
    /// Shared value logic: a positive operator matches when any context value matches any policy value
    /// (OR); a negated operator is the NOR of its positive test
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html).
    /// Subclasses only say how one context value compares with one policy value.
    /// </summary>
    public abstract class ConditionOperator : IConditionOperator
    {
        public abstract string Name { get; }

        public virtual bool IsNegative => false;

        public virtual bool AllowsWildcards => false;

        public virtual string? ValueForm => null;

        public virtual bool IsWellFormedValue(string policyValue) => true;

        public bool Match(IReadOnlyList<string> contextValues, IReadOnlyList<string> policyValues, RequestContext context, ICollection<string>? explanation)
        {
            bool any = false;
            for (int c = 0; c < contextValues.Count && !any; c++)
            {
                for (int p = 0; p < policyValues.Count; p++)
                {
                    bool hit = MatchesOne(contextValues[c], policyValues[p], context);
                    explanation?.Add($"{Name}: '{contextValues[c]}' {(hit ^ IsNegative ? "satisfies" : "does not satisfy")} '{policyValues[p]}'");
                    if (hit)
                    {
                        any = true;
                        break;
                    }
                }
            }

            return IsNegative ? !any : any;
        }

        /// <summary>The positive test (for a negated operator, the test it negates) of one value pair.</summary>
        protected abstract bool MatchesOne(string contextValue, string policyValue, RequestContext context);

        public override string ToString() => Name;
    }
}
