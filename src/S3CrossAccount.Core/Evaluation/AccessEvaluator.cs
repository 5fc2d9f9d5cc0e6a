using System;
using System.Collections.Generic;
using S3CrossAccount.Core.Evaluation.Acls;
using S3CrossAccount.Core.Evaluation.Model;
using S3CrossAccount.Core.Evaluation.Requests;
using S3CrossAccount.Core.Evaluation.Results;

namespace S3CrossAccount.Core.Evaluation
{
    /// <summary>
    /// Decides an S3 request offline the way AWS does:
    /// <list type="number">
    /// <item>an explicit Deny in any applicable policy wins (identity, bucket policy, boundary, session policy,
    /// SCP, RCP) — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html;</item>
    /// <item>SCPs/RCPs, when given, must allow; a permissions boundary and a session policy limit identity-based allows;</item>
    /// <item>same account: an identity-policy Allow or a bucket-policy Allow naming the principal suffices
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html);</item>
    /// <item>cross account: the caller's account must allow it (identity policy) AND the resource owner must allow it
    /// (bucket policy, or an ACL grant where ACLs are in force)
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html);</item>
    /// <item>object operations are decided by the object owner: the bucket policy covers only objects the bucket
    /// owner owns; an object another account uploaded (ACLs in force) is reachable cross-account only through its
    /// object ACL, and the bucket owner cannot delegate it to a third account
    /// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-walkthroughs-managing-access-example4.html,
    /// https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-auth-workflow-object-operation.html).</item>
    /// </list>
    /// </summary>
    public static class AccessEvaluator
    {
        /// <summary>
        /// Decides <paramref name="request"/>. The resource policy in <see cref="AccessPolicies.BucketPolicy"/> is the
        /// bucket policy, or the role's trust policy when the request is sts:AssumeRole on a role ARN.
        /// </summary>
        public static AccessDecision Evaluate(AccessRequest request, AccessPolicies policies, bool detailed = false) =>
            Evaluate(request, policies, IsAssumeRole(request) ? PolicyLayer.TrustPolicy : PolicyLayer.BucketPolicy, detailed);

        // The trust policy is the role's resource-based policy for the sts:AssumeRole family (AssumeRole, and the
        // sts:TagSession / sts:SetSourceIdentity that a trust policy must also allow when they are used).
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html
        private static bool IsAssumeRole(AccessRequest request) =>
            !request.Resource.IsS3
            && request.Action.StartsWith("sts:", StringComparison.OrdinalIgnoreCase)
            && Identifiers.Arn.TryParse(request.Resource.Arn, out var arn)
            && arn!.Service == "iam" && arn.Resource.StartsWith("role/", StringComparison.Ordinal);

        /// <summary>
        /// sts:AssumeRole: the role's trust policy must allow the caller, and (across accounts) the caller's
        /// identity policies must allow sts:AssumeRole on the role ARN.
        /// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_aws-accounts.html
        /// </summary>
        public static AccessDecision EvaluateAssumeRole(string caller, string roleArn, EvaluationPolicy trustPolicy, IReadOnlyList<EvaluationPolicy> callerIdentityPolicies, RequestContext? context = null, bool detailed = false)
        {
            var role = RequestPrincipal.Parse(roleArn);
            var request = new AccessRequest(caller, "sts:AssumeRole", roleArn, role.AccountId ?? "000000000000", context: context);
            var policies = new AccessPolicies { IdentityPolicies = callerIdentityPolicies, BucketPolicy = trustPolicy };
            return Evaluate(request, policies, PolicyLayer.TrustPolicy, detailed);
        }

        /// <summary>
        /// Assume the role, then make <paramref name="request"/> with the session: the request is evaluated as
        /// the role session, with the role's permission policies as its identity policies.
        /// </summary>
        public static AccessDecision EvaluateThroughRole(AccessRequest request, string roleArn, string sessionName, EvaluationPolicy trustPolicy, IReadOnlyList<EvaluationPolicy> callerIdentityPolicies, AccessPolicies asRole, bool detailed = false)
        {
            var assume = EvaluateAssumeRole(request.Principal.Arn, roleArn, trustPolicy, callerIdentityPolicies, request.Context, detailed);
            if (!assume.Allowed)
            {
                return new AccessDecision(request.Principal.Arn, request.Action, request.Resource.Arn, assume.Decision, $"cannot assume {roleArn}: {assume.Reason}", assume.Layers, assume.Trace);
            }

            var session = request.WithPrincipal(RequestPrincipal.SessionArnFor(roleArn, sessionName));
            var result = Evaluate(session, asRole, PolicyLayer.BucketPolicy, detailed);
            return new AccessDecision(session.Principal.Arn, request.Action, request.Resource.Arn, result.Decision, $"as role session of {roleArn}: {result.Reason}", result.Layers, result.Trace);
        }

        private struct LayerScan
        {
            public bool Given;
            public List<StatementRef>? Allows;
            public List<StatementRef>? Denies;

            /// <summary>An Allow naming the caller exactly (user, session, "*").</summary>
            public bool ExactAllow;

            /// <summary>An Allow naming the caller's role (for a session).</summary>
            public bool RoleAllow;

            public bool AnyAllow => Allows != null;
        }

        private static void Scan(EvaluationPolicy? policy, PolicyLayer layer, bool checkPrincipal, AccessRequest request, RequestContext context, ref LayerScan scan, List<StatementTrace>? trace)
        {
            if (policy == null)
            {
                return;
            }

            scan.Given = true;

            // The fast path looks only at the statements whose action matches; the trace shows all of them.
            var statements = trace == null ? policy.StatementsFor(request.Action) : policy.StatementArray;
            for (int i = 0; i < statements.Length; i++)
            {
                var statement = statements[i];
                var t = trace == null ? null : new StatementTrace(layer, policy.Name, statement.Sid, statement.Index, statement.IsAllow);
                if (t != null)
                {
                    trace!.Add(t);
                }

                if (!StatementMatcher.Applies(statement, request, context, checkPrincipal, out var match, t, actionAlreadyMatched: trace == null))
                {
                    continue;
                }

                var reference = new StatementRef(layer, policy.Name, statement.Sid, statement.Index, statement.IsAllow);
                if (statement.IsAllow)
                {
                    (scan.Allows ??= new List<StatementRef>()).Add(reference);
                    scan.ExactAllow |= match == PrincipalMatch.Match;
                    scan.RoleAllow |= match == PrincipalMatch.SessionRoleMatch;
                }
                else
                {
                    (scan.Denies ??= new List<StatementRef>()).Add(reference);
                }
            }
        }

        private static void Scan(IReadOnlyList<EvaluationPolicy> policies, PolicyLayer layer, AccessRequest request, RequestContext context, ref LayerScan scan, List<StatementTrace>? trace)
        {
            for (int i = 0; i < policies.Count; i++)
            {
                Scan(policies[i], layer, false, request, context, ref scan, trace);
            }
        }

        private static AccessDecision Evaluate(AccessRequest request, AccessPolicies policies, PolicyLayer resourceLayer, bool detailed)
        {
            var context = request.EffectiveContext;
            var trace = detailed ? new List<StatementTrace>() : null;
            var principal = request.Principal;
            bool anonymous = principal.Kind == PrincipalKind.Anonymous;
            bool hasIdentity = !anonymous && principal.Kind != PrincipalKind.Service;

            LayerScan identity = default, boundary = default, session = default, scp = default, rcp = default, resource = default;
            if (hasIdentity)
            {
                Scan(policies.IdentityPolicies, PolicyLayer.IdentityPolicy, request, context, ref identity, trace);
                Scan(policies.PermissionsBoundary, PolicyLayer.PermissionsBoundary, false, request, context, ref boundary, trace);
                Scan(policies.SessionPolicy, PolicyLayer.SessionPolicy, false, request, context, ref session, trace);
                Scan(policies.ServiceControlPolicies, PolicyLayer.ServiceControlPolicy, request, context, ref scp, trace);
            }

            Scan(policies.ResourceControlPolicies, PolicyLayer.ResourceControlPolicy, request, context, ref rcp, trace);
            Scan(policies.BucketPolicy, resourceLayer, true, request, context, ref resource, trace);

            // Who owns what this request touches.
            bool isS3 = request.Resource.IsS3 && resourceLayer == PolicyLayer.BucketPolicy;
            bool aclsInForce = isS3 && policies.ObjectOwnership != ObjectOwnership.BucketOwnerEnforced;
            bool objectContext = request.Resource.IsObject && !AclActions.IsBucketContextObjectAction(request.Action);
            string objectOwner = aclsInForce ? request.ObjectOwnerAccount ?? request.BucketAccount : request.BucketAccount;
            string resourceOwner = objectContext ? objectOwner : request.BucketAccount;
            bool resourcePolicyCovers = resourceOwner == request.BucketAccount;
            bool sameAccount = principal.AccountId == resourceOwner;
            string resourceName = resourceLayer == PolicyLayer.TrustPolicy ? "trust policy" : "bucket policy";

            var layers = new List<LayerAnalysis>(6);
            string ownershipNote = !isS3
                ? "not an S3 request"
                : policies.ObjectOwnership == ObjectOwnership.BucketOwnerEnforced
                    ? "BucketOwnerEnforced: ACLs are disabled and the bucket owner owns every object"
                    : objectContext && objectOwner != request.BucketAccount
                        ? $"{policies.ObjectOwnership}: the object is owned by account {objectOwner}, not by the bucket owner {request.BucketAccount}"
                        : $"{policies.ObjectOwnership}: ACLs are in force";
            layers.Add(new LayerAnalysis(PolicyLayer.ObjectOwnership, LayerOutcome.NotApplicable, null, ownershipNote));

            // So that a bucket owner cannot lock itself out, the root user of the bucket's account may always get, put
            // and delete the bucket policy, whatever the bucket policy denies; only Organizations policies (SCPs, RCPs)
            // and VPC endpoint policies can stop it.
            // https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html
            bool ownerRootManagesPolicy = isS3 && !request.Resource.IsObject && principal.Kind == PrincipalKind.AccountRoot
                && principal.AccountId == request.BucketAccount && IsBucketPolicyAction(request.Action);

            // 1. Explicit deny anywhere wins. The bucket owner's Deny holds even on objects it does not own.
            var denies = Concat(identity.Denies, boundary.Denies, session.Denies, scp.Denies, rcp.Denies, ownerRootManagesPolicy ? null : resource.Denies);
            AddLayer(layers, PolicyLayer.IdentityPolicy, identity, hasIdentity);
            AddLayer(layers, resourceLayer, resource, true, resourcePolicyCovers || resource.Denies != null ? null : $"the object is owned by account {resourceOwner}; the bucket policy covers only objects the bucket owner owns");
            if (boundary.Given)
            {
                AddLayer(layers, PolicyLayer.PermissionsBoundary, boundary, true);
            }

            if (session.Given)
            {
                AddLayer(layers, PolicyLayer.SessionPolicy, session, true);
            }

            if (scp.Given)
            {
                AddLayer(layers, PolicyLayer.ServiceControlPolicy, scp, true);
            }

            if (rcp.Given)
            {
                AddLayer(layers, PolicyLayer.ResourceControlPolicy, rcp, true);
            }

            // ACL grants (only where ACLs are in force).
            bool aclAllow = false;
            if (isS3)
            {
                aclAllow = EvaluateAcl(request, policies, aclsInForce, objectContext, objectOwner, layers);
            }

            if (denies != null)
            {
                return Done(request, Decision.ExplicitDeny, $"explicit Deny in {Describe(denies[0])} for {request.Action}", layers, trace);
            }

            // STS refuses AssumeRole signed with root user credentials ("Roles may not be assumed by root accounts"),
            // whatever the trust policy says; a user or role of that account has to do it.
            // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
            if (resourceLayer == PolicyLayer.TrustPolicy && principal.Kind == PrincipalKind.AccountRoot)
            {
                return Done(request, Decision.ImplicitDeny, $"the root user of account {principal.AccountId} cannot assume a role; an IAM user or role of that account must call {request.Action}", layers, trace);
            }

            // 2. Guardrails must allow.
            if (scp.Given && !scp.AnyAllow)
            {
                return Done(request, Decision.ImplicitDeny, $"no service control policy of account {principal.AccountId} allows {request.Action}", layers, trace);
            }

            if (rcp.Given && !rcp.AnyAllow)
            {
                return Done(request, Decision.ImplicitDeny, $"no resource control policy of account {request.BucketAccount} allows {request.Action}", layers, trace);
            }

            // 3. Allows.
            bool guardrailsAllowIdentity = (!boundary.Given || boundary.AnyAllow) && (!session.Given || session.AnyAllow);
            bool identityAllow = principal.Kind == PrincipalKind.AccountRoot || principal.Kind == PrincipalKind.Service
                ? true // the root user is not governed by identity policies in its own account
                : identity.AnyAllow && guardrailsAllowIdentity;
            string identityWhy = identity.AnyAllow && !guardrailsAllowIdentity
                ? (boundary.Given && !boundary.AnyAllow ? $"identity policy allows {request.Action} but the permissions boundary does not" : $"identity policy allows {request.Action} but the session policy does not")
                : $"no identity policy in {principal.AccountId} allows {request.Action}";
            bool resourceAllow = resourcePolicyCovers && resource.AnyAllow;
            string resourceAllowText = resourceAllow ? $"{resourceName} allows" : "an ACL grants it";
            string ownerNoun = resourceAllow ? "the " + resourceName : "an ACL grant";

            // Only identities of the bucket owner's account can read or change the bucket policy; anyone else gets
            // 405 Method Not Allowed, whatever the policies grant.
            // https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html
            if (isS3 && principal.AccountId != request.BucketAccount && IsBucketPolicyAction(request.Action))
            {
                return Done(request, Decision.ImplicitDeny, $"{(anonymous ? "anonymous" : "cross-account")}: only identities of the bucket owner's account {request.BucketAccount} may call {request.Action} (S3 answers 405 Method Not Allowed)", layers, trace);
            }

            if (anonymous)
            {
                return resourceAllow || aclAllow
                    ? Done(request, Decision.Allowed, $"anonymous: {ownerNoun} allows {request.Action} to everyone", layers, trace)
                    : Done(request, Decision.ImplicitDeny, $"anonymous: neither the {resourceName} nor an ACL allows {request.Action} to everyone", layers, trace);
            }

            if (sameAccount)
            {
                if (ownerRootManagesPolicy && resource.Denies != null)
                {
                    return Done(request, Decision.Allowed, $"same account: the bucket owner's root user may always call {request.Action}, even though the bucket policy denies it", layers, trace);
                }

                if (identityAllow)
                {
                    return Done(request, Decision.Allowed, principal.Kind == PrincipalKind.AccountRoot
                        ? $"same account: the account root user owns the resource"
                        : $"same account: identity policy allows {request.Action}", layers, trace);
                }

                // A resource policy naming the user or session itself grants on its own; naming the role is still
                // limited by the boundary/session policy; naming the account only delegates to identity policies.
                // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html
                if (resourceAllow && (resource.ExactAllow || (resource.RoleAllow && guardrailsAllowIdentity)))
                {
                    return Done(request, Decision.Allowed, $"same account: {resourceName} allows {request.Action}", layers, trace);
                }

                var why = resourceAllow
                    ? $"same account: the {resourceName} names only the account, and {identityWhy}"
                    : $"same account: neither an identity policy nor the {resourceName} allows {request.Action}";
                return Done(request, Decision.ImplicitDeny, why, layers, trace);
            }

            bool ownerAllows = resourceAllow || aclAllow;
            if (identityAllow && ownerAllows)
            {
                return Done(request, Decision.Allowed, $"cross-account: {ownerNoun} and {(principal.Kind == PrincipalKind.AccountRoot ? "the root user of " + principal.AccountId : "an identity policy in " + principal.AccountId)} allow {request.Action}", layers, trace);
            }

            string ownerWhy = resourcePolicyCovers
                ? $"neither the {resourceName} nor an ACL of account {resourceOwner} allows {request.Action}"
                : $"the object is owned by account {resourceOwner} and its object ACL grants account {principal.AccountId} nothing for {request.Action} (the bucket policy of {request.BucketAccount} does not cover it)";
            if (ownerAllows)
            {
                return Done(request, Decision.ImplicitDeny, $"cross-account: {resourceAllowText}, but {identityWhy}", layers, trace);
            }

            return Done(request, Decision.ImplicitDeny, identityAllow ? $"cross-account: identity policy allows, but {ownerWhy}" : $"cross-account: {ownerWhy}, and {identityWhy}", layers, trace);
        }

        private static bool IsBucketPolicyAction(string action) =>
            string.Equals(action, "s3:GetBucketPolicy", StringComparison.OrdinalIgnoreCase)
            || string.Equals(action, "s3:PutBucketPolicy", StringComparison.OrdinalIgnoreCase)
            || string.Equals(action, "s3:DeleteBucketPolicy", StringComparison.OrdinalIgnoreCase);

        private static bool EvaluateAcl(AccessRequest request, AccessPolicies policies, bool aclsInForce, bool objectContext, string objectOwner, List<LayerAnalysis> layers)
        {
            if (!aclsInForce)
            {
                layers.Add(new LayerAnalysis(PolicyLayer.Acl, LayerOutcome.NotApplicable, null, "ACLs are disabled (BucketOwnerEnforced)"));
                return false;
            }

            AclPermission needed;
            bool mapped = objectContext
                ? AclActions.TryGetObjectPermission(request.Action, out needed)
                : AclActions.TryGetBucketPermission(request.Action, out needed);
            var acl = objectContext
                ? policies.ObjectAcl ?? AccessControlList.Private(objectOwner)
                : policies.BucketAcl ?? AccessControlList.Private(request.BucketAccount);
            string which = objectContext ? "object ACL" : "bucket ACL";
            if (!mapped)
            {
                layers.Add(new LayerAnalysis(PolicyLayer.Acl, LayerOutcome.NotApplicable, null, $"no {which} permission grants {request.Action}"));
                return false;
            }

            var principal = request.Principal;
            bool isOwner = principal.AccountId == acl.OwnerAccount;

            // The owner keeps READ_ACP and WRITE_ACP on what it owns even if its own grant was removed (so it can
            // always repair the ACL). Not confirmed in the AWS documentation found offline; see the report.
            if (isOwner && (needed == AclPermission.ReadAcp || needed == AclPermission.WriteAcp))
            {
                layers.Add(new LayerAnalysis(PolicyLayer.Acl, LayerOutcome.Allow, null, $"account {acl.OwnerAccount} owns the {which} ({needed})"));
                return true;
            }

            foreach (var grant in acl.Grants)
            {
                if ((grant.Permission == needed || grant.Permission == AclPermission.FullControl) && GranteeMatches(grant, request))
                {
                    layers.Add(new LayerAnalysis(PolicyLayer.Acl, LayerOutcome.Allow, null, $"{which} grants {grant.Permission} to {grant.Grantee}"));
                    return true;
                }
            }

            layers.Add(new LayerAnalysis(PolicyLayer.Acl, LayerOutcome.NoMatch, null, $"no {which} grant of {needed} to account {principal.AccountId?? "anonymous"}"));
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

        private static void AddLayer(List<LayerAnalysis> layers, PolicyLayer layer, LayerScan scan, bool applicable, string? note = null)
        {
            if (!applicable || !scan.Given)
            {
                layers.Add(new LayerAnalysis(layer, LayerOutcome.NotApplicable, null, note ?? (applicable ? "none given" : "the caller has no identity policies")));
                return;
            }

            if (note != null && scan.Denies == null)
            {
                layers.Add(new LayerAnalysis(layer, LayerOutcome.NotApplicable, scan.Allows, note));
                return;
            }

            if (scan.Denies != null)
            {
                layers.Add(new LayerAnalysis(layer, LayerOutcome.Deny, scan.Denies));
            }
            else if (scan.Allows != null)
            {
                layers.Add(new LayerAnalysis(layer, LayerOutcome.Allow, scan.Allows));
            }
            else
            {
                layers.Add(new LayerAnalysis(layer, LayerOutcome.NoMatch));
            }
        }

        private static List<StatementRef>? Concat(params List<StatementRef>?[] lists)
        {
            List<StatementRef>? all = null;
            foreach (var list in lists)
            {
                if (list != null)
                {
                    (all ??= new List<StatementRef>()).AddRange(list);
                }
            }

            return all;
        }

        private static string Describe(StatementRef statement)
        {
            string layer;
            switch (statement.Layer)
            {
                case PolicyLayer.IdentityPolicy: layer = "identity policy"; break;
                case PolicyLayer.BucketPolicy: layer = "bucket policy"; break;
                case PolicyLayer.TrustPolicy: layer = "trust policy"; break;
                case PolicyLayer.PermissionsBoundary: layer = "permissions boundary"; break;
                case PolicyLayer.SessionPolicy: layer = "session policy"; break;
                case PolicyLayer.ServiceControlPolicy: layer = "SCP"; break;
                case PolicyLayer.ResourceControlPolicy: layer = "RCP"; break;
                default: layer = statement.Layer.ToString(); break;
            }

            return $"{layer} '{statement.PolicyName}' ({(statement.Sid != null ? "Sid " + statement.Sid : "statement #" + (statement.Index + 1))})";
        }

        private static AccessDecision Done(AccessRequest request, Decision decision, string reason, List<LayerAnalysis> layers, List<StatementTrace>? trace) =>
            new AccessDecision(request.Principal.Arn, request.Action, request.Resource.Arn, decision, reason, layers, trace);
    }
}
