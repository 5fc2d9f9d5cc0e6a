using System.Management.Automation;
using S3CrossAccount.Aws.Acls;
using S3CrossAccount.Commands.Base;
using S3CrossAccount.Core.Acls;

namespace S3CrossAccount.Commands.Acls
{
    /// <summary>
    /// A bucket's Object Ownership: BucketOwnerEnforced (ACLs disabled, the default for buckets created
    /// since April 2023), BucketOwnerPreferred or ObjectWriter (ACLs in force).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "XAccountObjectOwnership", HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/Get-XAccountObjectOwnership.md")]
    [OutputType(typeof(XAccountObjectOwnership))]
    public sealed class GetXAccountObjectOwnershipCommand : AwsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("BucketName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.BucketCompleter))]
        public string Bucket { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            base.ProcessRecord();
            TryRun(() =>
            {
                using var service = new AclService(GetAwsSession(), WriteVerbose);
                WriteObject(service.GetOwnership(Bucket, CancellationToken));
            });
        }
    }
}
