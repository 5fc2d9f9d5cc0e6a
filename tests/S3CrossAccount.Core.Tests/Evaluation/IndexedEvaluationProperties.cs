using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using S3CrossAccount.Core.Evaluation;
using S3CrossAccount.Core.Evaluation.Acls;
using S3CrossAccount.Core.Evaluation.Model;
using S3CrossAccount.Core.Evaluation.Requests;
using S3CrossAccount.Core.Evaluation.Results;
using Xunit;

namespace S3CrossAccount.Core.Tests.Evaluation
{
    /// <summary>
    /// The indexed paths decide exactly as the straightforward one. <see cref="AccessEvaluator.Decide"/> and the explained
    /// <see cref="AccessEvaluator.Evaluate(AccessRequest, AccessPolicies, bool)"/> match only the statements a policy's
    /// index leaves for the action and the caller's account; the detailed evaluation matches every statement of every
    /// policy. Random policy sets, from pools of principal values of every form (accounts, roots, users, roles with
    /// paths, sessions, "*", NotPrincipal, canonical IDs, services, values without a readable account), are asked
    /// several random requests in a row, so the indexes and their last-lookup memos are exercised across actions and
    /// callers, in two orders.
    /// </summary>
    public class IndexedEvaluationProperties
    {
        private const string A = "111122223333";
        private const string B = "444455556666";
        private const string Canonical = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";

        private static readonly string[] Callers =
        {
            $"arn:aws:iam::{A}:user/alice", $"arn:aws:iam::{B}:user/bob", $"arn:aws:iam::{B}:root", A,
            $"arn:aws:iam::{B}:role/Reader", $"arn:aws:sts::{B}:assumed-role/Reader/s1", $"arn:aws:sts::{A}:assumed-role/Admin/x",
            "*", "s3.amazonaws.com", "arn:aws:iam::777788889999:user/carol",
        };

        private static readonly string[] Actions = { "s3:GetObject", "S3:getobject", "s3:PutObject", "s3:GetObjectAcl", "s3:ListBucket", "s3:PutBucketPolicy", "sts:AssumeRole" };

        private static readonly string[] Resources =
        {
            "arn:aws:s3:::bkt/a.txt", "arn:aws:s3:::bkt/home/alice/x", "arn:aws:s3:::bkt", $"arn:aws:iam::{A}:role/Shared",
        };

        private static readonly string[] ActionPatterns = { "s3:GetObject", "s3:Get*", "s3:PutObject", "*", "s3:*Acl", "s3:List*", "sts:AssumeRole", "s3:*Policy" };

        private static readonly string[] ResourcePatterns =
        {
            "arn:aws:s3:::bkt/*", "arn:aws:s3:::bkt", "*", "arn:aws:s3:::bkt/home/${aws:username}/*", "arn:aws:s3:::bkt/?.txt", "arn:aws:iam::*:role/*", "arn:aws:s3:::other/*",
        };

        private static readonly (string Type, string Value)[] PrincipalValues =
        {
            ("AWS", "*"), ("AWS", B), ("AWS", A), ("AWS", $"arn:aws:iam::{A}:root"), ("AWS", $"arn:aws:iam::{B}:root"),
            ("AWS", $"arn:aws:iam::{B}:user/bob"), ("AWS", $"arn:aws:iam::{A}:user/alice"), ("AWS", $"arn:aws:iam::{B}:role/team/Reader"),
            ("AWS", $"arn:aws:sts::{B}:assumed-role/Reader/s1"), ("AWS", "arn:aws:iam::*:root"), ("AWS", "not-an-arn"),
            ("CanonicalUser", Canonical), ("Service", "s3.amazonaws.com"), ("Federated", "cognito-identity.amazonaws.com"),
        };

        private static readonly ConditionTest[][] Conditions =
        {
            new ConditionTest[0],
            new[] { new ConditionTest("Bool", "aws:SecureTransport", new[] { "true" }) },
            new[] { new ConditionTest("StringEquals", "aws:PrincipalAccount", new[] { B }) },
            new[] { new ConditionTest("IpAddress", "aws:SourceIp", new[] { "203.0.113.0/24" }) },
        };

        private static T Pick<T>(Random r, T[] pool) => pool[r.Next(pool.Length)];

        private static EvaluationStatement Statement(Random r, bool resourcePolicy, int index)
        {
            var actions = Enumerable.Range(0, 1 + r.Next(2)).Select(_ => Pick(r, ActionPatterns)).ToArray();
            var resources = new[] { Pick(r, ResourcePatterns) };
            var principals = Enumerable.Range(0, 1 + r.Next(3)).Select(_ => Pick(r, PrincipalValues)).Select(p => new KeyValuePair<string, string>(p.Type, p.Value)).ToArray();
            int form = resourcePolicy ? r.Next(5) : 4;
            bool notAction = r.Next(6) == 0, notResource = r.Next(8) == 0;
            return new EvaluationStatement(
                r.Next(3) > 0,
                actions: notAction ? null : actions,
                notActions: notAction ? actions : null,
                resources: notResource ? null : resources,
                notResources: notResource ? resources : null,
                principals: form == 0 || form == 1 ? principals : form == 2 ? new[] { new KeyValuePair<string, string>("AWS", "*") } : null,
                notPrincipals: form == 3 ? principals : null,
                principalIsWildcard: form == 2,
                conditions: Pick(r, Conditions),
                sid: r.Next(2) == 0 ? "S" + index : null,
                index: index);
        }

        private static EvaluationPolicy Policy(Random r, string name, bool resourcePolicy, int maxStatements) =>
            new EvaluationPolicy(name, Enumerable.Range(0, r.Next(maxStatements + 1)).Select(i => Statement(r, resourcePolicy, i)).ToArray());

        private static AccessPolicies Policies(Random r) => new AccessPolicies
        {
            IdentityPolicies = Enumerable.Range(0, r.Next(3)).Select(i => Policy(r, "id" + i, false, 4)).ToArray(),
            BucketPolicy = r.Next(5) == 0 ? null : Policy(r, "bucket", true, 12),
            PermissionsBoundary = r.Next(4) == 0 ? Policy(r, "boundary", false, 3) : null,
            SessionPolicy = r.Next(6) == 0 ? Policy(r, "session", false, 3) : null,
            ServiceControlPolicies = r.Next(4) == 0 ? new[] { Policy(r, "scp", false, 3) } : Array.Empty<EvaluationPolicy>(),
            ResourceControlPolicies = r.Next(6) == 0 ? new[] { Policy(r, "rcp", false, 3) } : Array.Empty<EvaluationPolicy>(),
            ObjectOwnership = (ObjectOwnership)r.Next(3),
            ObjectAcl = r.Next(3) == 0 ? new AccessControlList(B, new[] { new AclGrant(AclGranteeKind.Account, A, AclPermission.Read) }) : null,
        };

        private static AccessRequest Request(Random r)
        {
            var context = new RequestContext();
            if (r.Next(2) == 0)
            {
                context.Set("aws:SecureTransport", r.Next(2) == 0 ? "true" : "false");
            }

            if (r.Next(2) == 0)
            {
                context.Set("aws:SourceIp", r.Next(2) == 0 ? "203.0.113.9" : "198.51.100.1");
            }

            return new AccessRequest(Pick(r, Callers), Pick(r, Actions), Pick(r, Resources), A, r.Next(3) == 0 ? B : null, context)
            {
                PrincipalCanonicalId = r.Next(3) == 0 ? Canonical : null,
            };
        }

        private static string Fingerprint(AccessDecision d) =>
            $"{d.Decision} {d.Rule} {d.Reason} | " + string.Join("; ", d.Layers.Select(l => $"{l.Layer} {l.Outcome} {l.Note} [{string.Join(",", l.Statements.Select(s => s.ToString()))}]"));

        private static bool Agrees(AccessRequest request, AccessPolicies policies)
        {
            var straightforward = AccessEvaluator.Evaluate(request, policies, detailed: true);
            var verdict = AccessEvaluator.Decide(request, policies);
            var explained = AccessEvaluator.Evaluate(request, policies);
            return verdict.Decision == straightforward.Decision && verdict.Rule == straightforward.Rule
                && Fingerprint(explained) == Fingerprint(straightforward);
        }

        [Property(MaxTest = 1500)]
        public Property IndexedPaths_DecideAsTheStraightforwardPath() =>
            Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
            {
                var r = new Random(seed);
                var policies = Policies(r);
                var requests = Enumerable.Range(0, 8).Select(_ => Request(r)).ToArray();
                return requests.All(q => Agrees(q, policies)) && requests.Reverse().All(q => Agrees(q, policies));
            });

        [Fact]
        public void TheGeneratedCases_ReachEveryDecision_AndTheIndexRulesStatementsOut()
        {
            var decisions = new HashSet<Decision>();
            int ruledOut = 0;
            for (int seed = 0; seed < 300; seed++)
            {
                var r = new Random(seed);
                var policies = Policies(r);
                var request = Request(r);
                decisions.Add(AccessEvaluator.Decide(request, policies).Decision);
                if (policies.BucketPolicy != null)
                {
                    ruledOut += policies.BucketPolicy.Statements.Count - policies.BucketPolicy.StatementsFor(request.Action, request.Principal.AccountId).Length;
                }
            }

            Assert.Equal(3, decisions.Count);
            Assert.True(ruledOut > 300, $"the index ruled out only {ruledOut} statements");
        }
    }
}
