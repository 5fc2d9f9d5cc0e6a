using System;
using System.Collections.Generic;
using S3CrossAccount.Core.Evaluation.Authorization;
using S3CrossAccount.Core.Evaluation.Model;
using S3CrossAccount.Core.Evaluation.Requests;
using S3CrossAccount.Core.Evaluation.Results;

namespace S3CrossAccount.Core.Evaluation
{
    /// <summary>
    /// Decides a request offline the way AWS does. The policies are scanned once per layer (identity, bucket or trust
    /// policy, boundary, session policy, SCPs, RCPs), then the general cascade of <see cref="ServiceAuthorizer"/> weighs
    /// them, with the rules of the service the request goes to (S3: Object Ownership, ACLs, bucket-policy management;
    /// STS: the root user cannot assume a role).
    /// </summary>
    public static class AccessEvaluator
    {
        /// <summary>
        /// Decides <paramref name="request"/> and explains it: the reason, each layer's verdict and deciding statements,
        /// and with <paramref name="detailed"/> the trace of every statement. The resource policy in
        /// <see cref="AccessPolicies.BucketPolicy"/> is the bucket policy, or the role's trust policy when the request is
        /// sts:AssumeRole on a role ARN.
        /// </summary>
        public static AccessDecision Evaluate(AccessRequest request, AccessPolicies policies, bool detailed = false) =>
            Evaluate(request, policies, ResourceLayerOf(request), detailed);

        /// <summary>
        /// Decides <paramref name="request"/> without explaining it: the same decision and rule as
        /// <see cref="Evaluate(AccessRequest, AccessPolicies, bool)"/>, with no allocation once the policies' indexes
        /// know the request's action and caller account (the first request of each pair fills them).
        /// </summary>
        public static AccessVerdict Decide(AccessRequest request, AccessPolicies policies)
        {
            var resourceLayer = ResourceLayerOf(request);
            var authorizer = ServiceAuthorizer.For(request, resourceLayer);
            var scans = default(PolicyScans);
            PolicyScans.Scan(request, policies, resourceLayer, ref scans, collect: false, trace: null);
            var facts = authorizer.Resolve(request, policies);
            return new AccessVerdict(authorizer.Authorize(request, facts, scans));
        }

        private static PolicyLayer ResourceLayerOf(AccessRequest request) => IsAssumeRole(request) ? PolicyLayer.TrustPolicy : PolicyLayer.BucketPolicy;

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
                return new AccessDecision(request.Principal.Arn, request.Action, request.Resource.Arn, assume.Rule, $"cannot assume {roleArn}: {assume.Reason}", assume.Layers, assume.Trace);
            }

            var session = request.WithPrincipal(RequestPrincipal.SessionArnFor(roleArn, sessionName));
            var result = Evaluate(session, asRole, PolicyLayer.BucketPolicy, detailed);
            return new AccessDecision(session.Principal.Arn, request.Action, request.Resource.Arn, result.Rule, $"as role session of {roleArn}: {result.Reason}", result.Layers, result.Trace);
        }

        private static AccessDecision Evaluate(AccessRequest request, AccessPolicies policies, PolicyLayer resourceLayer, bool detailed)
        {
            var authorizer = ServiceAuthorizer.For(request, resourceLayer);
            var trace = detailed ? new List<StatementTrace>() : null;
            var scans = default(PolicyScans);
            PolicyScans.Scan(request, policies, resourceLayer, ref scans, collect: true, trace);
            var facts = authorizer.Resolve(request, policies);
            var rule = authorizer.Authorize(request, facts, scans);
            return DecisionExplainer.Explain(request, policies, resourceLayer, authorizer, facts, scans, rule, trace);
        }
    }
}
