using S3CrossAccount.Core.Policies;

namespace S3CrossAccount.Core.Buckets
{
    /// <summary>What Set-XAccountBucketPolicy asks for on one bucket.</summary>
    public sealed class BucketPolicyRequest
    {
        public string Bucket { get; set; } = string.Empty;

        public PolicyDocument Policy { get; set; } = new PolicyDocument();

        /// <summary>Overwrite the bucket policy instead of merging into it.</summary>
        public bool Replace { get; set; }

        /// <summary>Let Allow statements name "*" (public access).</summary>
        public bool AllowPublic { get; set; }

        /// <summary>A file (or an existing directory: then &lt;bucket&gt;.policy.json in it) for the previous policy, written before the change.</summary>
        public string? BackupPath { get; set; }
    }
}
