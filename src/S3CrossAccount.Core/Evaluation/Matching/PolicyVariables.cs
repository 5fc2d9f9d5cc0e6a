using System.Collections.Generic;
using System.Text;
using S3CrossAccount.Core.Evaluation.Requests;

namespace S3CrossAccount.Core.Evaluation.Matching
{
    /// <summary>
    /// Policy variables in Resource and in String/ARN condition values: <c>${aws:username}</c>,
    /// <c>${aws:PrincipalAccount}</c>, <c>${aws:userid}</c>, any request key, the escapes <c>${*}</c>,
    /// <c>${?}</c>, <c>${$}</c> (a literal <c>*</c>, <c>?</c>, <c>$</c>), and a default value
    /// <c>${aws:username, 'nobody'}</c>. A variable whose key is not in the request (and has no default)
    /// makes the value unresolvable: it matches nothing.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
    /// </summary>
    public static class PolicyVariables
    {
        public static bool ContainsVariable(string value) => value.IndexOf("${", System.StringComparison.Ordinal) >= 0;

        /// <summary>
        /// The same value with every <c>${</c> made plain text (written as the escape <c>${$}{</c>): policies without
        /// <c>"Version": "2012-10-17"</c> do not support variables, and AWS reads <c>${aws:username}</c> there literally
        /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html). Wildcards keep working.
        /// </summary>
        public static string Literal(string value) => ContainsVariable(value) ? value.Replace("${", "${$}{") : value;

        /// <summary>Resolves every variable; the result is a plain string (for exact-match operators).</summary>
        public static bool TryResolve(string value, RequestContext context, out string resolved)
        {
            if (!ContainsVariable(value))
            {
                resolved = value;
                return true;
            }

            if (TryResolvePattern(value, context, out var pattern, out _))
            {
                resolved = pattern;
                return true;
            }

            resolved = string.Empty;
            return false;
        }

        /// <summary>
        /// Resolves a wildcard pattern: characters produced by a variable are literal (so <c>${*}</c> is a
        /// literal star, and a user name cannot inject a wildcard); <paramref name="literal"/> marks them.
        /// </summary>
        public static bool TryResolvePattern(string value, RequestContext context, out string pattern, out bool[]? literal)
        {
            literal = null;
            if (!ContainsVariable(value))
            {
                pattern = value;
                return true;
            }

            var text = new StringBuilder(value.Length + 16);
            var marks = new List<bool>(value.Length + 16);
            int i = 0;
            while (i < value.Length)
            {
                if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '{')
                {
                    int close = value.IndexOf('}', i + 2);
                    if (close < 0)
                    {
                        // Not a variable: AWS takes the text literally.
                        Append(text, marks, value.Substring(i), false);
                        break;
                    }

                    var body = value.Substring(i + 2, close - i - 2);
                    if (!TryResolveBody(body, context, out var replacement))
                    {
                        pattern = string.Empty;
                        return false;
                    }

                    Append(text, marks, replacement, true);
                    i = close + 1;
                }
                else
                {
                    text.Append(value[i]);
                    marks.Add(false);
                    i++;
                }
            }

            pattern = text.ToString();
            literal = marks.ToArray();
            return true;
        }

        private static bool TryResolveBody(string body, RequestContext context, out string replacement)
        {
            switch (body)
            {
                case "*":
                case "?":
                case "$":
                    replacement = body;
                    return true;
            }

            string key = body;
            string? fallback = null;
            int comma = body.IndexOf(',');
            if (comma >= 0)
            {
                key = body.Substring(0, comma);
                var rest = body.Substring(comma + 1).Trim();
                if (rest.Length >= 2 && rest[0] == '\'' && rest[rest.Length - 1] == '\'')
                {
                    fallback = rest.Substring(1, rest.Length - 2);
                }
            }

            key = key.Trim();
            var single = context.GetSingle(key);
            if (single != null)
            {
                replacement = single;
                return true;
            }

            if (fallback != null)
            {
                replacement = fallback;
                return true;
            }

            replacement = string.Empty;
            return false;
        }

        private static void Append(StringBuilder text, List<bool> marks, string value, bool isLiteral)
        {
            text.Append(value);
            for (int k = 0; k < value.Length; k++)
            {
                marks.Add(isLiteral);
            }
        }
    }
}
