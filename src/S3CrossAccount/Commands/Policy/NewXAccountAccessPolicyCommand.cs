using System.Management.Automation;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;

namespace S3CrossAccount.Commands.Policy
{
    /// <summary>The access (permissions) policy of a cross-account role in the bucket account; -Access Console adds what the S3 console needs.</summary>
    [Cmdlet(VerbsCommon.New, "XAccountAccessPolicy", DefaultParameterSetName = AccessSet, HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/New-XAccountAccessPolicy.md")]
    [OutputType(typeof(PolicyDocument))]
    public sealed class NewXAccountAccessPolicyCommand : S3AccessPolicyCommandBase
    {
        protected override void ProcessRecord()
        {
            ProcessTarget(() => PolicyBuilder.AccessPolicy(BuildRequest()), WriteObject);
        }
    }
}
