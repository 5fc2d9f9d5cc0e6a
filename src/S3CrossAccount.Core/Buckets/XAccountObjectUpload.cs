using System;

namespace S3CrossAccount.Core.Buckets
{
    /// <summary>An object Send-XAccountObject uploaded, with the grant that gave the bucket owner full control.</summary>
    public sealed class XAccountObjectUpload
    {
        public XAccountObjectUpload(string bucketName, string key, string? eTag, string? versionId, string ownerGrant)
        {
            BucketName = bucketName ?? throw new ArgumentNullException(nameof(bucketName));
            Key = key ?? throw new ArgumentNullException(nameof(key));
            ETag = eTag;
            VersionId = versionId;
            OwnerGrant = ownerGrant ?? throw new ArgumentNullException(nameof(ownerGrant));
        }

        public string BucketName { get; }

        public string Key { get; }

        public string? ETag { get; }

        /// <summary>The version ID on a versioned bucket; null otherwise.</summary>
        public string? VersionId { get; }

        /// <summary>How the upload granted the bucket owner full control: "x-amz-acl: bucket-owner-full-control" or "x-amz-grant-full-control: id=...".</summary>
        public string OwnerGrant { get; }

        public override string ToString() => BucketName + "/" + Key;
    }
}
