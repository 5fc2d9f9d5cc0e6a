using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Core.Probes;

namespace S3CrossAccount.Aws.Probes
{
    /// <summary>
    /// Finds out what the session's credentials can really do on a bucket, changing nothing the owner cares
    /// about: reads are a one-byte range and a one-key listing; the optional write is a marker object that is
    /// deleted again. Independent requests run concurrently; each is named on the Verbose stream first.
    /// </summary>
    public static class AccessProber
    {
        private const string MarkerBody = "S3CrossAccount access probe; safe to delete.";

        /// <summary>
        /// Runs on the caller's thread and waits for each phase there, so <paramref name="verbose"/> (WriteVerbose,
        /// which PowerShell allows only on the pipeline thread) is never called from a continuation.
        /// </summary>
        public static IReadOnlyList<LiveProbeResult> Probe(AwsSession session, LiveProbePlan plan, Action<string> verbose, CancellationToken cancellationToken)
        {
            using var client = AwsClientFactory.CreateS3Client(session);
            var s3 = (IAmazonS3)client;
            var bucket = plan.Bucket;

            // The listing goes first only when it has to supply the key to read; otherwise it runs with the reads.
            verbose($"S3 ListObjectsV2 {bucket} (prefix '{plan.Prefix}', 1 key)");
            var listing = ListAsync(s3, plan, cancellationToken);
            var key = plan.Key ?? listing.GetAwaiter().GetResult().FirstKey;

            var reads = new List<Task<LiveProbeResult>>();
            if (key == null)
            {
                var why = "No object to read: " + (listing.Result.Result.Allowed ? "nothing is under the prefix" : "the listing was denied") + "; pass -Key.";
                reads.Add(Task.FromResult(new LiveProbeResult(bucket, null, "s3:GetObject", ProbeOutcome.Skipped, null, why)));
                reads.Add(Task.FromResult(new LiveProbeResult(bucket, null, "s3:GetObjectAcl", ProbeOutcome.Skipped, null, why)));
            }
            else
            {
                verbose($"S3 GetObject {bucket}/{key} (bytes 0-0)");
                reads.Add(Run(bucket, key, "s3:GetObject", async () =>
                {
                    using (await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key, ByteRange = new ByteRange(0, 0) }, cancellationToken).ConfigureAwait(false))
                    {
                    }
                }));
                verbose($"S3 GetObjectAcl {bucket}/{key}");
                reads.Add(Run(bucket, key, "s3:GetObjectAcl", () => s3.GetObjectAclAsync(new GetObjectAclRequest { BucketName = bucket, Key = key }, cancellationToken)));
            }

            verbose($"S3 GetBucketPolicy {bucket}");
            reads.Add(Run(bucket, null, "s3:GetBucketPolicy", () => s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = bucket }, cancellationToken)));

            var results = new List<LiveProbeResult> { listing.GetAwaiter().GetResult().Result };
            results.AddRange(Task.WhenAll(reads).GetAwaiter().GetResult());
            if (plan.IncludeWrite)
            {
                results.AddRange(WriteAndDelete(s3, plan, verbose, cancellationToken));
            }

            return results;
        }

        private static async Task<(LiveProbeResult Result, string? FirstKey)> ListAsync(IAmazonS3 s3, LiveProbePlan plan, CancellationToken ct)
        {
            string? first = null;
            var result = await Run(plan.Bucket, null, "s3:ListBucket", async () =>
            {
                var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = plan.Bucket, Prefix = plan.Prefix, MaxKeys = 1 }, ct).ConfigureAwait(false);
                first = page.S3Objects?.FirstOrDefault()?.Key;
            }).ConfigureAwait(false);
            return (result, first);
        }

        /// <summary>
        /// The marker is uploaded with the canned ACL bucket-owner-full-control, so a bucket policy that demands it
        /// (seed 001 step 1.2) does not turn a real write permission into a false denial.
        /// </summary>
        private static IEnumerable<LiveProbeResult> WriteAndDelete(IAmazonS3 s3, LiveProbePlan plan, Action<string> verbose, CancellationToken ct)
        {
            var bucket = plan.Bucket;
            var marker = (plan.Prefix ?? string.Empty) + plan.ProbeFolder + Guid.NewGuid().ToString("N");
            verbose($"S3 PutObject {bucket}/{marker} (probe marker, {MarkerBody.Length} bytes, bucket-owner-full-control)");
            var put = Run(bucket, marker, "s3:PutObject", () => s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = bucket,
                Key = marker,
                ContentBody = MarkerBody,
                CannedACL = S3CannedACL.BucketOwnerFullControl,
            }, ct)).GetAwaiter().GetResult();
            if (!put.Allowed)
            {
                return new[] { put, new LiveProbeResult(bucket, marker, "s3:DeleteObject", ProbeOutcome.Skipped, null, "Nothing to delete: the probe upload did not happen.") };
            }

            verbose($"S3 DeleteObject {bucket}/{marker} (probe marker)");
            var delete = Run(bucket, marker, "s3:DeleteObject", () => s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = marker }, ct)).GetAwaiter().GetResult();
            return new[] { put, delete };
        }

        private static async Task<LiveProbeResult> Run(string bucket, string? key, string action, Func<Task> request)
        {
            try
            {
                await request().ConfigureAwait(false);
                return new LiveProbeResult(bucket, key, action, ProbeOutcome.Allowed, null, null);
            }
            catch (AmazonS3Exception ex)
            {
                var code = string.IsNullOrEmpty(ex.ErrorCode) ? null : ex.ErrorCode;
                return new LiveProbeResult(bucket, key, action, ProbeClassifier.Classify(action, (int)ex.StatusCode, code), code, ex.Message);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                var mapped = AwsErrorMapper.Map(ex, bucket, "S3 " + action.Substring(3));
                return new LiveProbeResult(bucket, key, action, ProbeOutcome.Error, mapped.Code.ToString(), mapped.Message);
            }
        }
    }
}
