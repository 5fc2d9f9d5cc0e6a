using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Aws.Concurrency;
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
        private readonly IBucketPolicyStore _store;
        private readonly AwsCalls _calls;
        private readonly ConvergingWriter _writer;

        public BucketPolicyService(AwsSession session, Action<string>? verbose = null)
        {
            if (session == null) throw new ArgumentNullException(nameof(session));
            _calls = new AwsCalls(verbose, session);
            _store = new S3BucketPolicyStore(new S3ClientPool(session, _calls), _calls);
            _writer = new ConvergingWriter(ConvergeSettings.FromEnvironment(), ConvergingWriter.ScopeOf(session), verbose);
        }

        /// <summary>Shares the clients (and so the bucket-region lookups) and the call path of another service of the same command.</summary>
        internal BucketPolicyService(S3ClientPool clients, AwsCalls calls, AwsSession session)
        {
            _calls = calls;
            _store = new S3BucketPolicyStore(clients, calls, ownsClients: false);
            _writer = new ConvergingWriter(ConvergeSettings.FromEnvironment(), ConvergingWriter.ScopeOf(session), calls.Note);
        }

        /// <summary>Tests: a fake store, and how writers wait and converge.</summary>
        internal BucketPolicyService(IBucketPolicyStore store, Action<string>? verbose, ConvergeSettings settings)
        {
            _store = store ?? throw new ArgumentNullException(nameof(store));
            _calls = new AwsCalls(verbose);
            _writer = new ConvergingWriter(settings, "test", verbose);
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

            using (Lock(bucket, cancellationToken))
            {
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
            using (Lock(bucket, cancellationToken))
            {
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
        }

        private IDisposable Lock(string bucket, CancellationToken ct) => _writer.Lock("bucket-policy", bucket, Target(bucket), ct);

        private static string Target(string bucket) => $"bucket policy of '{bucket}'";

        /// <summary>
        /// Shows the diff, asks, backs up, writes (null = delete), and converges: re-reads after the settle
        /// interval and writes this change again where another writer's write took it away.
        /// </summary>
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
            Put(bucket, wanted, ct);
            var edit = PolicyChange.Between(current.Policy, wanted);
            var final = _writer.Converge(new TargetChange<PolicyDocument>
            {
                Target = Target(bucket),
                Read = c => Read(bucket, c).Policy,
                Holds = edit.HoldsIn,
                ApplyTo = edit.ApplyTo,
                Write = (policy, c) => Put(bucket, policy, c),
                Missing = now => string.Join("; ", edit.MissingIn(now)),
                WrittenButUnverified = ex => WrittenButUnverified(bucket, current, wanted, backup, ex),
            }, ct);
            return new XAccountBucketPolicyResult(bucket, wanted == null ? BucketPolicyWrite.Delete : BucketPolicyWrite.Put, changes, final, current.Policy, backup);
        }

        private void Put(string bucket, PolicyDocument? policy, CancellationToken ct)
        {
            if (policy == null)
            {
                _store.Delete(bucket, ct);
                return;
            }

            var json = PolicyJson.Write(policy);
            _calls.Note("Bucket policy to write: " + json);
            _store.Put(bucket, json, ct);
        }

        /// <summary>
        /// The write went through but the read that verifies it did not (throttling, a 5xx, a reset
        /// connection): say that the new policy is in place, where the old one is, and how to put it back.
        /// </summary>
        private static XAccountException WrittenButUnverified(string bucket, Stored previous, PolicyDocument? wanted, string? backup, XAccountException readError)
        {
            var written = wanted == null ? "The bucket policy of '" + bucket + "' was deleted" : "The new bucket policy of '" + bucket + "' was written";
            string restore;
            if (previous.Text == null)
            {
                var sids = wanted?.Statements.Select(st => st.Sid).ToList();
                restore = sids != null && sids.All(sid => !string.IsNullOrEmpty(sid))
                    ? $"The bucket had no policy before; to go back, run: Remove-XAccountBucketPolicyStatement -Bucket {bucket} -Sid {string.Join(",", sids.Select(sid => "'" + sid!.Replace("'", "''") + "'"))}"
                    : $"The bucket had no policy before; to go back, delete it (AWS Tools: Remove-S3BucketPolicy -BucketName {bucket})";
            }
            else if (backup != null)
            {
                restore = $"The previous policy is saved in {backup}; to restore it, run: Set-XAccountBucketPolicy -Bucket {bucket} -Replace -Policy (Get-Content -Raw -LiteralPath '{backup.Replace("'", "''")}')";
            }
            else
            {
                restore = $"The previous policy was not saved (no -BackupPath); it was: {previous.Text} To restore it, run Set-XAccountBucketPolicy -Bucket {bucket} -Replace -Policy with that JSON";
            }

            return new XAccountException(ErrorCode.VerificationFailed,
                $"{written} and is already in place, but reading it back to verify failed: {readError.Message} {restore}.",
                bucket,
                $"Check the policy with Get-XAccountBucketPolicy -Bucket {bucket} once S3 answers again; run the same command again to finish verifying (it changes nothing if the policy is complete).",
                readError);
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
