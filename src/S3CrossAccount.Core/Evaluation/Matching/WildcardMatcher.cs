using System;

namespace S3CrossAccount.Core.Evaluation.Matching
{
    /// <summary>
    /// Glob matching as IAM does it: <c>*</c> any run of characters (also none), <c>?</c> exactly one.
    /// Action names compare case-insensitively, resources and StringLike case-sensitively
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html,
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
    /// Allocation-free; linear-time greedy algorithm with one backtrack point.
    /// </summary>
    public static class WildcardMatcher
    {
        public static bool IsMatch(string pattern, string input, bool ignoreCase) => IsMatch(pattern, null, input, ignoreCase);

        /// <param name="literal">When not null, <c>literal[i]</c> says pattern[i] is a literal character even if it is
        /// <c>*</c> or <c>?</c> (it came from a policy variable such as <c>${*}</c> or a resolved value).</param>
        public static bool IsMatch(string pattern, bool[]? literal, string input, bool ignoreCase)
        {
            int p = 0, s = 0, starP = -1, starS = 0;
            while (s < input.Length)
            {
                if (p < pattern.Length && IsStar(pattern, literal, p))
                {
                    starP = p++;
                    starS = s;
                }
                else if (p < pattern.Length && (IsQuestion(pattern, literal, p) || CharEquals(pattern[p], input[s], ignoreCase)))
                {
                    p++;
                    s++;
                }
                else if (starP >= 0)
                {
                    p = starP + 1;
                    s = ++starS;
                }
                else
                {
                    return false;
                }
            }

            while (p < pattern.Length && IsStar(pattern, literal, p))
            {
                p++;
            }

            return p == pattern.Length;
        }

        /// <summary>True when the pattern has no wildcard, so an ordinal comparison is enough.</summary>
        public static bool HasWildcard(string pattern) => pattern.IndexOf('*') >= 0 || pattern.IndexOf('?') >= 0;

        private static bool IsStar(string pattern, bool[]? literal, int i) => pattern[i] == '*' && (literal == null || !literal[i]);

        private static bool IsQuestion(string pattern, bool[]? literal, int i) => pattern[i] == '?' && (literal == null || !literal[i]);

        private static bool CharEquals(char a, char b, bool ignoreCase) =>
            a == b || (ignoreCase && char.ToLowerInvariant(a) == char.ToLowerInvariant(b));
    }
}
