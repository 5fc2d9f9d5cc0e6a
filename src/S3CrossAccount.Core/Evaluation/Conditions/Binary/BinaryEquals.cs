using System;
using S3CrossAccount.Core.Evaluation.Requests;

namespace S3CrossAccount.Core.Evaluation.Conditions
{
    /// <summary>
    /// Compares base-64 encoded binary values byte for byte (the context value arrives base-64 encoded too);
    /// text that is not base-64 falls back to an exact comparison.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals
    /// </summary>
    public sealed class BinaryEquals : ConditionOperator
    {
        public override string Name => "BinaryEquals";

        public override string? ValueForm => "base64";

        public override bool IsWellFormedValue(string policyValue)
        {
            try
            {
                Convert.FromBase64String(policyValue);
                return policyValue.Length > 0;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        protected override bool MatchesOne(string contextValue, string policyValue, RequestContext context)
        {
            if (string.Equals(contextValue, policyValue, StringComparison.Ordinal))
            {
                return true;
            }

            try
            {
                var left = Convert.FromBase64String(contextValue);
                var right = Convert.FromBase64String(policyValue);
                if (left.Length != right.Length)
                {
                    return false;
                }

                for (int i = 0; i < left.Length; i++)
                {
                    if (left[i] != right[i])
                    {
                        return false;
                    }
                }

                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}
