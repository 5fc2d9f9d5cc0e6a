using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Core.Buckets;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Identifiers;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Merging;

namespace S3CrossAccount.Aws.Buckets
{
    /// <summary>
    /// Seed method 1 in the bucket owner's account: read, merge, write and verify a bucket policy, and
    /// take statements out again. Merge, never lose: statements somebody else wrote are kept, nothing is
    /// written when the bucket already has what is asked for, and every write is read back.
    /// </summary>
    public sealed class BucketPolicyService : IDisposable
    {
        // S3 bucket configuration is eventually consistent, so a read right after a write may still
        // show the old policy: read back up to four times before calling it a failed verification.
        // https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html#ConsistencyModel
        private static readonly TimeSpan[] DefaultVerifyDelays = { TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) };

        private readonly IBucketPolicyStore _store;
        private readonly AwsCalls _calls;
        private readonly IReadOnlyList<TimeSpan> _verifyDelays;

        public BucketPolicyService(AwsSession session, Action<string>? verbose = null)
        {
            if (session == null) throw new ArgumentNullException(nameof(session));
            _calls = new AwsCalls(verbose, session);
            _store = new S3BucketPolicyStore(new S3ClientPool(session, _calls), _calls);
            _verifyDelays = DefaultVerifyDelays;
        }

        /// <summary>Shares the clients (and so the bucket-region lookups) and the call path of another service of the same command.</summary>
        internal BucketPolicyService(S3ClientPool clients, AwsCalls calls)
        {
            _calls = calls;
            _store = new S3BucketPolicyStore(clients, calls, ownsClients: false);
            _verifyDelays = DefaultVerifyDelays;
        }

        /// <summary>Tests: a fake store, and the pauses between read-backs.</summary>
        internal BucketPolicyService(IBucketPolicyStore store, Action<string>? verbose, IReadOnlyList<TimeSpan>? verifyDelays = null)
        {
            _store = store ?? throw new ArgumentNullException(nameof(store));
            _calls = new AwsCalls(verbose);
            _verifyDelays = verifyDelays ?? DefaultVerifyDelays;
        }

        /// <summary>The bucket's policy, or null (and a Verbose line) when it has none.</summary>
        public XAccountBucketPolicy? Get(string bucket, CancellationToken cancellationToken = default)
        {
            BucketName.Parse(bucket);
            var current = Read(bucket, cancellationToken);
            if (current.Policy == null)
            {
                _calls.Note($"Bucket {bucket} has no bucket policy.");
                return null;
            }

            return new XAccountBucketPolicy(bucket, current.Policy);
        }

        /// <summary>
        /// Merges (or with Replace overwrites) the bucket policy. Returns the result, with
        /// <see cref="BucketPolicyWrite.None"/> when nothing needed writing; null when the write was declined (-WhatIf).
        /// </summary>
        public XAccountBucketPolicyResult? Set(BucketPolicyRequest request, Func<string, string, bool> shouldProcess, CancellationToken cancellationToken = default)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (shouldProcess == null) throw new ArgumentNullException(nameof(shouldProcess));
            var bucket = request.Bucket;
            BucketName.Parse(bucket);
            if (!request.AllowPublic)
            {
                BucketPolicyEdits.EnsureNoPublicGrant(request.Policy, bucket);
            }

            var current = Read(bucket, cancellationToken);
            var wanted = request.Replace ? request.Policy : PolicyMerger.Merge(current.Policy, request.Policy);
            if (current.Policy != null && wanted.SemanticEquals(current.Policy))
            {
                _calls.Note($"Bucket policy of {bucket} already {(request.Replace ? "is the policy given" : "grants everything asked for")}; not changed.");
                return new XAccountBucketPolicyResult(bucket, BucketPolicyWrite.None, Array.Empty<StatementChange>(), current.Policy, current.Policy, null);
            }

            BucketPolicyEdits.EnsureWritable(current.Policy, wanted, bucket);
            var verb = current.Policy == null ? "Put the bucket policy" : request.Replace ? "Replace the bucket policy" : "Merge into the bucket policy";
            return Write(bucket, current, wanted, verb, request.BackupPath, shouldProcess, cancellationToken);
        }

        /// <summary>
        /// Takes statements out of the bucket policy (<paramref name="remove"/> decides which: see
        /// <see cref="BucketPolicyEdits"/>, PolicyMerger.Remove); deletes the policy when none is left.
        /// Null when the write was declined (-WhatIf).
        /// </summary>
        public XAccountBucketPolicyResult? RemoveStatements(string bucket, Func<PolicyDocument, PolicyDocument> remove, string? backupPath,
            Func<string, string, bool> shouldProcess, CancellationToken cancellationToken = default)
        {
            if (remove == null) throw new ArgumentNullException(nameof(remove));
            if (shouldProcess == null) throw new ArgumentNullException(nameof(shouldProcess));
            BucketName.Parse(bucket);
            var current = Read(bucket, cancellationToken);
            if (current.Policy == null)
            {
                _calls.Note($"Bucket {bucket} has no bucket policy; nothing to remove.");
                return new XAccountBucketPolicyResult(bucket, BucketPolicyWrite.None, Array.Empty<StatementChange>(), null, null, null);
            }

            var wanted = remove(current.Policy);
            if (wanted.SemanticEquals(current.Policy))
            {
                _calls.Note($"No statement of the bucket policy of {bucket} matches; not changed.");
                return new XAccountBucketPolicyResult(bucket, BucketPolicyWrite.None, Array.Empty<StatementChange>(), current.Policy, current.Policy, null);
            }

            if (wanted.StatementCount > 0)
            {
                BucketPolicyEdits.EnsureWritable(current.Policy, wanted, bucket);
            }

            return Write(bucket, current, wanted.StatementCount == 0 ? null : wanted,
                wanted.StatementCount == 0 ? "Delete the bucket policy (no statement is left)" : "Remove statements from the bucket policy",
                backupPath, shouldProcess, cancellationToken);
        }

        /// <summary>Shows the diff, asks, backs up, writes (null = delete) and verifies by reading back.</summary>
        private XAccountBucketPolicyResult? Write(string bucket, Stored current, PolicyDocument? wanted, string verb, string? backupPath,
            Func<string, string, bool> shouldProcess, CancellationToken ct)
        {
            var changes = PolicyDiff.Compare(current.Policy, wanted);
            foreach (var change in changes)
            {
                _calls.Note(change.ToString());
            }

            var action = verb + " (" + changes.Count + (changes.Count == 1 ? " statement change):" : " statement changes):")
                + string.Concat(changes.Select(c => Environment.NewLine + "  " + c));
            if (!shouldProcess(bucket, action))
            {
                return null;
            }

            var backup = backupPath == null ? null : SaveBackup(bucket, backupPath, current.Text);
            if (wanted == null)
            {
                _store.Delete(bucket, ct);
            }
            else
            {
                _calls.Note("Bucket policy to write: " + PolicyJson.Write(wanted));
                _store.Put(bucket, PolicyJson.Write(wanted), ct);
            }

            Verify(bucket, wanted, current, backup, ct);
            return new XAccountBucketPolicyResult(bucket, wanted == null ? BucketPolicyWrite.Delete : BucketPolicyWrite.Put, changes, wanted, current.Policy, backup);
        }

        private void Verify(string bucket, PolicyDocument? wanted, Stored previous, string? backup, CancellationToken ct)
        {
            for (var attempt = 0; ; attempt++)
            {
                var now = Read(bucket, ct).Policy;
                if (wanted == null ? now == null : wanted.SemanticEquals(now))
                {
                    return;
                }

                if (attempt >= _verifyDelays.Count)
                {
                    var was = previous.Text == null ? "the bucket had no policy" : "the previous policy was " + previous.Text;
                    throw new XAccountException(ErrorCode.VerificationFailed,
                        $"Reading the bucket policy of '{bucket}' back after the write did not return what was written ({(now == null ? "no policy" : PolicyJson.Write(now))}); {was}"
                        + (backup == null ? "." : $" (saved to {backup})."),
                        bucket,
                        $"Check the policy with Get-XAccountBucketPolicy -Bucket {bucket}; something else may be changing it. "
                        + (previous.Text == null ? "Remove what was added with Remove-XAccountBucketPolicyStatement." : $"To go back, run Set-XAccountBucketPolicy -Bucket {bucket} -Replace -Policy with the previous policy."));
                }

                _calls.Note($"The bucket policy read back differs from what was written; S3 bucket configuration is eventually consistent, so reading again in {_verifyDelays[attempt].TotalSeconds:0.#} s.");
                if (_verifyDelays[attempt] > TimeSpan.Zero)
                {
                    ct.WaitHandle.WaitOne(_verifyDelays[attempt]);
                    ct.ThrowIfCancellationRequested();
                }
            }
        }

        private string? SaveBackup(string bucket, string path, string? previousText)
        {
            var file = Directory.Exists(path) ? Path.Combine(path, bucket + ".policy.json") : path;
            if (previousText == null)
            {
                _calls.Note($"Bucket {bucket} had no policy; no backup written to {file}.");
                return null;
            }

            try
            {
                File.WriteAllText(file, previousText);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                throw new XAccountException(ErrorCode.BackupFailed, $"The previous bucket policy of '{bucket}' could not be saved to '{file}': {ex.Message} Nothing was changed.", file,
                    "Give a -BackupPath in a directory that exists and is writable.", ex);
            }

            _calls.Note($"Previous bucket policy of {bucket} saved to {file}.");
            return file;
        }

        private Stored Read(string bucket, CancellationToken ct)
        {
            var text = _store.Get(bucket, ct);
            if (text == null)
            {
                return new Stored(null, null);
            }

            try
            {
                return new Stored(text, PolicyJson.Parse(text));
            }
            catch (XAccountException ex)
            {
                throw new XAccountException(ErrorCode.InvalidPolicyJson, $"The bucket policy S3 returned for '{bucket}' could not be read: {ex.Message}", bucket,
                    "Inspect it with the AWS console or Get-S3BucketPolicy; this module changes only policies it can parse.", ex);
            }
        }

        public void Dispose() => _store.Dispose();

        private sealed class Stored
        {
            internal Stored(string? text, PolicyDocument? policy)
            {
                Text = text;
                Policy = policy;
            }

            /// <summary>The JSON exactly as S3 returned it (what -BackupPath saves).</summary>
            internal string? Text { get; }

            internal PolicyDocument? Policy { get; }
        }
    }
}
