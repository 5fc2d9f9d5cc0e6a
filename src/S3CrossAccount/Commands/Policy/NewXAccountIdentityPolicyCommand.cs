using System.Management.Automation;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;

namespace S3CrossAccount.Commands.Policy
{
    /// <summary>The identity policy for a user or role in the other account that reaches the bucket (seeds 000 and 002).</summary>
    [Cmdlet(VerbsCommon.New, "XAccountIdentityPolicy", DefaultParameterSetName = AccessSet, HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/New-XAccountIdentityPolicy.md")]
    [OutputType(typeof(PolicyDocument))]
    public sealed class NewXAccountIdentityPolicyCommand : S3AccessPolicyCommandBase
    {
        protected override void ProcessRecord()
        {
            ProcessTarget(() => PolicyBuilder.IdentityPolicy(BuildRequest()), WriteObject);
        }
    }
}
