using S3CrossAccount.Core.Evaluation;

namespace S3CrossAccount.Core.Acls
{
    /// <summary>
    /// What a bucket's Object Ownership setting means for ACLs. With BucketOwnerEnforced, ACLs are disabled:
    /// S3 ignores every bucket and object ACL in access decisions, and refuses a request that sets an ACL
    /// other than the bucket owner's full control with AccessControlListNotSupported. The other two settings
    /// (BucketOwnerPreferred, ObjectWriter) keep ACLs in force.
    /// https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
    /// </summary>
    public static class ObjectOwnershipRules
    {
        /// <summary>Whether ACLs are in force (evaluated, and writable) under <paramref name="objectOwnership"/>.</summary>
        public static bool AclsEnabled(ObjectOwnership objectOwnership) => objectOwnership != ObjectOwnership.BucketOwnerEnforced;
    }
}
