using System;
using System.Collections.Generic;
using S3CrossAccount.Core.Policies;

namespace S3CrossAccount.Core.Buckets
{
    /// <summary>
    /// A bucket's policy as Get-XAccountBucketPolicy returns it: the policy document with the bucket it
    /// belongs to, so that several buckets can flow through one pipeline. Its BucketName and Policy
    /// bind by property name into Set-XAccountBucketPolicy and Remove-XAccountBucketPolicyStatement.
    /// </summary>
    public sealed class XAccountBucketPolicy
    {
        public XAccountBucketPolicy(string bucketName, PolicyDocument policy)
        {
            BucketName = bucketName ?? throw new ArgumentNullException(nameof(bucketName));
            Policy = policy ?? throw new ArgumentNullException(nameof(policy));
        }

        public string BucketName { get; }

        public PolicyDocument Policy { get; }

        public int StatementCount => Policy.StatementCount;

        /// <summary>Every principal the policy's statements name.</summary>
        public IReadOnlyList<string> Principals => Policy.Principals;

        public IReadOnlyList<string> Sids => Policy.Sids;

        public override string ToString() => BucketName + ": " + PolicyJson.Write(Policy);
    }
}
