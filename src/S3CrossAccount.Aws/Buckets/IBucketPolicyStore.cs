using System;
using System.Threading;

namespace S3CrossAccount.Aws.Buckets
{
    /// <summary>
    /// The three bucket-policy calls, as text. Every failure is an XAccountException. Behind an interface
    /// so the merge, idempotency and verification logic is tested with a fake store.
    /// </summary>
    internal interface IBucketPolicyStore : IDisposable
    {
        /// <summary>The policy JSON as S3 returns it, or null when the bucket has no policy.</summary>
        string? Get(string bucket, CancellationToken ct);

        void Put(string bucket, string policyJson, CancellationToken ct);

        void Delete(string bucket, CancellationToken ct);
    }
}
