using System;
using System.Collections.Generic;

namespace S3CrossAccount.Core.Evaluation.Acls
{
    /// <summary>
    /// Which S3 actions an ACL permission grants, on a bucket ACL and on an object ACL, per
    /// "Mapping of ACL permissions and access policy permissions" in
    /// https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#permissions
    /// FULL_CONTROL is the union of the others. WRITE exists on buckets only.
    /// </summary>
    public static class AclActions
    {
        private static readonly Dictionary<string, AclPermission> Bucket = new Dictionary<string, AclPermission>(StringComparer.OrdinalIgnoreCase)
        {
            ["s3:ListBucket"] = AclPermission.Read,
            ["s3:ListBucketVersions"] = AclPermission.Read,
            ["s3:ListBucketMultipartUploads"] = AclPermission.Read,
            ["s3:PutObject"] = AclPermission.Write,
            ["s3:DeleteObject"] = AclPermission.Write,
            ["s3:DeleteObjectVersion"] = AclPermission.Write,
            ["s3:GetBucketAcl"] = AclPermission.ReadAcp,
            ["s3:PutBucketAcl"] = AclPermission.WriteAcp,
        };

        private static readonly Dictionary<string, AclPermission> Object = new Dictionary<string, AclPermission>(StringComparer.OrdinalIgnoreCase)
        {
            ["s3:GetObject"] = AclPermission.Read,
            ["s3:GetObjectVersion"] = AclPermission.Read,
            ["s3:GetObjectTorrent"] = AclPermission.Read,
            ["s3:GetObjectAcl"] = AclPermission.ReadAcp,
            ["s3:GetObjectVersionAcl"] = AclPermission.ReadAcp,
            ["s3:PutObjectAcl"] = AclPermission.WriteAcp,
            ["s3:PutObjectVersionAcl"] = AclPermission.WriteAcp,
        };

        /// <summary>The permission a bucket ACL grant needs to allow the action; false when no bucket ACL grant can.</summary>
        public static bool TryGetBucketPermission(string action, out AclPermission permission) => Bucket.TryGetValue(action, out permission);

        /// <summary>The permission an object ACL grant needs to allow the action; false when no object ACL grant can.</summary>
        public static bool TryGetObjectPermission(string action, out AclPermission permission) => Object.TryGetValue(action, out permission);

        /// <summary>
        /// The actions a grant of <paramref name="permission"/> allows, on a bucket ACL or an object ACL, in the
        /// documentation's order; FULL_CONTROL allows all of them.
        /// </summary>
        public static IReadOnlyList<string> GrantedBy(AclPermission permission, bool onBucket)
        {
            var table = onBucket ? Bucket : Object;
            var actions = new List<string>();
            foreach (var pair in table)
            {
                if (permission == AclPermission.FullControl || pair.Value == permission)
                {
                    actions.Add(pair.Key);
                }
            }

            return actions;
        }

        /// <summary>
        /// Actions decided in the bucket's context although they name an object: creating or deleting
        /// objects is a right over the bucket (bucket ACL WRITE, bucket policy), whoever owns the object.
        /// </summary>
        public static bool IsBucketContextObjectAction(string action) =>
            string.Equals(action, "s3:PutObject", StringComparison.OrdinalIgnoreCase)
            || string.Equals(action, "s3:DeleteObject", StringComparison.OrdinalIgnoreCase)
            || string.Equals(action, "s3:DeleteObjectVersion", StringComparison.OrdinalIgnoreCase);
    }
}
