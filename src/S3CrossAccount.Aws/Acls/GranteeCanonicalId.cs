using System;
using System.Threading;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Aws.Acls
{
    /// <summary>
    /// The canonical user ID of an ACL grantee's account, read with the grantee's own credentials (ListBuckets
    /// Owner.ID): the bucket owner cannot look another account's canonical ID up.
    /// https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html
    /// </summary>
    public static class GranteeCanonicalId
    {
        /// <summary>
        /// When STS answers, the credentials must belong to <paramref name="accountId"/> (a grant to the wrong
        /// account is worse than none); S3-compatible servers without GetCallerIdentity skip that check.
        /// </summary>
        public static string LookUp(AwsSession granteeSession, string accountId, Action<string> verbose, CancellationToken ct)
        {
            verbose("STS GetCallerIdentity (grantee credentials)");
            try
            {
                var identity = new StsIdentityService(granteeSession).GetCallerIdentity(ct);
                if (identity.Account != accountId)
                {
                    throw new XAccountException(ErrorCode.GranteeAccountMismatch,
                        $"The grantee credentials belong to account {identity.Account}, not {accountId}.", accountId,
                        "Give -GranteeProfileName or -GranteeCredential of the account named by -AccountId.");
                }
            }
            catch (XAccountException ex) when (ex.Code == ErrorCode.ServiceError || ex.Code == ErrorCode.AccessDenied)
            {
                verbose($"Could not confirm that the grantee credentials belong to account {accountId} ({ex.Message}); using them.");
            }

            verbose($"S3 ListBuckets (canonical ID of account {accountId})");
            var canonical = new S3AccountService(granteeSession).GetCanonicalId(ct).CanonicalUserId;
            verbose($"Account {accountId} has canonical ID {canonical}.");
            return canonical;
        }
    }
}
