using System;
using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation.Acls;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;
using S3CrossAccount.Core.Policies.Merging;
using S3CrossAccount.Core.Probes;

namespace S3CrossAccount.Core.Setup
{
    /// <summary>
    /// The steps of each seed method, in the order they must run, with every policy document they write.
    /// The same request gives the same documents for the setup and for its removal, which is how the
    /// removal takes out exactly what the setup merged in (PolicyMerger's Sid scheme, GrantKey).
    /// </summary>
    public static class SetupPlanner
    {
        /// <summary>The inline policy on the grantee user or role that allows the S3 actions (method BucketPolicy).</summary>
        public const string IdentityPolicyName = "S3CrossAccountAccess";

        /// <summary>The inline policy on the grantee user or role that allows sts:AssumeRole (method Role); Grant-XAccountAssumeRole's default.</summary>
        public const string AssumeRolePolicyName = "S3CrossAccountAssumeRole";

        /// <summary>The role's inline access policy (New-XAccountRole's default).</summary>
        public const string RoleAccessPolicyName = "S3CrossAccountAccess";

        private const int MaxRoleName = 64;

        /// <summary>"XAccount-&lt;grantee account&gt;-&lt;bucket&gt;", cut to IAM's 64 characters (bucket names only use characters role names allow).</summary>
        public static string DefaultRoleName(string bucket, string granteeAccountId)
        {
            var name = "XAccount-" + granteeAccountId + "-" + bucket;
            return name.Length <= MaxRoleName ? name : name.Substring(0, MaxRoleName).TrimEnd('-', '.');
        }

        /// <summary>The role ARN in the bucket account, or null while that account's ID is unknown.</summary>
        public static string? RoleArn(SetupRequest request, string? bucketAccountId) =>
            bucketAccountId == null ? null : $"arn:aws:iam::{bucketAccountId}:role/{request.EffectiveRoleName}";

        /// <summary>The bucket policy statements naming the grantee (method BucketPolicy), with the module's Sids.</summary>
        public static PolicyDocument BucketPolicyGrant(SetupRequest request) =>
            PolicyBuilder.BucketPolicy(request.AccessRequest, new[] { request.Grantee.Value });

        /// <summary>
        /// The grantee's identity policy (method BucketPolicy). Written through the merger even into an empty policy,
        /// so its statements carry module Sids and the removal can find them next to foreign statements.
        /// </summary>
        public static PolicyDocument IdentityPolicyGrant(SetupRequest request) =>
            PolicyMerger.Merge(null, PolicyBuilder.IdentityPolicy(request.AccessRequest));

        public static PolicyDocument TrustPolicy(SetupRequest request) => PolicyBuilder.TrustPolicy(new[] { request.Grantee.Value });

        public static PolicyDocument RoleAccessPolicy(SetupRequest request) => PolicyBuilder.AccessPolicy(request.AccessRequest);

        /// <summary>The grantee's sts:AssumeRole policy on the role (method Role), with module Sids.</summary>
        public static PolicyDocument AssumeRoleGrant(string roleArn) => PolicyMerger.Merge(null, PolicyBuilder.AssumeRolePolicy(new[] { roleArn }));

        /// <summary>
        /// The ACL permissions that carry the access (method Acl): s3:ListBucket = bucket READ, s3:PutObject =
        /// bucket WRITE, s3:GetObject = object READ. Other actions have no ACL equivalent.
        /// https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#acl-access-policy-permission-mapping
        /// </summary>
        public static (IReadOnlyList<AclPermission> Bucket, IReadOnlyList<AclPermission> Objects) AclPermissions(SetupRequest request)
        {
            var bucket = new List<AclPermission>();
            var objects = new List<AclPermission>();
            foreach (var action in GrantedActions(request))
            {
                if (Is(action, S3Actions.ListBucket)) bucket.Add(AclPermission.Read);
                else if (Is(action, S3Actions.PutObject)) bucket.Add(AclPermission.Write);
                else if (Is(action, S3Actions.GetObject)) objects.Add(AclPermission.Read);
                else if (Is(action, S3Actions.GetBucketLocation) || Is(action, S3Actions.PutObjectAcl))
                {
                    // Listing needs no location grant, and an uploader's object ACL is its own to set: nothing to add.
                }
                else
                {
                    throw new XAccountException(ErrorCode.InvalidAclGrant, $"{action} cannot be granted with an ACL (ACLs carry only s3:ListBucket, s3:PutObject and s3:GetObject here).", action,
                        "Use -Method BucketPolicy or -Method Role for this action, or -Access Read, Write, ReadWrite, List or Console with -Method Acl.");
                }
            }

            return (bucket.Distinct().ToList(), objects.Distinct().ToList());
        }

        /// <summary>The steps of the setup, all Planned, in the order they run.</summary>
        public static IReadOnlyList<XAccountSetupStep> Plan(SetupRequest request, string? bucketAccountId)
        {
            var steps = new StepList();
            switch (request.Method)
            {
                case SetupMethod.BucketPolicy:
                    steps.Add(SetupSide.BucketAccount, SetupStepKind.BucketPolicy, "S3 PutBucketPolicy", request.Bucket,
                        "Merge the grant for " + request.Grantee.Value + " into the bucket policy", BucketPolicyGrant(request));
                    AddIdentityStep(steps, request, IdentityPolicyName, IdentityPolicyGrant(request), "Merge the S3 permissions into the grantee's identity policy");
                    break;
                case SetupMethod.Acl:
                    AddAclSteps(steps, request, "Add");
                    break;
                default:
                    var role = request.EffectiveRoleName;
                    steps.Add(SetupSide.BucketAccount, SetupStepKind.Role, "IAM CreateRole", role, "Create the role (or merge the grantee into its trust policy)", TrustPolicy(request));
                    steps.Add(SetupSide.BucketAccount, SetupStepKind.RoleAccessPolicy, "IAM PutRolePolicy", role + "/" + RoleAccessPolicyName, "Put the role's S3 access policy", RoleAccessPolicy(request));
                    var arn = RoleArn(request, bucketAccountId);
                    AddIdentityStep(steps, request, AssumeRolePolicyName, arn == null ? null : AssumeRoleGrant(arn),
                        "Merge sts:AssumeRole on " + (arn ?? "role " + role + " (its ARN is known once the role exists)") + " into the grantee's identity policy");
                    steps.Add(SetupSide.GranteeAccount, SetupStepKind.AssumeRole, "STS AssumeRole", arn ?? role, "Assume the role with the grantee's credentials", null);
                    break;
            }

            return steps.Items;
        }

        /// <summary>The steps of the removal, in reverse order of the setup (the grantee's side first).</summary>
        public static IReadOnlyList<XAccountSetupStep> PlanRemoval(SetupRequest request, string? bucketAccountId)
        {
            var steps = new StepList();
            switch (request.Method)
            {
                case SetupMethod.BucketPolicy:
                    AddIdentityStep(steps, request, IdentityPolicyName, IdentityPolicyGrant(request), "Take the setup's S3 statements out of the grantee's identity policy (deleted when none is left)", removal: true);
                    steps.Add(SetupSide.BucketAccount, SetupStepKind.BucketPolicy, "S3 DeleteBucketPolicy or PutBucketPolicy", request.Bucket,
                        "Take the setup's statements for " + request.Grantee.Value + " out of the bucket policy (deleted when none is left)", BucketPolicyGrant(request));
                    break;
                case SetupMethod.Acl:
                    AddAclSteps(steps, request, "Revoke");
                    break;
                default:
                    var role = request.EffectiveRoleName;
                    var arn = RoleArn(request, bucketAccountId);
                    AddIdentityStep(steps, request, AssumeRolePolicyName, arn == null ? null : AssumeRoleGrant(arn),
                        "Take sts:AssumeRole on " + (arn ?? "role " + role) + " out of the grantee's identity policy (deleted when none is left)", removal: true);
                    steps.Add(SetupSide.BucketAccount, SetupStepKind.Role, "IAM DeleteRole", role, "Delete the role with its inline policies", null);
                    break;
            }

            return steps.Items;
        }

        /// <summary>
        /// Whether the probe was allowed every read the grant gives (s3:GetObject, s3:ListBucket) that it tried;
        /// null when it tried none of them.
        /// </summary>
        public static bool? Verified(SetupRequest request, IReadOnlyList<LiveProbeResult> rows)
        {
            var granted = GrantedActions(request).ToList();
            var expected = rows.Where(r => (r.Outcome == ProbeOutcome.Allowed || r.Outcome == ProbeOutcome.Denied) && granted.Any(a => Is(a, r.Action))).ToList();
            return expected.Count == 0 ? (bool?)null : expected.All(r => r.Allowed);
        }

        private static IEnumerable<string> GrantedActions(SetupRequest request) =>
            PolicyBuilder.S3Statements(request.AccessRequest, GrantSide.BucketPolicy, null).SelectMany(s => s.Action ?? (IEnumerable<string>)Array.Empty<string>());

        private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        private static void AddIdentityStep(StepList steps, SetupRequest request, string policyName, PolicyDocument? document, string detail, bool removal = false)
        {
            var grantee = request.Grantee;
            var kind = request.Method == SetupMethod.Role ? SetupStepKind.AssumeRolePolicy : SetupStepKind.IdentityPolicy;
            var type = grantee.IsRole ? "Role" : "User";
            var operation = removal ? $"IAM Delete{type}Policy or Put{type}Policy" : $"IAM Put{type}Policy";
            if (grantee.IsAccount)
            {
                steps.Add(SetupSide.GranteeAccount, kind, operation, "account " + grantee.AccountId, SetupStepStatus.Skipped,
                    $"The grantee is account {grantee.AccountId} itself: its administrator must delegate the access to a user or role there (seed 002, step 3).", document);
                return;
            }

            steps.Add(SetupSide.GranteeAccount, kind, operation, $"{type.ToLowerInvariant()} {request.IdentityName}/{policyName}", SetupStepStatus.Planned, detail, document);
        }

        private static void AddAclSteps(StepList steps, SetupRequest request, string verb)
        {
            var (bucket, objects) = AclPermissions(request);
            steps.Add(SetupSide.GranteeAccount, SetupStepKind.CanonicalId, "S3 ListBuckets", "account " + request.Grantee.AccountId,
                "Read the grantee account's canonical user ID with its own credentials", null);
            var bucketStep = (SetupSide.BucketAccount, SetupStepKind.BucketAcl, "S3 PutBucketAcl", request.Bucket,
                $"{verb} {Names(bucket)} for account {request.Grantee.AccountId} on the bucket ACL");
            var objectStep = (SetupSide.BucketAccount, SetupStepKind.ObjectAcl, "S3 PutObjectAcl", request.Bucket + "/" + (request.Prefix ?? string.Empty) + "*",
                $"{verb} {Names(objects)} for account {request.Grantee.AccountId} on the ACL of every object under the prefix");
            // Removal undoes in reverse: objects first, then the bucket.
            var order = verb == "Revoke" ? new[] { (objectStep, objects.Count), (bucketStep, bucket.Count) } : new[] { (bucketStep, bucket.Count), (objectStep, objects.Count) };
            foreach (var (step, count) in order)
            {
                if (count > 0)
                {
                    steps.Add(step.Item1, step.Item2, step.Item3, step.Item4, step.Item5, null);
                }
            }
        }

        private static string Names(IEnumerable<AclPermission> permissions) => string.Join(" and ", permissions.Select(AclGrant.PermissionName));

        private sealed class StepList
        {
            internal List<XAccountSetupStep> Items { get; } = new List<XAccountSetupStep>();

            internal void Add(SetupSide side, SetupStepKind kind, string operation, string target, string detail, PolicyDocument? document) =>
                Add(side, kind, operation, target, SetupStepStatus.Planned, detail, document);

            internal void Add(SetupSide side, SetupStepKind kind, string operation, string target, SetupStepStatus status, string detail, PolicyDocument? document) =>
                Items.Add(new XAccountSetupStep(Items.Count + 1, side, kind, operation, target, status, detail, document));
        }
    }
}
