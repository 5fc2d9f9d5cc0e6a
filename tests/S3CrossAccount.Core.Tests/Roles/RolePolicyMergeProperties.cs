using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Roles;
using Xunit;

namespace S3CrossAccount.Core.Tests.Roles
{
    public class RolePolicyMergeProperties
    {
        private static readonly string[] Pool =
        {
            "222233334444", "arn:aws:iam::222233334444:root", "arn:aws:iam::222233334444:user/alice",
            "arn:aws:iam::333344445555:user/admin", "arn:aws:iam::333344445555:role/Batch",
        };

        private static readonly Gen<PolicyStatement> Statement =
            from principals in Gen.NonEmptyListOf(Gen.Elements(Pool))
            from action in Gen.Elements("sts:AssumeRole", "s3:GetObject")
            from effect in Gen.Elements(PolicyEffect.Allow, PolicyEffect.Allow, PolicyEffect.Deny)
            from service in Gen.Elements(false, false, true)
            from externalId in Gen.Elements<string?>(null, null, "ext-1")
            select new PolicyStatement
            {
                Effect = effect,
                Principal = service ? PrincipalBlock.Of(PrincipalTypes.Service, PolicyValueList.Single("ec2.amazonaws.com")) : PrincipalBlock.Aws(principals.Distinct()),
                Action = PolicyValueList.Single(action),
                Condition = externalId == null ? null : PolicyCondition.Of("StringEquals", ConditionEntry.Single("sts:ExternalId", externalId)),
            };

        private static readonly Gen<PolicyDocument> Document =
            from statements in Gen.NonEmptyListOf(Statement)
            select new PolicyDocument(statements.Take(4));

        private static readonly Arbitrary<(PolicyDocument, PolicyDocument)> Pairs = Gen.Zip(Document, Document).ToArbitrary();

        private static ISet<string> AwsPrincipals(PolicyDocument d) =>
            new HashSet<string>(RolePolicyMerge.NormalizeAccountPrincipals(d).Statements.Where(s => s.Principal != null)
                .SelectMany(s => s.Principal!.Get(PrincipalTypes.Aws) ?? Enumerable.Empty<string>()), StringComparer.Ordinal);

        [Property(MaxTest = 300)]
        public Property MergeTrust_KeepsEveryExistingPrincipal_AndAddsEveryDesiredOne() =>
            Prop.ForAll(Pairs, p =>
            {
                var merged = RolePolicyMerge.MergeTrust(p.Item1, p.Item2);
                var all = AwsPrincipals(merged);
                return AwsPrincipals(p.Item1).IsSubsetOf(all) && AwsPrincipals(p.Item2).IsSubsetOf(all);
            });

        [Property(MaxTest = 300)]
        public Property MergeTrust_IsIdempotent() =>
            Prop.ForAll(Pairs, p =>
            {
                var once = RolePolicyMerge.MergeTrust(p.Item1, p.Item2);
                return RolePolicyMerge.Same(RolePolicyMerge.MergeTrust(once, p.Item2), once);
            });

        [Property(MaxTest = 300)]
        public Property MergeTrust_NeverChangesAStatementItCannotAbsorbInto() =>
            Prop.ForAll(Pairs, p =>
            {
                var merged = RolePolicyMerge.MergeTrust(p.Item1, p.Item2);
                return merged.StatementCount >= p.Item1.StatementCount
                    && p.Item1.Statements.Select((s, i) => s.Effect == PolicyEffect.Deny || s.Principal!.Get(PrincipalTypes.Aws) == null ? s.Equals(merged.Statements[i]) : true).All(x => x);
            });

        [Property(MaxTest = 200)]
        public Property MergingAPolicyIntoItself_ChangesNothing() =>
            Prop.ForAll(Document.ToArbitrary(), d =>
                RolePolicyMerge.Same(RolePolicyMerge.MergeTrust(d, d), d));

        [Fact]
        public void BareAccountId_EqualsItsRootArn_ButNotAUserOfThatAccount()
        {
            var bare = new PolicyDocument(new[] { new PolicyStatement { Effect = PolicyEffect.Allow, Principal = PrincipalBlock.Aws("222233334444"), Action = PolicyValueList.Single("sts:AssumeRole") } });
            var root = bare with { Statements = new[] { bare.Statements[0] with { Principal = PrincipalBlock.Aws("arn:aws:iam::222233334444:root") } } };
            var user = bare with { Statements = new[] { bare.Statements[0] with { Principal = PrincipalBlock.Aws("arn:aws:iam::222233334444:user/alice") } } };

            Assert.True(RolePolicyMerge.Same(bare, root));
            Assert.False(RolePolicyMerge.Same(bare, user));
            Assert.True(RolePolicyMerge.Same(bare with { Statements = new[] { bare.Statements[0] with { Principal = PrincipalBlock.Aws("111122223333") } } },
                root with { Statements = new[] { root.Statements[0] with { Principal = PrincipalBlock.Aws("arn:aws-cn:iam::111122223333:root") } } }, "aws-cn"));
        }
    }
}
