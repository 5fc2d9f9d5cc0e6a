using System.IO;
using System.Management.Automation;
using S3CrossAccount.Aws.Buckets;
using S3CrossAccount.Commands.Base;
using S3CrossAccount.Core.Buckets;

namespace S3CrossAccount.Commands.Buckets
{
    /// <summary>
    /// Uploads a file or a string into a bucket (typically another account's) so that the bucket owner
    /// gets full control of the object (seed 001, step 2): the canned ACL bucket-owner-full-control, or
    /// with -BucketOwnerCanonicalId an x-amz-grant-full-control grant.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "XAccountObject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = FileSet, HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/Send-XAccountObject.md")]
    [OutputType(typeof(XAccountObjectUpload))]
    public sealed class SendXAccountObjectCommand : AwsCmdlet
    {
        private const string FileSet = "File";
        private const string ContentSet = "Content";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("BucketName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.BucketCompleter))]
        public string Bucket { get; set; } = string.Empty;

        /// <summary>The object key; with -File it defaults to the file's name.</summary>
        [Parameter(ParameterSetName = FileSet, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ContentSet, Position = 1, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Key { get; set; }

        /// <summary>The file to upload; binds from Get-ChildItem's FullName.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FileSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "Path")]
        [ValidateNotNullOrEmpty]
        public string? File { get; set; }

        /// <summary>The object's content as text (UTF-8).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ContentSet, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? Content { get; set; }

        /// <summary>Grant the bucket owner full control with x-amz-grant-full-control id="..." instead of the canned ACL.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? BucketOwnerCanonicalId { get; set; }

        protected override void ProcessRecord()
        {
            base.ProcessRecord();
            ProcessTarget(() =>
            {
                var file = ParameterSetName == FileSet ? GetUnresolvedProviderPathFromPSPath(File) : null;
                var request = new ObjectUploadRequest
                {
                    Bucket = Bucket,
                    Key = Key ?? Path.GetFileName(file) ?? string.Empty,
                    FilePath = file,
                    Content = Content,
                    BucketOwnerCanonicalId = BucketOwnerCanonicalId,
                };
                ObjectUploadService.Validate(request);
                return request;
            }, request =>
            {
                var what = request.FilePath != null ? "file " + request.FilePath : (Content ?? string.Empty).Length + " characters";
                if (!ShouldProcess(Bucket + "/" + request.Key, "Upload " + what + " with " + ObjectUploadService.DescribeGrant(BucketOwnerCanonicalId)))
                {
                    return;
                }

                using var service = new ObjectUploadService(GetAwsSession(), WriteVerbose);
                WriteObject(service.Upload(request, CancellationToken));
            });
        }
    }
}
