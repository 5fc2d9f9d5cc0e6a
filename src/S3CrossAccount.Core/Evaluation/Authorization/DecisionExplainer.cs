using System.Collections.Generic;
using S3CrossAccount.Core.Evaluation.Requests;
using S3CrossAccount.Core.Evaluation.Results;

namespace S3CrossAccount.Core.Evaluation.Authorization
{
    /// <summary>
    /// Turns a decided rule into what a person reads: the one-line reason and each layer's verdict. Only the explained
    /// evaluation comes here; deciding itself builds no text.
    /// </summary>
    internal static class DecisionExplainer
    {
        public static AccessDecision Explain(AccessRequest request, AccessPolicies policies, PolicyLayer resourceLayer, ServiceAuthorizer authorizer, in ResourceFacts facts, in PolicyScans scans, DecisionRule rule, List<StatementTrace>? trace)
        {
            var principal = request.Principal;
            bool hasIdentity = principal.Kind != PrincipalKind.Anonymous && principal.Kind != PrincipalKind.Service;
            var layers = new List<LayerAnalysis>(6);
            authorizer.AddLeadingLayers(request, policies, layers);
            AddLayer(layers, PolicyLayer.IdentityPolicy, scans.Identity, hasIdentity);
            AddLayer(layers, resourceLayer, scans.Resource, true, facts.ResourcePolicyCovers || scans.Resource.AnyDeny ? null : $"the object is owned by account {facts.ResourceOwner}; the bucket policy covers only objects the bucket owner owns");
            if (scans.Boundary.Given)
            {
                AddLayer(layers, PolicyLayer.PermissionsBoundary, scans.Boundary, true);
            }

            if (scans.Session.Given)
            {
                AddLayer(layers, PolicyLayer.SessionPolicy, scans.Session, true);
            }

            if (scans.Scp.Given)
            {
                AddLayer(layers, PolicyLayer.ServiceControlPolicy, scans.Scp, true);
            }

            if (scans.Rcp.Given)
            {
                AddLayer(layers, PolicyLayer.ResourceControlPolicy, scans.Rcp, true);
            }

            authorizer.AddTrailingLayers(request, policies, layers);
            var reason = Reason(request, authorizer, facts, scans, rule);
            return new AccessDecision(principal.Arn, request.Action, request.Resource.Arn, rule, reason, layers, trace);
        }

        private static string Reason(AccessRequest request, ServiceAuthorizer authorizer, in ResourceFacts facts, in PolicyScans scans, DecisionRule rule)
        {
            var principal = request.Principal;
            var action = request.Action;
            string resourceName = authorizer.ResourcePolicyName;
            bool resourceAllow = facts.ResourcePolicyCovers && scans.Resource.AnyAllow;
            string ownerNoun = resourceAllow ? "the " + resourceName : "an ACL grant";
            switch (rule)
            {
                case DecisionRule.ExplicitDeny:
                    return $"explicit Deny in {Describe(FirstDeny(scans, facts))} for {action}";
                case DecisionRule.RootUserCannotAssumeRole:
                    return $"the root user of account {principal.AccountId} cannot assume a role; an IAM user or role of that account must call {action}";
                case DecisionRule.NoServiceControlPolicyAllows:
                    return $"no service control policy of account {principal.AccountId} allows {action}";
                case DecisionRule.NoResourceControlPolicyAllows:
                    return $"no resource control policy of account {request.BucketAccount} allows {action}";
                case DecisionRule.BucketPolicyActionFromAnotherAccount:
                    return $"{(principal.Kind == PrincipalKind.Anonymous ? "anonymous" : "cross-account")}: only identities of the bucket owner's account {request.BucketAccount} may call {action} (S3 answers 405 Method Not Allowed)";
                case DecisionRule.AnonymousAllowed:
                    return $"anonymous: {ownerNoun} allows {action} to everyone";
                case DecisionRule.AnonymousNotAllowed:
                    return $"anonymous: neither the {resourceName} nor an ACL allows {action} to everyone";
                case DecisionRule.BucketOwnerRootManagesBucketPolicy:
                    return $"same account: the bucket owner's root user may always call {action}, even though the bucket policy denies it";
                case DecisionRule.SameAccountRootUser:
                    return "same account: the account root user owns the resource";
                case DecisionRule.SameAccountIdentityPolicyAllows:
                    return $"same account: identity policy allows {action}";
                case DecisionRule.SameAccountResourcePolicyAllows:
                    return $"same account: {resourceName} allows {action}";
                case DecisionRule.SameAccountResourcePolicyNamesOnlyTheAccount:
                    return $"same account: the {resourceName} names only the account, and {IdentityWhy(request, scans)}";
                case DecisionRule.SameAccountNothingAllows:
                    return $"same account: neither an identity policy nor the {resourceName} allows {action}";
                case DecisionRule.CrossAccountBothAllow:
                    return $"cross-account: {ownerNoun} and {(principal.Kind == PrincipalKind.AccountRoot ? "the root user of " + principal.AccountId : "an identity policy in " + principal.AccountId)} allow {action}";
                case DecisionRule.CrossAccountIdentityNotAllowed:
                    return $"cross-account: {(resourceAllow ? resourceName + " allows" : "an ACL grants it")}, but {IdentityWhy(request, scans)}";
                case DecisionRule.CrossAccountResourceOwnerNotAllowed:
                    return $"cross-account: identity policy allows, but {OwnerWhy(request, resourceName, facts)}";
                default:
                    return $"cross-account: {OwnerWhy(request, resourceName, facts)}, and {IdentityWhy(request, scans)}";
            }
        }

        private static string IdentityWhy(AccessRequest request, in PolicyScans scans)
        {
            if (scans.Identity.AnyAllow && !ServiceAuthorizer.GuardrailsAllowIdentity(scans))
            {
                return scans.Boundary.Given && !scans.Boundary.AnyAllow
                    ? $"identity policy allows {request.Action} but the permissions boundary does not"
                    : $"identity policy allows {request.Action} but the session policy does not";
            }

            return $"no identity policy in {request.Principal.AccountId} allows {request.Action}";
        }

        private static string OwnerWhy(AccessRequest request, string resourceName, in ResourceFacts facts) =>
            facts.ResourcePolicyCovers
                ? $"neither the {resourceName} nor an ACL of account {facts.ResourceOwner} allows {request.Action}"
                : $"the object is owned by account {facts.ResourceOwner} and its object ACL grants account {request.Principal.AccountId} nothing for {request.Action} (the bucket policy of {request.BucketAccount} does not cover it)";

        // The first Deny in the order the layers are weighed: identity, boundary, session, SCP, RCP, resource policy.
        private static StatementRef FirstDeny(in PolicyScans scans, in ResourceFacts facts) =>
            scans.Identity.Denies?[0] ?? scans.Boundary.Denies?[0] ?? scans.Session.Denies?[0] ?? scans.Scp.Denies?[0] ?? scans.Rcp.Denies?[0]
            ?? (facts.ResourcePolicyDeniesIgnored ? null : scans.Resource.Denies?[0])!;

        private static void AddLayer(List<LayerAnalysis> layers, PolicyLayer layer, in LayerScan scan, bool applicable, string? note = null)
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
    }
}
