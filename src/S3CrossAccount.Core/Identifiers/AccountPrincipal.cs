using System;

namespace S3CrossAccount.Core.Identifiers
{
    /// <summary>
    /// A whole account as a principal. In the AWS element of a Principal, a bare 12-digit account ID and
    /// arn:PARTITION:iam::ID:root name the same principal, the account (and every identity its policies
    /// delegate to); IAM stores the bare ID as the root ARN, so GetRole returns "arn:aws:iam::123456789012:root"
    /// for a trust policy written with "123456789012".
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts
    /// </summary>
    public static class AccountPrincipal
    {
        private const string RootSuffix = ":root";

        /// <summary>
        /// The account ID when <paramref name="principal"/> names a whole account (a bare ID or an IAM root ARN of
        /// any partition); null for anything else (users, roles, sessions, "*").
        /// </summary>
        public static string? WholeAccountOf(string? principal)
        {
            if (principal == null)
            {
                return null;
            }

            if (AccountId.IsValid(principal))
            {
                return principal;
            }

            if (!principal.StartsWith("arn:", StringComparison.Ordinal) || !principal.EndsWith(RootSuffix, StringComparison.Ordinal))
            {
                return null;
            }

            var parts = principal.Split(':');
            return parts.Length == 6 && parts[2] == "iam" && parts[3].Length == 0 && AccountId.IsValid(parts[4]) ? parts[4] : null;
        }

        /// <summary>The value as IAM stores it: a bare account ID becomes the account's root ARN in <paramref name="partition"/>; anything else is unchanged.</summary>
        public static string AsStored(string principal, string partition) =>
            AccountId.IsValid(principal) ? "arn:" + partition + ":iam::" + principal + RootSuffix : principal;
    }
}
