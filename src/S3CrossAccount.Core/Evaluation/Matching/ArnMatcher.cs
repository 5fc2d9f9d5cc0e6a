using System;

namespace S3CrossAccount.Core.Evaluation.Matching
{
    /// <summary>
    /// ARN comparison for ArnEquals/ArnLike: the six colon-delimited parts
    /// (arn:partition:service:region:account:resource) are compared one by one, case-sensitively, each part
    /// may hold <c>*</c> and <c>?</c>; the resource part keeps any further colons.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
    /// </summary>
    public static class ArnMatcher
    {
        public static bool IsMatch(string pattern, bool[]? literal, string arn)
        {
            int pStart = 0, aStart = 0;
            for (int part = 0; part < 6; part++)
            {
                int pEnd = part == 5 ? pattern.Length : pattern.IndexOf(':', pStart);
                int aEnd = part == 5 ? arn.Length : arn.IndexOf(':', aStart);
                if (pEnd < 0 || aEnd < 0)
                {
                    return false;
                }

                var p = pattern.Substring(pStart, pEnd - pStart);
                bool[]? lit = null;
                if (literal != null)
                {
                    lit = new bool[p.Length];
                    Array.Copy(literal, pStart, lit, 0, p.Length);
                }

                if (!WildcardMatcher.IsMatch(p, lit, arn.Substring(aStart, aEnd - aStart), ignoreCase: false))
                {
                    return false;
                }

                pStart = pEnd + 1;
                aStart = aEnd + 1;
            }

            return true;
        }
    }
}
