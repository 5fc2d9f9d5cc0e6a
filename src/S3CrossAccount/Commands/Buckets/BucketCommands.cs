using System;
using System.Threading;
using S3CrossAccount.Aws;
using S3CrossAccount.Aws.Buckets;
using S3CrossAccount.Core.Buckets;
using S3CrossAccount.Core.Policies;

namespace S3CrossAccount.Commands.Buckets
{
    /// <summary>
    /// The run-time half of the bucket cmdlets: the only place they touch S3CrossAccount.Aws types, so
    /// nothing from the AWS side loads when PowerShell reflects over the cmdlet classes at import.
    /// </summary>
    internal static class BucketCommands
    {
        internal static XAccountBucketPolicy? GetPolicy(AwsSession session, string bucket, Action<string> verbose, CancellationToken ct)
        {
            using var service = new BucketPolicyService(session, verbose);
            return service.Get(bucket, ct);
        }

        internal static XAccountBucketPolicyResult? SetPolicy(AwsSession session, string bucket, PolicyDocument policy, bool replace, bool allowPublic, string? backupPath,
            Action<string> verbose, Func<string, string, bool> shouldProcess, CancellationToken ct)
        {
            using var service = new BucketPolicyService(session, verbose);
            return service.Set(new BucketPolicyRequest { Bucket = bucket, Policy = policy, Replace = replace, AllowPublic = allowPublic, BackupPath = backupPath }, shouldProcess, ct);
        }

        internal static XAccountBucketPolicyResult? RemoveStatements(AwsSession session, string bucket, Func<PolicyDocument, PolicyDocument> remove, string? backupPath,
            Action<string> verbose, Func<string, string, bool> shouldProcess, CancellationToken ct)
        {
            using var service = new BucketPolicyService(session, verbose);
            return service.RemoveStatements(bucket, remove, backupPath, shouldProcess, ct);
        }

        /// <summary>Checks the upload's input and returns the -WhatIf description of the grant it sends.</summary>
        internal static string DescribeUpload(string bucket, string key, string? filePath, string? content, string? bucketOwnerCanonicalId)
        {
            ObjectUploadService.Validate(Request(bucket, key, filePath, content, bucketOwnerCanonicalId));
            return ObjectUploadService.DescribeGrant(bucketOwnerCanonicalId);
        }

        internal static XAccountObjectUpload Upload(AwsSession session, string bucket, string key, string? filePath, string? content, string? bucketOwnerCanonicalId,
            Action<string> verbose, CancellationToken ct)
        {
            using var service = new ObjectUploadService(session, verbose);
            return service.Upload(Request(bucket, key, filePath, content, bucketOwnerCanonicalId), ct);
        }

        private static ObjectUploadRequest Request(string bucket, string key, string? filePath, string? content, string? bucketOwnerCanonicalId) =>
            new ObjectUploadRequest { Bucket = bucket, Key = key, FilePath = filePath, Content = content, BucketOwnerCanonicalId = bucketOwnerCanonicalId };
    }
}
