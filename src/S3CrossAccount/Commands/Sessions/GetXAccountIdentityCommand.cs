using System.Management.Automation;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Commands.Base;
using S3CrossAccount.Core.Sessions;

namespace S3CrossAccount.Commands.Sessions
{
    /// <summary>Who am I: STS GetCallerIdentity for the resolved credentials.</summary>
    [Cmdlet(VerbsCommon.Get, "XAccountIdentity", HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/Get-XAccountIdentity.md")]
    [OutputType(typeof(XAccountIdentity))]
    public sealed class GetXAccountIdentityCommand : AwsCmdlet
    {
        protected override void ProcessRecord()
        {
            base.ProcessRecord();
            TryRun(() => WriteObject(new StsIdentityService(GetAwsSession()).GetCallerIdentity(CancellationToken)));
        }
    }
}
