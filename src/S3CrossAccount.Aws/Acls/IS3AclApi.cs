using System.Collections.Generic;
using System.Threading;
using S3CrossAccount.Core.Acls;
using S3CrossAccount.Core.Evaluation;
using S3CrossAccount.Core.Evaluation.Acls;

namespace S3CrossAccount.Aws.Acls
{
    /// <summary>What a bucket's ownership controls say (or that they could not say).</summary>
    internal sealed class OwnershipReading
    {
        internal OwnershipReading(ObjectOwnership objectOwnership, OwnershipSource source)
        {
            ObjectOwnership = objectOwnership;
            Source = source;
        }

        internal ObjectOwnership ObjectOwnership { get; }

        internal OwnershipSource Source { get; }
    }

    /// <summary>One page of ListObjectsV2: the keys and the token of the next page (null on the last).</summary>
    internal sealed class KeyPage
    {
        internal KeyPage(IReadOnlyList<string> keys, string? nextToken)
        {
            Keys = keys;
            NextToken = nextToken;
        }

        internal IReadOnlyList<string> Keys { get; }

        internal string? NextToken { get; }
    }

    /// <summary>
    /// The S3 calls the ACL and ownership cmdlets make, in module types. The SDK implementation is
    /// <see cref="SdkS3AclApi"/>; tests give a fake to drive the error paths. Every method throws
    /// <see cref="Core.Errors.XAccountException"/> for a service or transport failure.
    /// </summary>
    internal interface IS3AclApi
    {
        AccessControlList GetBucketAcl(string bucket, CancellationToken ct);

        AccessControlList GetObjectAcl(string bucket, string key, CancellationToken ct);

        /// <summary>Replaces the bucket ACL with exactly these grants (x-amz-grant-* headers).</summary>
        void PutBucketAcl(string bucket, IReadOnlyList<AclGrant> grants, CancellationToken ct);

        /// <summary>Replaces the object ACL with exactly these grants (x-amz-grant-* headers).</summary>
        void PutObjectAcl(string bucket, string key, IReadOnlyList<AclGrant> grants, CancellationToken ct);

        OwnershipReading GetOwnership(string bucket, CancellationToken ct);

        void PutOwnership(string bucket, ObjectOwnership objectOwnership, CancellationToken ct);

        KeyPage ListObjects(string bucket, string prefix, string? continuationToken, CancellationToken ct);
    }
}
