using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using S3CrossAccount.Aws.Acls;
using S3CrossAccount.Core.Acls;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation;
using S3CrossAccount.Core.Evaluation.Acls;

namespace S3CrossAccount.Aws.Tests.Acls
{
    /// <summary>An in-memory S3 for the ACL service: ACLs per target, ownership per bucket, scripted failures, and the call list.</summary>
    internal sealed class FakeS3AclApi : IS3AclApi
    {
        public const string Owner = "111122223333$admin";

        public readonly Dictionary<string, List<AclGrant>> Acls = new Dictionary<string, List<AclGrant>>();
        public readonly Dictionary<string, OwnershipReading> Ownership = new Dictionary<string, OwnershipReading>();
        public readonly Dictionary<string, XAccountException> Failures = new Dictionary<string, XAccountException>();

        /// <summary>Calls that fail only the first time they are made.</summary>
        public readonly Dictionary<string, XAccountException> FailOnce = new Dictionary<string, XAccountException>();
        public readonly List<string> Calls = new List<string>();
        public List<string> Keys = new List<string>();
        public int PageSize = 1000;

        /// <summary>Runs after each ACL write with its target: another writer's write landing right after this one.</summary>
        public Action<string>? AfterWrite;

        public static AclGrant OwnerFullControl => new AclGrant(AclGranteeKind.CanonicalUser, Owner, AclPermission.FullControl);

        public AccessControlList GetBucketAcl(string bucket, CancellationToken ct) => Read("GetBucketAcl " + bucket, bucket);

        public AccessControlList GetObjectAcl(string bucket, string key, CancellationToken ct) => Read("GetObjectAcl " + bucket + "/" + key, bucket + "/" + key);

        public void PutBucketAcl(string bucket, IReadOnlyList<AclGrant> grants, CancellationToken ct) => Write("PutBucketAcl " + bucket, bucket, grants);

        public void PutObjectAcl(string bucket, string key, IReadOnlyList<AclGrant> grants, CancellationToken ct) => Write("PutObjectAcl " + bucket + "/" + key, bucket + "/" + key, grants);

        public OwnershipReading GetOwnership(string bucket, CancellationToken ct)
        {
            Record("GetBucketOwnershipControls " + bucket);
            return Ownership.TryGetValue(bucket, out var o) ? o : new OwnershipReading(ObjectOwnership.ObjectWriter, OwnershipSource.NotConfigured);
        }

        public void PutOwnership(string bucket, ObjectOwnership objectOwnership, CancellationToken ct)
        {
            Record("PutBucketOwnershipControls " + bucket + " " + objectOwnership);
            Ownership[bucket] = new OwnershipReading(objectOwnership, OwnershipSource.Configured);
        }

        public KeyPage ListObjects(string bucket, string prefix, string? continuationToken, CancellationToken ct)
        {
            Record("ListObjectsV2 " + bucket + " " + prefix + " " + (continuationToken ?? "-"));
            var start = continuationToken == null ? 0 : int.Parse(continuationToken);
            var matching = Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            var page = matching.Skip(start).Take(PageSize).ToList();
            return new KeyPage(page, start + PageSize < matching.Count ? (start + PageSize).ToString() : null);
        }

        private AccessControlList Read(string call, string target)
        {
            Record(call);
            if (!Acls.TryGetValue(target, out var grants))
            {
                grants = new List<AclGrant> { OwnerFullControl };
                Acls[target] = grants;
            }

            return new AccessControlList(Owner, grants.ToList(), Owner);
        }

        private void Write(string call, string target, IReadOnlyList<AclGrant> grants)
        {
            Record(call);
            Acls[target] = grants.ToList();
            AfterWrite?.Invoke(target);
        }

        private void Record(string call)
        {
            lock (Calls)
            {
                Calls.Add(call);
            }

            if (Failures.TryGetValue(call, out var failure))
            {
                throw failure;
            }

            if (FailOnce.TryGetValue(call, out var once))
            {
                FailOnce.Remove(call);
                throw once;
            }
        }
    }
}
