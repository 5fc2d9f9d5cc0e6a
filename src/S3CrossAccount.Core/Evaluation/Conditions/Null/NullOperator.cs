using System;
using System.Collections.Generic;
using S3CrossAccount.Core.Evaluation.Requests;

namespace S3CrossAccount.Core.Evaluation.Conditions
{
    /// <summary>
    /// Null check: policy value "true" matches when the key is absent (or its value is empty), "false"
    /// when it is present. It tests presence itself, so the missing-key rule, IfExists and the set
    /// qualifiers do not apply to it.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null
    /// </summary>
    public sealed class NullOperator : IConditionOperator
    {
        public string Name => "Null";

        public bool IsNegative => false;

        public bool AllowsWildcards => false;

        public string? ValueForm => "true or false";

        public bool IsWellFormedValue(string policyValue) => bool.TryParse(policyValue.Trim(), out _);

        /// <param name="contextValues">Empty when the key is not in the request.</param>
        public bool Match(IReadOnlyList<string> contextValues, IReadOnlyList<string> policyValues, RequestContext context, ICollection<string>? explanation)
        {
            bool absent = contextValues.Count == 0 || (contextValues.Count == 1 && contextValues[0].Length == 0);
            foreach (var value in policyValues)
            {
                if (!bool.TryParse(value.Trim(), out var wantAbsent))
                {
                    explanation?.Add($"Null: '{value}' is not true or false");
                    continue;
                }

                bool hit = wantAbsent == absent;
                explanation?.Add($"Null: key is {(absent ? "absent" : "present")}, policy wants {(wantAbsent ? "absent" : "present")}");
                if (hit)
                {
                    return true;
                }
            }

            return false;
        }

        public override string ToString() => Name;
    }
}
