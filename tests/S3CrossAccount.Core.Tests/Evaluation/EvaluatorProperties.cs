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

namespace S3CrossAccount.Core.Tests.Evaluation
{
    /// <summary>
    /// Monotonicity of the evaluator over random requests and policy sets drawn from small pools (so that
    /// statements actually hit): a Deny can only take access away, an Allow can only give it.
    /// </summary>
    public class EvaluatorProperties
    {
        private static readonly string[] Principals =
        {
            "arn:aws:iam::111122223333:user/alice", "arn:aws:iam::444455556666:user/bob", "arn:aws:iam::444455556666:root",
            "arn:aws:sts::444455556666:assumed-role/Reader/s1", "arn:aws:sts::111122223333:assumed-role/Admin/x1", "*",
        };

        private static readonly string[] Actions = { "s3:GetObject", "s3:PutObject", "s3:GetObjectAcl", "s3:ListBucket", "s3:DeleteObject" };

        private static readonly string[] ActionPatterns = { "s3:GetObject", "s3:Get*", "s3:PutObject", "*", "s3:*Acl", "s3:List*" };

        private static readonly string[] Resources = { "arn:aws:s3:::bkt/a.txt", "arn:aws:s3:::bkt/home/alice/x", "arn:aws:s3:::bkt" };

        private static readonly string[] ResourcePatterns = { "arn:aws:s3:::bkt/*", "arn:aws:s3:::bkt", "*", "arn:aws:s3:::bkt/home/${aws:username}/*", "arn:aws:s3:::other/*" };

        private static readonly string[] PrincipalValues =
        {
            "*", "444455556666", "arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:user/bob", "arn:aws:iam::444455556666:role/Reader", "arn:aws:iam::111122223333:user/alice",
        };

        private static readonly ConditionTest[][] Conditions =
        {
            new ConditionTest[0],
            new[] { new ConditionTest("Bool", "aws:SecureTransport", new[] { "true" }) },
            new[] { new ConditionTest("StringNotEquals", "s3:x-amz-acl", new[] { "bucket-owner-full-control" }) },
            new[] { new ConditionTest("IpAddress", "aws:SourceIp", new[] { "203.0.113.0/24" }) },
        };

        private sealed class Case
        {
            public AccessRequest Request = null!;
            public AccessPolicies Policies = null!;
            public EvaluationStatement Extra = null!;
            public int Layer;

            public override string ToString() => $"{Request.Principal} {Request.Action} {Request.Resource} layer {Layer}";
        }

        private static T Pick<T>(Random r, T[] pool) => pool[r.Next(pool.Length)];

        private static EvaluationStatement RandomStatement(Random r, bool withPrincipal, bool? allow = null, int index = 0) =>
            new EvaluationStatement(
                allow ?? r.Next(3) > 0,
                actions: new[] { Pick(r, ActionPatterns) },
                resources: new[] { Pick(r, ResourcePatterns) },
                principals: withPrincipal ? new[] { new KeyValuePair<string, string>("AWS", Pick(r, PrincipalValues)) } : null,
                conditions: Pick(r, Conditions),
                index: index);

        private static EvaluationPolicy RandomPolicy(Random r, string name, bool withPrincipal) =>
            new EvaluationPolicy(name, Enumerable.Range(0, r.Next(4)).Select(i => RandomStatement(r, withPrincipal, index: i)));

        private static Case Build(int seed, bool extraIsAllow)
        {
            var r = new Random(seed);
            var context = new RequestContext();
            if (r.Next(2) == 0)
            {
                context.Set("aws:SecureTransport", r.Next(2) == 0 ? "true" : "false");
            }

            if (r.Next(2) == 0)
            {
                context.Set("aws:SourceIp", r.Next(2) == 0 ? "203.0.113.9" : "198.51.100.1");
            }

            if (r.Next(2) == 0)
            {
                context.Set("s3:x-amz-acl", "bucket-owner-full-control");
            }

            var request = new AccessRequest(Pick(r, Principals), Pick(r, Actions), Pick(r, Resources), "111122223333", r.Next(2) == 0 ? null : "444455556666", context);
            var ownership = (ObjectOwnership)r.Next(3);
            var grants = new List<AclGrant>();
            for (int i = r.Next(3); i > 0; i--)
            {
                grants.Add(new AclGrant(AclGranteeKind.Account, r.Next(2) == 0 ? "444455556666" : "111122223333", (AclPermission)r.Next(5)));
            }

            var policies = new AccessPolicies
            {
                IdentityPolicies = Enumerable.Range(0, r.Next(3)).Select(i => RandomPolicy(r, "id" + i, false)).ToArray(),
                BucketPolicy = r.Next(4) == 0 ? null : RandomPolicy(r, "bucket", true),
                PermissionsBoundary = r.Next(4) == 0 ? RandomPolicy(r, "boundary", false) : null,
                ServiceControlPolicies = r.Next(4) == 0 ? new[] { RandomPolicy(r, "scp", false) } : Array.Empty<EvaluationPolicy>(),
                ObjectOwnership = ownership,
                BucketAcl = r.Next(2) == 0 ? new AccessControlList("111122223333", grants) : null,
                ObjectAcl = r.Next(2) == 0 ? new AccessControlList(request.ObjectOwnerAccount ?? "111122223333", grants) : null,
            };

            int layer = r.Next(extraIsAllow ? 2 : 4);
            return new Case { Request = request, Policies = policies, Extra = RandomStatement(r, layer == 1, extraIsAllow, 99), Layer = layer };
        }

        private static AccessPolicies WithExtra(Case c)
        {
            var p = c.Policies;
            EvaluationPolicy Add(EvaluationPolicy? policy, string name) =>
                new EvaluationPolicy(policy?.Name ?? name, (policy?.Statements ?? Array.Empty<EvaluationStatement>()).Concat(new[] { c.Extra }));
            switch (c.Layer)
            {
                case 0: return p with { IdentityPolicies = p.IdentityPolicies.Count == 0 ? new[] { Add(null, "extra") } : p.IdentityPolicies.Select((x, i) => i == 0 ? Add(x, x.Name) : x).ToArray() };
                case 1: return p with { BucketPolicy = Add(p.BucketPolicy, "bucket") };
                case 2: return p with { PermissionsBoundary = Add(p.PermissionsBoundary, "boundary") };
                default: return p with { ServiceControlPolicies = p.ServiceControlPolicies.Count == 0 ? new[] { Add(null, "scp") } : new[] { Add(p.ServiceControlPolicies[0], "scp") } };
            }
        }

        [Property(MaxTest = 2000)]
        public Property AddingADeny_NeverTurnsADenialIntoAnAllow() =>
            Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
            {
                var c = Build(seed, extraIsAllow: false);
                var before = AccessEvaluator.Evaluate(c.Request, c.Policies);
                var after = AccessEvaluator.Evaluate(c.Request, WithExtra(c));
                return (before.Allowed || !after.Allowed) && (before.Decision != Decision.ExplicitDeny || after.Decision == Decision.ExplicitDeny);
            });

        [Property(MaxTest = 2000)]
        public Property AddingAnAllow_NeverTurnsAnAllowIntoADenial() =>
            Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
            {
                var c = Build(seed, extraIsAllow: true);
                var before = AccessEvaluator.Evaluate(c.Request, c.Policies);
                var after = AccessEvaluator.Evaluate(c.Request, WithExtra(c));
                return !before.Allowed || after.Allowed;
            });

        [Property(MaxTest = 500)]
        public Property DetailedAndFastPaths_Agree() =>
            Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
            {
                var c = Build(seed, extraIsAllow: true);
                var fast = AccessEvaluator.Evaluate(c.Request, c.Policies);
                var detailed = AccessEvaluator.Evaluate(c.Request, c.Policies, detailed: true);
                return fast.Decision == detailed.Decision && fast.Reason == detailed.Reason;
            });

        [Property(MaxTest = 10)]
        public Property SomeCasesAreAllowedAndSomeDenied_SoThePropertiesBite() =>
            Prop.ForAll(Gen.Choose(0, 1000).ToArbitrary(), start =>
            {
                var decisions = Enumerable.Range(start, 400).Select(s => Build(s, true)).Select(c => AccessEvaluator.Evaluate(c.Request, c.Policies).Decision).ToList();
                return decisions.Contains(Decision.Allowed) && decisions.Contains(Decision.ImplicitDeny) && decisions.Contains(Decision.ExplicitDeny);
            });
    }
}
