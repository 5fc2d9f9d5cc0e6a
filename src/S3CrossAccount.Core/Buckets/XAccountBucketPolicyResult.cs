using System;
using System.Collections.Generic;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Merging;

namespace S3CrossAccount.Core.Buckets
{
    /// <summary>What the S3 call that changed a bucket policy was.</summary>
    public enum BucketPolicyWrite
    {
        /// <summary>The policy already was as asked: nothing was written.</summary>
        None,

        /// <summary>PutBucketPolicy.</summary>
        Put,

        /// <summary>DeleteBucketPolicy (no statement was left).</summary>
        Delete,
    }

    /// <summary>The outcome of Set-XAccountBucketPolicy or Remove-XAccountBucketPolicyStatement on one bucket.</summary>
    public sealed class XAccountBucketPolicyResult
    {
        public XAccountBucketPolicyResult(string bucketName, BucketPolicyWrite write, IReadOnlyList<StatementChange> changes,
            PolicyDocument? policy, PolicyDocument? previousPolicy, string? backupPath)
        {
            BucketName = bucketName ?? throw new ArgumentNullException(nameof(bucketName));
            Write = write;
            Changes = changes ?? throw new ArgumentNullException(nameof(changes));
            Policy = policy;
            PreviousPolicy = previousPolicy;
            BackupPath = backupPath;
        }

        public string BucketName { get; }

        /// <summary>The write that was made (None on a re-run that found everything in place).</summary>
        public BucketPolicyWrite Write { get; }

        public bool Changed => Write != BucketPolicyWrite.None;

        /// <summary>The statements added, removed or changed (empty when nothing changed).</summary>
        public IReadOnlyList<StatementChange> Changes { get; }

        /// <summary>The bucket policy as it now is, verified by reading it back; null when the bucket has none.</summary>
        public PolicyDocument? Policy { get; }

        /// <summary>The policy before the change; null when the bucket had none.</summary>
        public PolicyDocument? PreviousPolicy { get; }

        /// <summary>The file the previous policy was saved to (-BackupPath), when one was written.</summary>
        public string? BackupPath { get; }

        public override string ToString() => BucketName + ": " + Write + " (" + Changes.Count + " statement change" + (Changes.Count == 1 ? ")" : "s)");
    }
}
