using System.Management.Automation;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;

namespace S3CrossAccount.Commands.Policy
{
    /// <summary>The access (permissions) policy of a cross-account role in the bucket account; -Access Console adds what the S3 console needs.</summary>
    [Cmdlet(VerbsCommon.New, "XAccountAccessPolicy", DefaultParameterSetName = AccessSet)]
    [OutputType(typeof(PolicyDocument))]
    public sealed class NewXAccountAccessPolicyCommand : S3AccessPolicyCommandBase
    {
        protected override void ProcessRecord()
        {
            TryRun(() => WriteObject(PolicyBuilder.AccessPolicy(BuildRequest())));
        }
    }
}
