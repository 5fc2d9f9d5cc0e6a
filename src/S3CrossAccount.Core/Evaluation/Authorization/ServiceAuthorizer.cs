using System.Collections.Generic;
using S3CrossAccount.Core.Evaluation.Requests;
using S3CrossAccount.Core.Evaluation.Results;

namespace S3CrossAccount.Core.Evaluation.Authorization
{
    /// <summary>Who owns what a request touches, and what the service's own grants (S3 ACLs) say.</summary>
    internal struct ResourceFacts
    {
        /// <summary>The account whose resource policy and grants decide: the bucket owner, or the object owner.</summary>
        public string ResourceOwner;

        /// <summary>The resource policy speaks for <see cref="ResourceOwner"/> (S3: not for an object another account owns).</summary>
        public bool ResourcePolicyCovers;

        /// <summary>The resource policy's Deny statements do not bind this caller for this action (S3's owner root rule).</summary>
        public bool ResourcePolicyDeniesIgnored;

        /// <summary>A grant outside the policies allows (S3: an ACL grant, where ACLs are in force).</summary>
        public bool GrantAllows;
    }

    /// <summary>
    /// The general evaluation cascade, for any service: an explicit Deny anywhere wins; SCPs and RCPs, when given, must
    /// allow; a permissions boundary and a session policy limit identity-based allows; in the same account an
    /// identity-policy Allow or a resource-policy Allow naming the caller suffices; across accounts the caller's account
    /// and the resource owner must both allow. A service's own rules (S3's Object Ownership, ACLs and bucket-policy
    /// management, STS's root rule) live in its subclass, through the hooks below, the way @cloud-copilot/iam-simulate
    /// keeps a service authorizer per service beside its default one.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
    /// </summary>
    internal class ServiceAuthorizer
    {
        private static readonly ServiceAuthorizer General = new ServiceAuthorizer();

        protected ServiceAuthorizer()
        {
        }

        /// <summary>The authorizer of the service a request goes to.</summary>
        public static ServiceAuthorizer For(AccessRequest request, PolicyLayer resourceLayer) =>
            resourceLayer == PolicyLayer.TrustPolicy ? StsAuthorizer.Instance
            : request.Resource.IsS3 ? S3Authorizer.Instance
            : General;

        /// <summary>What the resource policy is called in reasons.</summary>
        public virtual string ResourcePolicyName => "bucket policy";

        public virtual ResourceFacts Resolve(AccessRequest request, AccessPolicies policies) =>
            new ResourceFacts { ResourceOwner = request.BucketAccount, ResourcePolicyCovers = true };

        /// <summary>The service's layers before the policy layers (S3: Object Ownership).</summary>
        public virtual void AddLeadingLayers(AccessRequest request, AccessPolicies policies, List<LayerAnalysis> layers) =>
            layers.Add(new LayerAnalysis(PolicyLayer.ObjectOwnership, LayerOutcome.NotApplicable, null, "not an S3 request"));

        /// <summary>The service's layers after the policy layers (S3: the ACL).</summary>
        public virtual void AddTrailingLayers(AccessRequest request, AccessPolicies policies, List<LayerAnalysis> layers)
        {
        }

        /// <summary>A service rule that decides right after the explicit-Deny check, before the guardrails.</summary>
        protected virtual DecisionRule? AfterExplicitDeny(AccessRequest request) => null;

        /// <summary>A service rule that decides after the guardrails, before any Allow is weighed.</summary>
        protected virtual DecisionRule? BeforeAllows(AccessRequest request) => null;

        /// <summary>A service rule that decides a same-account request before its identity and resource policies.</summary>
        protected virtual DecisionRule? SameAccountRule(AccessRequest request, in ResourceFacts facts, in PolicyScans scans) => null;

        public DecisionRule Authorize(AccessRequest request, in ResourceFacts facts, in PolicyScans scans)
        {
            // 1. An explicit Deny anywhere wins.
            if (scans.Identity.AnyDeny || scans.Boundary.AnyDeny || scans.Session.AnyDeny || scans.Scp.AnyDeny || scans.Rcp.AnyDeny
                || (scans.Resource.AnyDeny && !facts.ResourcePolicyDeniesIgnored))
            {
                return DecisionRule.ExplicitDeny;
            }

            var rule = AfterExplicitDeny(request);
            if (rule != null)
            {
                return rule.Value;
            }

            // 2. Guardrails must allow.
            if (scans.Scp.Given && !scans.Scp.AnyAllow)
            {
                return DecisionRule.NoServiceControlPolicyAllows;
            }

            if (scans.Rcp.Given && !scans.Rcp.AnyAllow)
            {
                return DecisionRule.NoResourceControlPolicyAllows;
            }

            rule = BeforeAllows(request);
            if (rule != null)
            {
                return rule.Value;
            }

            // 3. Allows.
            var principal = request.Principal;
            bool resourceAllow = facts.ResourcePolicyCovers && scans.Resource.AnyAllow;
            if (principal.Kind == PrincipalKind.Anonymous)
            {
                return resourceAllow || facts.GrantAllows ? DecisionRule.AnonymousAllowed : DecisionRule.AnonymousNotAllowed;
            }

            bool guardrailsAllowIdentity = GuardrailsAllowIdentity(scans);
            bool identityAllow = IdentityAllows(principal, scans);
            if (principal.AccountId == facts.ResourceOwner)
            {
                rule = SameAccountRule(request, facts, scans);
                if (rule != null)
                {
                    return rule.Value;
                }

                if (identityAllow)
                {
                    return principal.Kind == PrincipalKind.AccountRoot ? DecisionRule.SameAccountRootUser : DecisionRule.SameAccountIdentityPolicyAllows;
                }

                // A resource policy naming the user or session itself grants on its own; naming the role is still
                // limited by the boundary/session policy; naming the account only delegates to identity policies.
                if (resourceAllow && (scans.Resource.ExactAllow || (scans.Resource.RoleAllow && guardrailsAllowIdentity)))
                {
                    return DecisionRule.SameAccountResourcePolicyAllows;
                }

                return resourceAllow ? DecisionRule.SameAccountResourcePolicyNamesOnlyTheAccount : DecisionRule.SameAccountNothingAllows;
            }

            bool ownerAllows = resourceAllow || facts.GrantAllows;
            if (identityAllow && ownerAllows)
            {
                return DecisionRule.CrossAccountBothAllow;
            }

            if (ownerAllows)
            {
                return DecisionRule.CrossAccountIdentityNotAllowed;
            }

            return identityAllow ? DecisionRule.CrossAccountResourceOwnerNotAllowed : DecisionRule.CrossAccountNeitherAllows;
        }

        /// <summary>A permissions boundary and a session policy, when given, must allow what an identity policy allows.</summary>
        internal static bool GuardrailsAllowIdentity(in PolicyScans scans) =>
            (!scans.Boundary.Given || scans.Boundary.AnyAllow) && (!scans.Session.Given || scans.Session.AnyAllow);

        /// <summary>The root user is not governed by identity policies in its own account, nor is a service principal.</summary>
        internal static bool IdentityAllows(RequestPrincipal principal, in PolicyScans scans) =>
            principal.Kind == PrincipalKind.AccountRoot || principal.Kind == PrincipalKind.Service || (scans.Identity.AnyAllow && GuardrailsAllowIdentity(scans));
    }
}
