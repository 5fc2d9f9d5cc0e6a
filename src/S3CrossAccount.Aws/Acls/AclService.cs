using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Aws.Concurrency;
using S3CrossAccount.Core.Acls;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation;
using S3CrossAccount.Core.Evaluation.Acls;
using S3CrossAccount.Core.Identifiers;

namespace S3CrossAccount.Aws.Acls
{
    /// <summary>
    /// Seed method 2 in the bucket owner's account: grant or revoke ACL permissions on a bucket or an
    /// object without losing any other grant, and read or set the bucket's Object Ownership. Each ACL is
    /// read, merged in the core, and written back only when it changed, after the ShouldProcess callback
    /// agreed. Safe to share between threads (one instance serves a whole bulk run).
    /// </summary>
    public sealed class AclService : IDisposable
    {
        private readonly IS3AclApi _api;
        private readonly Action<string>? _verbose;
        private readonly ConvergingWriter _writer;
        private readonly ConcurrentDictionary<string, Lazy<OwnershipReading?>> _ownership = new ConcurrentDictionary<string, Lazy<OwnershipReading?>>(StringComparer.Ordinal);

        /// <summary>Uses S3 clients of the resolved session, one per bucket region.</summary>
        public AclService(AwsSession session, Action<string>? verbose = null)
            : this(new SdkS3AclApi(session ?? throw new ArgumentNullException(nameof(session)), new AwsCalls(verbose, session)), verbose, ConvergeSettings.FromEnvironment(), ConvergingWriter.ScopeOf(session))
        {
        }

        /// <summary>
        /// The given S3 calls (a fake in tests; the SDK adapter over a shared client pool in the access report);
        /// the settings say how writers wait and converge, the scope is the endpoint's (<see cref="ConvergingWriter.ScopeOf"/>).
        /// </summary>
        internal AclService(IS3AclApi api, Action<string>? verbose, ConvergeSettings settings, string scope)
        {
            _api = api ?? throw new ArgumentNullException(nameof(api));
            _verbose = verbose;
            _writer = new ConvergingWriter(settings ?? ConvergeSettings.FromEnvironment(), scope, verbose);
        }

        /// <summary>Get-XAccountObjectOwnership: the bucket's setting and where it came from.</summary>
        public XAccountObjectOwnership GetOwnership(string bucket, CancellationToken ct = default)
        {
            BucketName.Parse(bucket);
            var reading = ReadOwnership(bucket, ct);
            return new XAccountObjectOwnership(bucket, reading.ObjectOwnership, reading.Source);
        }

        /// <summary>
        /// Set-XAccountObjectOwnership: writes the setting unless the bucket already has it. The callback
        /// gets the current setting (null when it could not be read) and decides; declined = null.
        /// </summary>
        public XAccountObjectOwnership? SetOwnership(string bucket, ObjectOwnership wanted, Func<ObjectOwnership?, bool> shouldProcess, CancellationToken ct = default)
        {
            if (shouldProcess == null) throw new ArgumentNullException(nameof(shouldProcess));
            BucketName.Parse(bucket);
            OwnershipReading? current;
            try
            {
                current = ReadOwnership(bucket, ct);
            }
            catch (XAccountException ex) when (ex.Code == ErrorCode.AccessDenied)
            {
                Note($"Could not read the Object Ownership of '{bucket}' ({ex.Message}); writing it anyway.");
                current = null;
            }

            if (current != null && current.Source == OwnershipSource.Configured && current.ObjectOwnership == wanted)
            {
                return new XAccountObjectOwnership(bucket, wanted, OwnershipSource.Configured, changed: false, previous: wanted);
            }

            // An unreadable answer says nothing about the real setting: report no previous value.
            var previous = current == null || current.Source == OwnershipSource.Unrecognized ? (ObjectOwnership?)null : current.ObjectOwnership;
            if (!shouldProcess(previous))
            {
                return null;
            }

            _api.PutOwnership(bucket, wanted, ct);
            _ownership.TryRemove(bucket, out _);
            return new XAccountObjectOwnership(bucket, wanted, OwnershipSource.Configured, changed: true, previous: previous);
        }

        /// <summary>
        /// Refuses with AclNotSupported when the bucket's Object Ownership is BucketOwnerEnforced (ACLs
        /// disabled: S3 would answer AccessControlListNotSupported). Read once per bucket per service. When
        /// the setting cannot be read (no s3:GetBucketOwnershipControls), the ACL write itself will tell.
        /// </summary>
        public void EnsureAclsEnabled(string bucket, CancellationToken ct = default)
        {
            BucketName.Parse(bucket);
            var lazy = _ownership.GetOrAdd(bucket, b => new Lazy<OwnershipReading?>(() =>
            {
                try
                {
                    return ReadOwnership(b, ct);
                }
                catch (XAccountException ex) when (ex.Code == ErrorCode.AccessDenied)
                {
                    Note($"Could not read the Object Ownership of '{b}' ({ex.Message}); going on: S3 refuses the ACL write if ACLs are disabled.");
                    return null;
                }
            }));
            OwnershipReading? reading;
            try
            {
                reading = lazy.Value;
            }
            catch (XAccountException)
            {
                // Lazy would keep the failure for every later object of the bucket: forget it, so the next one reads again.
                ((ICollection<KeyValuePair<string, Lazy<OwnershipReading?>>>)_ownership).Remove(new KeyValuePair<string, Lazy<OwnershipReading?>>(bucket, lazy));
                throw;
            }

            if (reading != null && !ObjectOwnershipRules.AclsEnabled(reading.ObjectOwnership))
            {
                throw AclsDisabled(bucket, null);
            }
        }

        /// <summary>Grant-XAccountAcl on one bucket ACL (key null) or object ACL. Declined by ShouldProcess = null.</summary>
        public XAccountAclChange? Grant(string bucket, string? key, IReadOnlyList<AclGrant> grants, Func<string, string, bool> shouldProcess, CancellationToken ct = default) =>
            Apply(bucket, key, grants, revoke: false, shouldProcess, ct);

        /// <summary>Revoke-XAccountAcl on one bucket ACL (key null) or object ACL. Declined by ShouldProcess = null.</summary>
        public XAccountAclChange? Revoke(string bucket, string? key, IReadOnlyList<AclGrant> grants, Func<string, string, bool> shouldProcess, CancellationToken ct = default) =>
            Apply(bucket, key, grants, revoke: true, shouldProcess, ct);

        /// <summary>The bucket ACL (key null) or an object ACL as S3 stores it: owner and grants.</summary>
        public AccessControlList ReadAcl(string bucket, string? key, CancellationToken ct = default)
        {
            BucketName.Parse(bucket);
            return key == null ? _api.GetBucketAcl(bucket, ct) : _api.GetObjectAcl(bucket, key, ct);
        }

        /// <summary>Every key under the prefix, page by page (ListObjectsV2 returns up to 1,000 keys a page).</summary>
        public IEnumerable<string> ListKeys(string bucket, string prefix, CancellationToken ct = default)
        {
            BucketName.Parse(bucket);
            string? token = null;
            do
            {
                var page = _api.ListObjects(bucket, prefix, token, ct);
                foreach (var key in page.Keys)
                {
                    yield return key;
                }

                token = page.NextToken;
            }
            while (token != null);
        }

        public void Dispose() => (_api as IDisposable)?.Dispose();

        private XAccountAclChange? Apply(string bucket, string? key, IReadOnlyList<AclGrant> grants, bool revoke, Func<string, string, bool> shouldProcess, CancellationToken ct)
        {
            if (grants == null) throw new ArgumentNullException(nameof(grants));
            if (shouldProcess == null) throw new ArgumentNullException(nameof(shouldProcess));
            BucketName.Parse(bucket);
            var target = key == null ? bucket : bucket + "/" + key;
            if (key != null && grants.Any(g => g.Permission == AclPermission.Write))
            {
                // https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#permissions: WRITE "Not applicable" to objects.
                throw new XAccountException(ErrorCode.InvalidAclGrant, $"WRITE is a bucket permission; an object ACL cannot grant it ({target}).", "WRITE",
                    "Grant WRITE on the bucket ACL (without -Key/-Prefix), or use READ, READ_ACP, WRITE_ACP or FULL_CONTROL on objects.");
            }

            if (!revoke)
            {
                EnsureAclsEnabled(bucket, ct);
            }

            var what = key == null ? "bucket ACL" : "object ACL";
            var targetName = key == null ? $"bucket ACL of '{bucket}'" : $"object ACL of '{target}'";
            using (_writer.Lock(key == null ? "bucket-acl" : "object-acl", target, targetName, ct))
            {
                var acl = ReadAcl(bucket, key, ct);
                var edit = revoke ? AclMerger.Revoke(acl, grants) : AclMerger.Grant(acl, grants);
                var change = new XAccountAclChange(bucket, key, edit);
                if (!edit.Changed)
                {
                    Note(revoke
                        ? $"None of the grants to revoke ({Describe(grants)}) is on the ACL of {target}; nothing to remove."
                        : $"The ACL of {target} already has {Describe(grants)}; not changed.");
                    return change;
                }

                if (edit.After.Grants.Count == 0)
                {
                    throw new XAccountException(ErrorCode.EmptyAcl, $"Revoking would leave the ACL of {target} without any grant, which S3 cannot store.", target,
                        "Keep the owner's FULL_CONTROL grant: revoke only the other account's permissions.");
                }

                var description = revoke
                    ? $"Remove {Describe(edit.Removed)} from the {what}; {edit.After.Grants.Count} other grant(s) stay"
                    : $"Add {Describe(edit.Added)} to the {what}; the {edit.Before.Grants.Count} existing grant(s) stay";
                if (!shouldProcess(target, description))
                {
                    return null;
                }

                Put(bucket, key, edit.After, ct);
                _writer.Converge(new TargetChange<AccessControlList>
                {
                    Target = targetName,
                    Read = c => ReadAcl(bucket, key, c),
                    Holds = now => Missing(edit, now!).Count == 0,
                    ApplyTo = now => AclMerger.Revoke(AclMerger.Grant(now!, edit.Added).After, edit.Removed).After,
                    Write = (now, c) => Put(bucket, key, now!, c),
                    Missing = now => Describe(Missing(edit, now!)),
                    WrittenButUnverified = ex => WrittenButUnverified(targetName, bucket, key, edit, ex),
                }, ct);
                return change;
            }
        }

        private void Put(string bucket, string? key, AccessControlList acl, CancellationToken ct)
        {
            try
            {
                if (key == null)
                {
                    _api.PutBucketAcl(bucket, acl.Grants, ct);
                }
                else
                {
                    _api.PutObjectAcl(bucket, key, acl.Grants, ct);
                }
            }
            catch (XAccountException ex) when (ex.Code == ErrorCode.AclNotSupported)
            {
                throw AclsDisabled(bucket, ex);
            }
        }

        /// <summary>The grants this edit added that <paramref name="now"/> lacks, and those it removed that are back.</summary>
        private static IReadOnlyList<AclGrant> Missing(AclEdit edit, AccessControlList now)
        {
            var present = new HashSet<AclGrant>(now.Grants);
            return edit.Added.Where(g => !present.Contains(g)).Concat(edit.Removed.Where(present.Contains)).ToList();
        }

        /// <summary>The ACL write went through but the read that verifies it did not: say so, and how to undo it.</summary>
        private static XAccountException WrittenButUnverified(string targetName, string bucket, string? key, AclEdit edit, XAccountException readError)
        {
            var where = $"-Bucket {bucket}" + (key == null ? string.Empty : $" -Key '{key.Replace("'", "''")}'");
            var undo = edit.Added.Count > 0
                ? $"To undo it, run Revoke-XAccountAcl {where} with the same grants ({Describe(edit.Added)})"
                : $"To undo it, run Grant-XAccountAcl {where} with the same grants ({Describe(edit.Removed)})";
            return new XAccountException(ErrorCode.VerificationFailed,
                $"The new {targetName} was written and is already in place, but reading it back to verify failed: {readError.Message} {undo}.",
                key == null ? bucket : bucket + "/" + key,
                "Run the same command again once S3 answers (it changes nothing if the grants are in place) to finish verifying.",
                readError);
        }

        /// <summary>"READ for canonical ID x, WRITE for ..." (for messages).</summary>
        public static string Describe(IEnumerable<AclGrant> grants) =>
            string.Join(", ", grants.Select(g => AclGrant.PermissionName(g.Permission) + " for " + Grantee(g)));

        private static string Grantee(AclGrant g)
        {
            switch (g.Kind)
            {
                case AclGranteeKind.Group: return "group " + g.Grantee;
                case AclGranteeKind.Email: return "e-mail " + g.Grantee;
                case AclGranteeKind.Account: return "account " + g.Grantee;
                default: return "canonical ID " + g.Grantee;
            }
        }

        private static XAccountException AclsDisabled(string bucket, Exception? inner) =>
            new XAccountException(ErrorCode.AclNotSupported,
                $"ACLs are disabled on bucket '{bucket}': its Object Ownership is BucketOwnerEnforced, so S3 refuses ACL grants there.",
                bucket,
                $"Grant the access with a bucket policy instead (New-XAccountBucketPolicy -Bucket {bucket} ... | Set-XAccountBucketPolicy), "
                + $"or, if ACLs are really needed, enable them first with Set-XAccountObjectOwnership -Bucket {bucket} -ObjectOwnership BucketOwnerPreferred.",
                inner);

        private OwnershipReading ReadOwnership(string bucket, CancellationToken ct)
        {
            var reading = _api.GetOwnership(bucket, ct);
            switch (reading.Source)
            {
                case OwnershipSource.NotConfigured:
                    Note($"Bucket '{bucket}' has no ownership controls (OwnershipControlsNotFoundError): ObjectWriter, ACLs enabled.");
                    break;
                case OwnershipSource.Unrecognized:
                    Note($"The server returned no readable ownership rule for '{bucket}' (S3-compatible servers such as radosgw have none): ACLs are taken to be enabled.");
                    break;
            }

            return reading;
        }

        private void Note(string message) => _verbose?.Invoke(message);
    }
}
