using System.Management.Automation;
using S3CrossAccount.Core.Acls;

namespace S3CrossAccount.Commands.Acls
{
    /// <summary>
    /// Removes exactly the named grantee's permissions from a bucket ACL or object ACLs; every other
    /// grant, the owner's FULL_CONTROL included, stays. An ACL without such a grant is not written.
    /// </summary>
    [Cmdlet(VerbsSecurity.Revoke, "XAccountAcl", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = CanonicalIdSet, HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/Revoke-XAccountAcl.md")]
    [OutputType(typeof(XAccountAclChange))]
    public sealed class RevokeXAccountAclCommand : AclCmdletBase
    {
        protected override bool IsRevoke => true;
    }
}
