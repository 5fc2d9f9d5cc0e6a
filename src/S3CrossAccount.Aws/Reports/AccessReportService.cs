using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using S3CrossAccount.Aws.Acls;
using S3CrossAccount.Aws.Buckets;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Aws.Concurrency;
using S3CrossAccount.Aws.Roles;
using S3CrossAccount.Core.Evaluation;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Reports;

namespace S3CrossAccount.Aws.Reports
{
    /// <summary>The roles of an account that an outside principal may assume, with their permission policies.</summary>
    public sealed class ExternallyAssumableRole
    {
        internal ExternallyAssumableRole(string roleArn, PolicyDocument trustPolicy, IReadOnlyList<PolicyDocument> permissionPolicies)
        {
            RoleArn = roleArn;
            TrustPolicy = trustPolicy;
            PermissionPolicies = permissionPolicies;
        }

        public string RoleArn { get; }

        public PolicyDocument TrustPolicy { get; }

        public IReadOnlyList<PolicyDocument> PermissionPolicies { get; }
    }

    /// <summary>
    /// Get-XAccountAccessReport's reads: per bucket its policy and ACL (and, when asked, Object Ownership and a
    /// sample of object ACLs); once per account its roles that trust an outside principal. The analysis itself is
    /// Core's <see cref="AccessReportBuilder"/>. Thread-safe for concurrent buckets: each bucket's reads build their own clients.
    /// </summary>
    public sealed class AccessReportService
    {
        private readonly AwsSession _session;
        private readonly Action<string> _verbose;

        public AccessReportService(AwsSession session, Action<string> verbose)
        {
            _session = session ?? throw new ArgumentNullException(nameof(session));
            _verbose = verbose ?? throw new ArgumentNullException(nameof(verbose));
        }

        /// <summary>The account the credentials belong to (STS GetCallerIdentity).</summary>
        public string CallerAccount(CancellationToken ct)
        {
            return new StsIdentityService(_session, _verbose).GetCallerIdentity(ct).Account;
        }

        /// <summary>Every bucket of the account (ListBuckets).</summary>
        public IReadOnlyList<string> AllBuckets(CancellationToken ct)
        {
            return new S3AccountService(_session, _verbose).ListAllBucketNames(ct);
        }

        /// <summary>
        /// The account's roles that some principal outside <paramref name="account"/> may assume. Permission policies
        /// are read only for those, so an account with many internal roles costs one ListRoles call per page.
        /// </summary>
        public IReadOnlyList<ExternallyAssumableRole> ExternallyAssumableRoles(string account, CancellationToken ct)
        {
            using var roles = new RoleService(_session, _verbose);
            return roles.ListRolesWithTrust(ct)
                .Where(r => AccessReportBuilder.TrustsOutside(r.TrustPolicy, account))
                .Select(r => new ExternallyAssumableRole(r.RoleArn, r.TrustPolicy, roles.ReadPermissionPolicies(r.RoleName, ct)))
                .ToList();
        }

        /// <summary>
        /// The ways in to one bucket that its own settings give, in the order bucket policy, bucket ACL, object ACLs.
        /// The roles' part is <see cref="ForRoles"/>, kept apart so that the roles can be read while the buckets are.
        /// </summary>
        public IReadOnlyList<AccessReportEntry> ReadBucket(string bucket, string account, BucketReportOptions options, CancellationToken ct)
        {
            var entries = new List<AccessReportEntry>();

            // One client pool for the bucket's reads, so its region is looked up once and every read is signed for it.
            var calls = new AwsCalls(_verbose, _session);
            using var clients = new S3ClientPool(_session, calls);
            using var policies = new BucketPolicyService(clients, calls, _session);
            var policy = policies.Get(bucket, ct);
            using var acls = new AclService(new SdkS3AclApi(clients, calls, ownsClients: false), _verbose, ConvergeSettings.FromEnvironment(), ConvergingWriter.ScopeOf(_session));
            var bucketAcl = acls.ReadAcl(bucket, null, ct);
            var ownerId = bucketAcl.OwnerCanonicalId ?? string.Empty;
            if (policy != null)
            {
                entries.AddRange(AccessReportBuilder.ForBucketPolicy(bucket, account, policy.Policy, ownerId));
            }

            // With BucketOwnerEnforced S3 ignores every ACL, and it refuses the setting while the bucket ACL grants
            // outside the account, so only the object ACLs need the ownership check.
            // https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
            entries.AddRange(AccessReportBuilder.ForAcl(bucket, account, ownerId, bucketAcl.Grants));
            if (options.IncludeObjectAcl && acls.GetOwnership(bucket, ct).AclsEnabled)
            {
                var keys = acls.ListKeys(bucket, string.Empty, ct);
                foreach (var key in options.ObjectSampleSize > 0 ? keys.Take(options.ObjectSampleSize) : keys)
                {
                    entries.AddRange(AccessReportBuilder.ForAcl(bucket, account, ownerId, acls.ReadAcl(bucket, key, ct).Grants, key));
                }
            }

            return entries;
        }

        /// <summary>The ways in to the bucket through the account's externally assumable roles (no AWS call).</summary>
        public static IReadOnlyList<AccessReportEntry> ForRoles(string bucket, string account, IReadOnlyList<ExternallyAssumableRole> roles) =>
            roles.SelectMany(role => AccessReportBuilder.ForRole(bucket, account, role.RoleArn, role.TrustPolicy, role.PermissionPolicies)).ToList();
    }
}
