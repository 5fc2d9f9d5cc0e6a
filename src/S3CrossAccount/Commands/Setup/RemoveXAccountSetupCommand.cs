using System.Management.Automation;
using S3CrossAccount.Core.Setup;

namespace S3CrossAccount.Commands.Setup
{
    /// <summary>
    /// Undoes what Invoke-XAccountSetup added for the same parameters (seed 001, step 4): the grantee's statements
    /// in the bucket policy and identity policies (found by the module's Sids, so foreign statements stay), the
    /// ACL grants (revoked; other grants stay), or the role with its inline policies. Policies left without a
    /// statement are deleted. A second run changes nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "XAccountSetup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
        HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/Remove-XAccountSetup.md")]
    [OutputType(typeof(XAccountSetupResult))]
    public sealed class RemoveXAccountSetupCommand : SetupCmdletBase
    {
        protected override bool IsRemoval => true;
    }
}
