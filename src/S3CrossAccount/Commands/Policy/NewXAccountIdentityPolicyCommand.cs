using System.Management.Automation;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;

namespace S3CrossAccount.Commands.Policy
{
    /// <summary>The identity policy for a user or role in the other account that reaches the bucket (seeds 000 and 002).</summary>
    [Cmdlet(VerbsCommon.New, "XAccountIdentityPolicy", DefaultParameterSetName = AccessSet)]
    [OutputType(typeof(PolicyDocument))]
    public sealed class NewXAccountIdentityPolicyCommand : S3AccessPolicyCommandBase
    {
        protected override void ProcessRecord()
        {
            TryRun(() => WriteObject(PolicyBuilder.IdentityPolicy(BuildRequest())));
        }
    }
}
