using System.Management.Automation;
using S3CrossAccount.Aws.Buckets;
using S3CrossAccount.Commands.Base;
using S3CrossAccount.Commands.Policy;
using S3CrossAccount.Core.Buckets;
using S3CrossAccount.Core.Policies;

namespace S3CrossAccount.Commands.Buckets
{
    /// <summary>
    /// Merges a policy (New-XAccountBucketPolicy's output, or JSON text) into a bucket's policy, or
    /// replaces it with -Replace: foreign statements are kept, nothing is written when the bucket already
    /// has what is asked for, and the written policy is read back and compared.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "XAccountBucketPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/Set-XAccountBucketPolicy.md")]
    [OutputType(typeof(XAccountBucketPolicyResult), typeof(XAccountBucketPolicy))]
    public sealed class SetXAccountBucketPolicyCommand : AwsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("BucketName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.BucketCompleter))]
        public string Bucket { get; set; } = string.Empty;

        /// <summary>A PolicyDocument or policy JSON; binds from the pipeline, or by property name from Get-XAccountBucketPolicy's output.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [PolicyDocumentTransformation]
        [ValidateNotNull]
        public PolicyDocument? Policy { get; set; }

        /// <summary>Overwrite the bucket policy instead of merging into it.</summary>
        [Parameter]
        public SwitchParameter Replace { get; set; }

        /// <summary>Allow statements whose principal is "*" (everyone).</summary>
        [Parameter]
        public SwitchParameter AllowPublic { get; set; }

        /// <summary>Saves the previous policy JSON to this file (or to &lt;bucket&gt;.policy.json in this directory) before writing.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? BackupPath { get; set; }

        /// <summary>Output the previous policy (as Get-XAccountBucketPolicy does) instead of the result.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (RefusedPolicyText()) return;
            base.ProcessRecord();
            TryRun(() =>
            {
                var request = new BucketPolicyRequest
                {
                    Bucket = Bucket,
                    Policy = Policy!,
                    Replace = Replace.IsPresent,
                    AllowPublic = AllowPublic.IsPresent,
                    BackupPath = BackupPath == null ? null : GetUnresolvedProviderPathFromPSPath(BackupPath),
                };
                using var service = new BucketPolicyService(GetAwsSession(), WriteVerbose);
                var result = service.Set(request, ShouldProcess, CancellationToken);
                if (result == null)
                {
                    return;
                }

                if (!PassThru.IsPresent)
                {
                    WriteObject(result);
                }
                else if (result.PreviousPolicy != null)
                {
                    WriteObject(new XAccountBucketPolicy(result.BucketName, result.PreviousPolicy));
                }
                else
                {
                    WriteVerbose($"Bucket {result.BucketName} had no policy before; -PassThru outputs nothing.");
                }
            });
        }
    }
}
