using System;
using System.Collections.Generic;
using S3CrossAccount.Core.Acls;
using S3CrossAccount.Core.Evaluation.Acls;
using S3CrossAccount.Core.Evaluation.Requests;
using S3CrossAccount.Core.Evaluation.Results;

namespace S3CrossAccount.Core.Evaluation.Authorization
{
    /// <summary>
    /// S3's own rules around the general cascade:
    /// <list type="bullet">
    /// <item>object operations are decided by the object owner: the bucket policy covers only objects the bucket owner
    /// owns; an object another account uploaded (ACLs in force) is reachable cross-account only through its object ACL
    /// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-walkthroughs-managing-access-example4.html,
    /// https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-auth-workflow-object-operation.html);</item>
    /// <item>ACL grants allow where Object Ownership leaves ACLs in force (<see cref="ObjectOwnershipRules"/>);</item>
    /// <item>the bucket owner's root user may always manage the bucket policy, and nobody outside the bucket owner's
    /// account may (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html).</item>
    /// </list>
    /// </summary>
    internal sealed class S3Authorizer : ServiceAuthorizer
    {
        public static readonly S3Authorizer Instance = new S3Authorizer();

        private S3Authorizer()
        {
        }

        private readonly struct Ownership
        {
            public Ownership(AccessRequest request, AccessPolicies policies)
            {
                AclsInForce = ObjectOwnershipRules.AclsEnabled(policies.ObjectOwnership);
                ObjectContext = request.Resource.IsObject && !AclActions.IsBucketContextObjectAction(request.Action);
                ObjectOwner = AclsInForce ? request.ObjectOwnerAccount ?? request.BucketAccount : request.BucketAccount;
                ResourceOwner = ObjectContext ? ObjectOwner : request.BucketAccount;
            }

            public bool AclsInForce { get; }

            /// <summary>The request is decided in the object's context (not PutObject/DeleteObject, which are rights over the bucket).</summary>
            public bool ObjectContext { get; }

            public string ObjectOwner { get; }

            public string ResourceOwner { get; }
        }

        public override ResourceFacts Resolve(AccessRequest request, AccessPolicies policies)
        {
            var ownership = new Ownership(request, policies);
            return new ResourceFacts
            {
                ResourceOwner = ownership.ResourceOwner,
                ResourcePolicyCovers = ownership.ResourceOwner == request.BucketAccount,
                ResourcePolicyDeniesIgnored = OwnerRootManagesPolicy(request),
                GrantAllows = EvaluateAcl(request, policies, ownership, null),
            };
        }

        public override void AddLeadingLayers(AccessRequest request, AccessPolicies policies, List<LayerAnalysis> layers)
        {
            var ownership = new Ownership(request, policies);
            string note = !ownership.AclsInForce
                ? "BucketOwnerEnforced: ACLs are disabled and the bucket owner owns every object"
                : ownership.ObjectContext && ownership.ObjectOwner != request.BucketAccount
                    ? $"{policies.ObjectOwnership}: the object is owned by account {ownership.ObjectOwner}, not by the bucket owner {request.BucketAccount}"
                    : $"{policies.ObjectOwnership}: ACLs are in force";
            layers.Add(new LayerAnalysis(PolicyLayer.ObjectOwnership, LayerOutcome.NotApplicable, null, note));
        }

        public override void AddTrailingLayers(AccessRequest request, AccessPolicies policies, List<LayerAnalysis> layers) =>
            EvaluateAcl(request, policies, new Ownership(request, policies), layers);

        // Only identities of the bucket owner's account can read or change the bucket policy; anyone else gets
        // 405 Method Not Allowed, whatever the policies grant.
        protected override DecisionRule? BeforeAllows(AccessRequest request) =>
            request.Principal.AccountId != request.BucketAccount && IsBucketPolicyAction(request.Action)
                ? DecisionRule.BucketPolicyActionFromAnotherAccount
                : (DecisionRule?)null;

        protected override DecisionRule? SameAccountRule(AccessRequest request, in ResourceFacts facts, in PolicyScans scans) =>
            facts.ResourcePolicyDeniesIgnored && scans.Resource.AnyDeny ? DecisionRule.BucketOwnerRootManagesBucketPolicy : (DecisionRule?)null;

        // So that a bucket owner cannot lock itself out, the root user of the bucket's account may always get, put and
        // delete the bucket policy, whatever the bucket policy denies; only Organizations policies (SCPs, RCPs) and VPC
        // endpoint policies can stop it.
        private static bool OwnerRootManagesPolicy(AccessRequest request) =>
            !request.Resource.IsObject && request.Principal.Kind == PrincipalKind.AccountRoot
            && request.Principal.AccountId == request.BucketAccount && IsBucketPolicyAction(request.Action);

        private static bool IsBucketPolicyAction(string action) =>
            string.Equals(action, "s3:GetBucketPolicy", StringComparison.OrdinalIgnoreCase)
            || string.Equals(action, "s3:PutBucketPolicy", StringComparison.OrdinalIgnoreCase)
            || string.Equals(action, "s3:DeleteBucketPolicy", StringComparison.OrdinalIgnoreCase);

        /// <summary>Does an ACL grant the request? With <paramref name="layers"/>, also says why, as the ACL layer.</summary>
        private static bool EvaluateAcl(AccessRequest request, AccessPolicies policies, in Ownership ownership, List<LayerAnalysis>? layers)
        {
            if (!ownership.AclsInForce)
            {
                layers?.Add(new LayerAnalysis(PolicyLayer.Acl, LayerOutcome.NotApplicable, null, "ACLs are disabled (BucketOwnerEnforced)"));
                return false;
            }

            AclPermission needed;
            bool mapped = ownership.ObjectContext
                ? AclActions.TryGetObjectPermission(request.Action, out needed)
                : AclActions.TryGetBucketPermission(request.Action, out needed);
            string which = ownership.ObjectContext ? "object ACL" : "bucket ACL";
            if (!mapped)
            {
                layers?.Add(new LayerAnalysis(PolicyLayer.Acl, LayerOutcome.NotApplicable, null, $"no {which} permission grants {request.Action}"));
                return false;
            }

            // No ACL given: the default private ACL, in which only the owner holds FULL_CONTROL.
            var acl = ownership.ObjectContext ? policies.ObjectAcl : policies.BucketAcl;
            string owner = acl?.OwnerAccount ?? (ownership.ObjectContext ? ownership.ObjectOwner : request.BucketAccount);
            var principal = request.Principal;

            // The owner keeps READ_ACP and WRITE_ACP on what it owns even if its own grant was removed (so it can
            // always repair the ACL). Not confirmed in the AWS documentation found offline; see the report.
            if (principal.AccountId == owner && (needed == AclPermission.ReadAcp || needed == AclPermission.WriteAcp))
            {
                layers?.Add(new LayerAnalysis(PolicyLayer.Acl, LayerOutcome.Allow, null, $"account {owner} owns the {which} ({needed})"));
                return true;
            }

            if (acl == null)
            {
                if (principal.AccountId == owner)
                {
                    layers?.Add(new LayerAnalysis(PolicyLayer.Acl, LayerOutcome.Allow, null, $"{which} grants {AclPermission.FullControl} to {owner}"));
                    return true;
                }
            }
            else
            {
                var grants = acl.Grants;
                for (int i = 0; i < grants.Count; i++)
                {
                    var grant = grants[i];
                    if ((grant.Permission == needed || grant.Permission == AclPermission.FullControl) && GranteeMatches(grant, request))
                    {
                        layers?.Add(new LayerAnalysis(PolicyLayer.Acl, LayerOutcome.Allow, null, $"{which} grants {grant.Permission} to {grant.Grantee}"));
                        return true;
                    }
                }
            }

            layers?.Add(new LayerAnalysis(PolicyLayer.Acl, LayerOutcome.NoMatch, null, $"no {which} grant of {needed} to account {principal.AccountId ?? "anonymous"}"));
            return false;
        }

        private static bool GranteeMatches(AclGrant grant, AccessRequest request)
        {
            var principal = request.Principal;
            switch (grant.Kind)
            {
                case AclGranteeKind.Account:
                    return principal.AccountId == grant.Grantee;
                case AclGranteeKind.CanonicalUser:
                    return request.PrincipalCanonicalId != null && string.Equals(grant.Grantee, request.PrincipalCanonicalId, StringComparison.OrdinalIgnoreCase);
                case AclGranteeKind.Email:
                    // S3 converts an e-mail grantee to the account's canonical ID when it stores the ACL;
                    // offline there is no way to tell which account an address belongs to.
                    return false;
                default:
                    return grant.Grantee == AclGrant.AllUsersUri
                        || (grant.Grantee == AclGrant.AuthenticatedUsersUri && principal.Kind != PrincipalKind.Anonymous);
            }
        }
    }
}
