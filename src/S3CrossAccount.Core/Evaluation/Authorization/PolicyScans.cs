using System.Collections.Generic;
using S3CrossAccount.Core.Evaluation.Model;
using S3CrossAccount.Core.Evaluation.Requests;
using S3CrossAccount.Core.Evaluation.Results;

namespace S3CrossAccount.Core.Evaluation.Authorization
{
    /// <summary>What the statements of one policy layer say about a request.</summary>
    internal struct LayerScan
    {
        public bool Given;
        public bool AnyAllow;
        public bool AnyDeny;

        /// <summary>An Allow naming the caller exactly (user, session, "*").</summary>
        public bool ExactAllow;

        /// <summary>An Allow naming the caller's role (for a session).</summary>
        public bool RoleAllow;

        /// <summary>The applying statements, in order; collected only when the decision is explained.</summary>
        public List<StatementRef>? Allows;

        public List<StatementRef>? Denies;
    }

    /// <summary>Every policy layer's scan: the input of a <see cref="ServiceAuthorizer"/>.</summary>
    internal struct PolicyScans
    {
        public LayerScan Identity;
        public LayerScan Boundary;
        public LayerScan Session;
        public LayerScan Scp;
        public LayerScan Rcp;
        public LayerScan Resource;

        /// <summary>
        /// Scans every policy given. Without a trace only the statements the policy's index leaves for the action (and,
        /// in the resource policy, for the caller's account) are matched; with one, every statement is, and traced.
        /// </summary>
        public static void Scan(AccessRequest request, AccessPolicies policies, PolicyLayer resourceLayer, ref PolicyScans scans, bool collect, List<StatementTrace>? trace)
        {
            var context = request.EffectiveContext;
            var kind = request.Principal.Kind;
            bool callerHasBoundary = policies.PermissionsBoundary != null
                && (kind == PrincipalKind.User || kind == PrincipalKind.Role || kind == PrincipalKind.AssumedRole);
            if (kind != PrincipalKind.Anonymous && kind != PrincipalKind.Service)
            {
                var identity = policies.IdentityPolicies;
                for (int i = 0; i < identity.Count; i++)
                {
                    Scan(identity[i], PolicyLayer.IdentityPolicy, false, request, context, ref scans.Identity, collect, trace, false);
                }

                Scan(policies.PermissionsBoundary, PolicyLayer.PermissionsBoundary, false, request, context, ref scans.Boundary, collect, trace, false);
                Scan(policies.SessionPolicy, PolicyLayer.SessionPolicy, false, request, context, ref scans.Session, collect, trace, false);
                var scps = policies.ServiceControlPolicies;
                for (int i = 0; i < scps.Count; i++)
                {
                    Scan(scps[i], PolicyLayer.ServiceControlPolicy, false, request, context, ref scans.Scp, collect, trace, false);
                }
            }

            var rcps = policies.ResourceControlPolicies;
            for (int i = 0; i < rcps.Count; i++)
            {
                Scan(rcps[i], PolicyLayer.ResourceControlPolicy, false, request, context, ref scans.Rcp, collect, trace, false);
            }

            Scan(policies.BucketPolicy, resourceLayer, true, request, context, ref scans.Resource, collect, trace, callerHasBoundary);
        }

        private static void Scan(EvaluationPolicy? policy, PolicyLayer layer, bool isResourcePolicy, AccessRequest request, RequestContext context, ref LayerScan scan, bool collect, List<StatementTrace>? trace, bool callerHasBoundary)
        {
            if (policy == null)
            {
                return;
            }

            scan.Given = true;
            var statements = trace != null
                ? policy.StatementArray
                : isResourcePolicy ? policy.StatementsFor(request.Action, request.Principal.AccountId) : policy.StatementsFor(request.Action);
            for (int i = 0; i < statements.Length; i++)
            {
                var statement = statements[i];
                StatementTrace? t = null;
                if (trace != null)
                {
                    t = new StatementTrace(layer, policy.Name, statement.Sid, statement.Index, statement.IsAllow);
                    trace.Add(t);
                }

                if (!StatementMatcher.Applies(statement, request, context, isResourcePolicy, out var match, t, actionAlreadyMatched: trace == null, callerHasBoundary))
                {
                    continue;
                }

                var reference = collect ? new StatementRef(layer, policy.Name, statement.Sid, statement.Index, statement.IsAllow) : null;
                if (statement.IsAllow)
                {
                    scan.AnyAllow = true;
                    scan.ExactAllow |= match == PrincipalMatch.Match;
                    scan.RoleAllow |= match == PrincipalMatch.SessionRoleMatch;
                    if (reference != null)
                    {
                        (scan.Allows ??= new List<StatementRef>()).Add(reference);
                    }
                }
                else
                {
                    scan.AnyDeny = true;
                    if (reference != null)
                    {
                        (scan.Denies ??= new List<StatementRef>()).Add(reference);
                    }
                }
            }
        }
    }
}
