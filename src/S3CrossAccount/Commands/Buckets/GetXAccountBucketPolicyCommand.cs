using System.Management.Automation;
using S3CrossAccount.Aws.Buckets;
using S3CrossAccount.Commands.Base;
using S3CrossAccount.Core.Buckets;

namespace S3CrossAccount.Commands.Buckets
{
    /// <summary>
    /// Reads bucket policies. Outputs one XAccountBucketPolicy (BucketName + Policy) per bucket that has
    /// a policy; a bucket without one outputs nothing and says so on the Verbose stream (not an error).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "XAccountBucketPolicy", HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/Get-XAccountBucketPolicy.md")]
    [OutputType(typeof(XAccountBucketPolicy))]
    public sealed class GetXAccountBucketPolicyCommand : AwsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("BucketName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.BucketCompleter))]
        public string[] Bucket { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            base.ProcessRecord();
            using var service = new BucketPolicyService(GetAwsSession(), WriteVerbose);
            foreach (var bucket in Bucket)
            {
                TryRun(() =>
                {
                    var policy = service.Get(bucket, CancellationToken);
                    if (policy != null)
                    {
                        WriteObject(policy);
                    }
                });
            }
        }
    }
}
