using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Core.Errors;
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
        /// which PowerShell allows only on the pipeline thread) is never called from a continuation. Every probe is
        /// signed for the bucket's region (<see cref="S3ClientPool"/>): a probe signed for another region would be
        /// refused for that reason, not for the grantee's permissions.
        /// </summary>
        public static IReadOnlyList<LiveProbeResult> Probe(AwsSession session, LiveProbePlan plan, Action<string> verbose, CancellationToken cancellationToken)
        {
            var calls = new AwsCalls(verbose, session);
            using var clients = new S3ClientPool(session, calls);
            return Probe(clients, calls, plan, cancellationToken);
        }

        /// <summary>Tests: the probes with the given clients.</summary>
        internal static IReadOnlyList<LiveProbeResult> Probe(S3ClientPool clients, AwsCalls calls, LiveProbePlan plan, CancellationToken cancellationToken)
        {
            var bucket = plan.Bucket;
            IAmazonS3 s3 = clients.For(bucket, cancellationToken);

            // The listing goes first only when it has to supply the key to read; otherwise it runs with the reads.
            var listing = ListAsync(calls, s3, plan, cancellationToken);
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
                reads.Add(Run(calls, bucket, key, "s3:GetObject", $"{bucket}/{key} (bytes 0-0)", async () =>
                {
                    using (await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key, ByteRange = new ByteRange(0, 0) }, cancellationToken).ConfigureAwait(false))
                    {
                    }
                }));
                reads.Add(Run(calls, bucket, key, "s3:GetObjectAcl", $"{bucket}/{key}", () => s3.GetObjectAclAsync(new GetObjectAclRequest { BucketName = bucket, Key = key }, cancellationToken)));
            }

            reads.Add(Run(calls, bucket, null, "s3:GetBucketPolicy", bucket, () => s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = bucket }, cancellationToken)));

            var results = new List<LiveProbeResult> { listing.GetAwaiter().GetResult().Result };
            results.AddRange(Task.WhenAll(reads).GetAwaiter().GetResult());
            if (plan.IncludeWrite)
            {
                results.AddRange(WriteAndDelete(calls, s3, plan, cancellationToken));
            }

            return results;
        }

        private static async Task<(LiveProbeResult Result, string? FirstKey)> ListAsync(AwsCalls calls, IAmazonS3 s3, LiveProbePlan plan, CancellationToken ct)
        {
            string? first = null;
            var result = await Run(calls, plan.Bucket, null, "s3:ListBucket", $"{plan.Bucket} (prefix '{plan.Prefix}', 1 key)", async () =>
            {
                var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = plan.Bucket, Prefix = plan.Prefix, MaxKeys = 1 }, ct).ConfigureAwait(false);
                first = page.S3Objects?.FirstOrDefault()?.Key;
            }, "ListObjectsV2").ConfigureAwait(false);
            return (result, first);
        }

        /// <summary>
        /// The marker is uploaded with the canned ACL bucket-owner-full-control, so a bucket policy that demands it
        /// (seed 001 step 1.2) does not turn a real write permission into a false denial.
        /// </summary>
        private static IEnumerable<LiveProbeResult> WriteAndDelete(AwsCalls calls, IAmazonS3 s3, LiveProbePlan plan, CancellationToken ct)
        {
            var bucket = plan.Bucket;
            var marker = (plan.Prefix ?? string.Empty) + plan.ProbeFolder + Guid.NewGuid().ToString("N");
            var put = Run(calls, bucket, marker, "s3:PutObject", $"{bucket}/{marker} (probe marker, {MarkerBody.Length} bytes, bucket-owner-full-control)", () => s3.PutObjectAsync(new PutObjectRequest
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

            var delete = Run(calls, bucket, marker, "s3:DeleteObject", $"{bucket}/{marker} (probe marker)", () => s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = marker }, ct)).GetAwaiter().GetResult();
            return new[] { put, delete };
        }

        /// <summary>
        /// One probe on the module's call path (its Verbose line is written before this returns). A refusal is the
        /// probe's answer, classified from S3's status and code; a failure without an S3 answer (unreachable, ...) is Error.
        /// </summary>
        /// <param name="operation">The S3 API name, when it is not the action's (s3:ListBucket is ListObjectsV2).</param>
        private static async Task<LiveProbeResult> Run(AwsCalls calls, string bucket, string? key, string action, string target, Func<Task> request, string? operation = null)
        {
            try
            {
                await calls.RunAsync("S3", operation ?? action.Substring(3), target, async () =>
                {
                    await request().ConfigureAwait(false);
                    return true;
                }, bucket).ConfigureAwait(false);
                return new LiveProbeResult(bucket, key, action, ProbeOutcome.Allowed, null, null);
            }
            catch (XAccountException ex) when (ex.InnerException is AmazonS3Exception s3)
            {
                var code = string.IsNullOrEmpty(s3.ErrorCode) ? null : s3.ErrorCode;
                return new LiveProbeResult(bucket, key, action, ProbeClassifier.Classify(action, (int)s3.StatusCode, code), code, s3.Message);
            }
            catch (XAccountException ex)
            {
                return new LiveProbeResult(bucket, key, action, ProbeOutcome.Error, ex.Code.ToString(), ex.Message);
            }
        }
    }
}
