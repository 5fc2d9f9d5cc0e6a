using S3CrossAccount.Core.Evaluation.Requests;

namespace S3CrossAccount.Core.Evaluation.Matching
{
    /// <summary>What an "AWS" value of a Principal element says about the callers it can name.</summary>
    internal static class PrincipalValues
    {
        /// <summary>
        /// The account every caller the value can match belongs to: the value itself when it is a 12-digit account ID,
        /// the account field of an ARN otherwise; null when the value does not fix one ("*", a malformed value).
        /// </summary>
        public static string? AccountOf(string value)
        {
            if (AccountIds.IsAccountId(value))
            {
                return value;
            }

            // arn:partition:service:region:account:resource
            if (!value.StartsWith("arn:", System.StringComparison.Ordinal))
            {
                return null;
            }

            int start = 0;
            for (int field = 0; field < 4; field++)
            {
                start = value.IndexOf(':', start) + 1;
                if (start == 0)
                {
                    return null;
                }
            }

            int end = value.IndexOf(':', start);
            if (end < 0)
            {
                return null;
            }

            var account = value.Substring(start, end - start);
            return AccountIds.IsAccountId(account) ? account : null;
        }
    }
}
