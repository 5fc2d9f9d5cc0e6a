using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;
using S3CrossAccount.Core.Policies.Merging;
using S3CrossAccount.Core.Tests.Policies;

namespace S3CrossAccount.Core.Tests.Merging
{
    public class MergeProperties
    {
        private static readonly Gen<PolicyDocument> Grants =
            from bucket in Gen.Elements("bucket-a", "bucket-b")
            from prefix in Gen.Elements<string?>(null, "FolderName", "a/b/")
            from access in Gen.Elements(S3AccessPreset.Read, S3AccessPreset.Write, S3AccessPreset.ReadWrite, S3AccessPreset.List, S3AccessPreset.Console)
            from principals in Gen.SubListOf(new[] { "222233334444", "arn:aws:iam::222233334444:user/AccountBUserName", "arn:aws:iam::333344445555:role/R" }).Where(l => l.Count > 0)
            from ownerControl in Gen.Elements(false, true)
            select PolicyBuilder.BucketPolicy(
                new S3AccessRequest(bucket) { Prefix = prefix, Access = access },
                principals,
                ownerControl && access != S3AccessPreset.Read && access != S3AccessPreset.List ? new BucketPolicyOptions { RequireBucketOwnerFullControl = OwnerFullControlForm.CannedAcl } : null);

        // p may also hold a foreign statement that squats on the grant's Sid, to exercise collision handling.
        private static readonly Gen<(PolicyDocument P, PolicyDocument G)> Cases =
            from p in PolicyGenerators.Document
            from g in Grants
            from squat in Gen.Elements(false, true)
            select (squat && g.StatementCount > 0
                ? p with { StatementIsSingleObject = false, Statements = p.Statements.Concat(new[] { new PolicyStatement { Sid = GrantKey.BaseSid(g.Statements[0]), Effect = PolicyEffect.Deny, Action = PolicyValueList.Single("s3:DeleteBucket"), Resource = PolicyValueList.Single("*") } }).ToList() }
                : p, g);

        private static Arbitrary<(PolicyDocument P, PolicyDocument G)> Arb => Cases.ToArbitrary();

        [Property(MaxTest = 300)]
        public Property EveryStatementOfP_IsStillInTheMergedPolicy_Unchanged() =>
            Prop.ForAll(Arb, c =>
            {
                var merged = PolicyMerger.Merge(c.P, c.G);
                return c.P.Statements.All(s => merged.Statements.Contains(s))
                    && merged.Version == c.P.Version && merged.Id == c.P.Id;
            });

        [Property(MaxTest = 300)]
        public Property Merge_IsIdempotent() =>
            Prop.ForAll(Arb, c =>
            {
                var once = PolicyMerger.Merge(c.P, c.G);
                return PolicyMerger.Merge(once, c.G).Equals(once);
            });

        [Property(MaxTest = 300)]
        public Property MergedPolicy_ContainsTheGrant_AndSidsStayUnique() =>
            Prop.ForAll(Arb, c =>
            {
                var merged = PolicyMerger.Merge(c.P, c.G);
                var newSids = merged.Statements.Skip(c.P.StatementCount).Select(s => s.Sid!).ToList();
                return PolicyMerger.Contains(merged, c.G)
                    && newSids.All(GrantKey.IsModuleSid)
                    && newSids.All(sid => merged.Statements.Count(s => s.Sid == sid) == 1);
            });

        [Property(MaxTest = 300)]
        public Property RemoveOfMerge_GivesBackP() =>
            Prop.ForAll(Arb, c => PolicyMerger.Remove(PolicyMerger.Merge(c.P, c.G), c.G).Equals(c.P));

        [Property(MaxTest = 200)]
        public Property MergeThenWriteThenParse_RoundTrips() =>
            Prop.ForAll(Arb, c =>
            {
                var merged = PolicyMerger.Merge(c.P, c.G);
                return PolicyJson.Parse(PolicyJson.Write(merged)).Equals(merged);
            });

        [Property(MaxTest = 200)]
        public Property Diff_OfMerge_ListsOnlyAdditions() =>
            Prop.ForAll(Arb, c =>
            {
                var merged = PolicyMerger.Merge(c.P, c.G);
                var diff = PolicyDiff.Compare(c.P, merged);
                return diff.All(d => d.Kind == StatementChangeKind.Added) && diff.Count == merged.StatementCount - c.P.StatementCount;
            });
    }
}
