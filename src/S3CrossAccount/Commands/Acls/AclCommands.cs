using System;
using System.Collections.Generic;
using System.Threading;
using S3CrossAccount.Aws;
using S3CrossAccount.Aws.Acls;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Core.Acls;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation;
using S3CrossAccount.Core.Evaluation.Acls;

namespace S3CrossAccount.Commands.Acls
{
    /// <summary>
    /// The run-time half of the ACL and ownership cmdlets: the only place they touch S3CrossAccount.Aws
    /// types, so nothing from the AWS side loads when PowerShell reflects over the cmdlet classes at
    /// import. Services travel through the cmdlets as object.
    /// </summary>
    internal static class AclCommands
    {
        internal static IDisposable NewService(AwsSession session, Action<string> verbose) => new AclService(session, verbose);

        internal static void EnsureAclsEnabled(object service, string bucket, CancellationToken ct) => ((AclService)service).EnsureAclsEnabled(bucket, ct);

        internal static IEnumerable<string> ListKeys(object service, string bucket, string prefix, CancellationToken ct) => ((AclService)service).ListKeys(bucket, prefix, ct);

        internal static XAccountAclChange? Apply(object service, bool revoke, string bucket, string? key, IReadOnlyList<AclGrant> grants, Func<string, string, bool> shouldProcess, CancellationToken ct) =>
            revoke
                ? ((AclService)service).Revoke(bucket, key, grants, shouldProcess, ct)
                : ((AclService)service).Grant(bucket, key, grants, shouldProcess, ct);

        /// <summary>
        /// The canonical ID of the grantee's account, read with the grantee's own credentials (ListBuckets
        /// Owner.ID): the bucket owner cannot look it up. When STS answers, the credentials must belong to
        /// <paramref name="accountId"/>; S3-compatible servers without GetCallerIdentity skip that check.
        /// </summary>
        internal static string LookUpCanonicalId(object granteeSession, string accountId, Action<string> verbose, CancellationToken ct)
        {
            var session = (AwsSession)granteeSession;
            verbose("STS GetCallerIdentity (grantee credentials)");
            try
            {
                var identity = new StsIdentityService(session).GetCallerIdentity(ct);
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
            var canonical = new S3AccountService(session).GetCanonicalId(ct).CanonicalUserId;
            verbose($"Account {accountId} has canonical ID {canonical}.");
            return canonical;
        }

        internal static XAccountObjectOwnership GetOwnership(AwsSession session, string bucket, Action<string> verbose, CancellationToken ct)
        {
            using var service = new AclService(session, verbose);
            return service.GetOwnership(bucket, ct);
        }

        internal static XAccountObjectOwnership? SetOwnership(AwsSession session, string bucket, ObjectOwnership wanted, Func<ObjectOwnership?, bool> shouldProcess, Action<string> verbose, CancellationToken ct)
        {
            using var service = new AclService(session, verbose);
            return service.SetOwnership(bucket, wanted, shouldProcess, ct);
        }
    }
}
