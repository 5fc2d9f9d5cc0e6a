namespace S3CrossAccount.Core.Buckets
{
    /// <summary>What Send-XAccountObject uploads: a file or a string, and how the bucket owner gets full control.</summary>
    public sealed class ObjectUploadRequest
    {
        public string Bucket { get; set; } = string.Empty;

        public string Key { get; set; } = string.Empty;

        /// <summary>A full file-system path; or null with <see cref="Content"/>.</summary>
        public string? FilePath { get; set; }

        public string? Content { get; set; }

        /// <summary>
        /// Null: the canned ACL bucket-owner-full-control (x-amz-acl). A canonical user ID: the header
        /// x-amz-grant-full-control id="..." instead (which a bucket policy on s3:x-amz-grant-full-control expects).
        /// </summary>
        public string? BucketOwnerCanonicalId { get; set; }
    }
}
