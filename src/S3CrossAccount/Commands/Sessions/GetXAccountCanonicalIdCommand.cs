using System.Management.Automation;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Commands.Base;
using S3CrossAccount.Core.Sessions;

namespace S3CrossAccount.Commands.Sessions
{
    /// <summary>The S3 canonical user ID of the credentials' account (ListBuckets Owner.ID).</summary>
    [Cmdlet(VerbsCommon.Get, "XAccountCanonicalId", HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/Get-XAccountCanonicalId.md")]
    [OutputType(typeof(XAccountCanonicalUser))]
    public sealed class GetXAccountCanonicalIdCommand : AwsCmdlet
    {
        protected override void ProcessRecord()
        {
            base.ProcessRecord();
            TryRun(() => WriteObject(new S3AccountService(GetAwsSession()).GetCanonicalId(CancellationToken)));
        }
    }
}
