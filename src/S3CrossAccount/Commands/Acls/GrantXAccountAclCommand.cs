using System.Management.Automation;
using S3CrossAccount.Core.Acls;

namespace S3CrossAccount.Commands.Acls
{
    /// <summary>
    /// Seed method 2 (seeds 000, 002): adds ACL grants for another account to a bucket ACL (WRITE lets it
    /// upload) or object ACLs (READ lets it download), keeping every existing grant. Refused on buckets
    /// whose Object Ownership is BucketOwnerEnforced (ACLs disabled).
    /// </summary>
    [Cmdlet(VerbsSecurity.Grant, "XAccountAcl", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = CanonicalIdSet, HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/Grant-XAccountAcl.md")]
    [OutputType(typeof(XAccountAclChange))]
    public sealed class GrantXAccountAclCommand : AclCmdletBase
    {
        /// <summary>Allows grants to AllUsers or AuthenticatedUsers, which make the bucket or objects public.</summary>
        [Parameter]
        public SwitchParameter AllowPublic { get; set; }

        protected override bool IsRevoke => false;

        protected override bool AllowsPublic => AllowPublic.IsPresent;
    }
}
