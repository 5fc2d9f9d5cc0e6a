using System;
using System.Collections.Generic;
using S3CrossAccount.Core.Evaluation.Requests;

namespace S3CrossAccount.Core.Evaluation.Conditions
{
    /// <summary>
    /// Null check: policy value "true" matches when the key is absent, "false" when it is present. It tests presence
    /// itself, so the missing-key rule, IfExists and the set qualifiers do not apply to it. A key present with an empty
    /// value is present: AWS documents the two values as "true (the key doesn't exist — it is null) or false (the key
    /// exists and its value is not null)", and an empty string is a value, not a missing one (iam-simulate, which
    /// tests presence alone, agrees).
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
            bool absent = contextValues.Count == 0;
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
