namespace S3CrossAccount.Core.Evaluation
{
    /// <summary>
    /// The bucket's Object Ownership setting.
    /// https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
    /// </summary>
    public enum ObjectOwnership
    {
        /// <summary>ACLs disabled; the bucket owner owns every object (default for new buckets).</summary>
        BucketOwnerEnforced,

        /// <summary>ACLs in force; an upload with bucket-owner-full-control becomes the bucket owner's.</summary>
        BucketOwnerPreferred,

        /// <summary>ACLs in force; the uploading account owns the object.</summary>
        ObjectWriter,
    }
}
