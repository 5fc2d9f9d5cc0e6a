using System.Linq;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;
using S3CrossAccount.Core.Policies.Merging;
using Xunit;

namespace S3CrossAccount.Core.Tests.Merging
{
    public class PolicyMergerTests
    {
        private const string UserB = "arn:aws:iam::222233334444:user/AccountBUserName";

        private static PolicyDocument Grant(S3AccessPreset access, string principal = UserB, string? prefix = null) =>
            PolicyBuilder.BucketPolicy(new S3AccessRequest("bucket") { Access = access, Prefix = prefix }, new[] { principal });

        [Fact]
        public void MergeIntoNothing_GivesTheGrantWithStableSids()
        {
            var merged = PolicyMerger.Merge(null, Grant(S3AccessPreset.Read));
            var s = merged.Statements.Single();
            Assert.Equal(GrantKey.BaseSid(s), s.Sid);
            Assert.Matches("^XAccount[0-9A-F]{12}$", s.Sid);

            // Stable across runs and processes: the hash is FNV-1a, not string.GetHashCode.
            Assert.Equal(s.Sid, PolicyMerger.Merge(null, Grant(S3AccessPreset.Read)).Statements.Single().Sid);
            Assert.Equal(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + s.Sid + "\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + UserB + "\"},\"Action\":[\"s3:GetObject\"],\"Resource\":\"arn:aws:s3:::bucket/*\"}]}",
                PolicyJson.Write(merged));
        }

        [Fact]
        public void SecondGrantForSamePrincipalAndScope_ExtendsOurStatement()
        {
            var merged = PolicyMerger.Merge(PolicyMerger.Merge(null, Grant(S3AccessPreset.Read)), Grant(S3AccessPreset.Write));
            var s = merged.Statements.Single();
            Assert.Equal(new[] { "s3:GetObject", "s3:PutObject", "s3:PutObjectAcl" }, s.Action!.Values);

            // A different principal or folder is a separate statement.
            var other = PolicyMerger.Merge(merged, Grant(S3AccessPreset.Read, "333344445555"));
            var folder = PolicyMerger.Merge(other, Grant(S3AccessPreset.Read, UserB, "FolderName"));
            Assert.Equal(3, folder.StatementCount);
            Assert.Equal(3, folder.Statements.Select(x => x.Sid).Distinct().Count());
        }

        [Fact]
        public void ExistingForeignStatements_AreKept_AndAnExistingEquivalentMeansNoChange()
        {
            // The seed bucket policy written by hand, without Sids.
            var existing = PolicyJson.Parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + UserB + "\"},\"Action\":[\"s3:GetObject\",\"s3:PutObject\",\"s3:PutObjectAcl\"],\"Resource\":[\"arn:aws:s3:::bucket/*\"]}]}");
            Assert.Same(existing, PolicyMerger.Merge(existing, Grant(S3AccessPreset.Read)));
            Assert.True(PolicyMerger.Contains(existing, Grant(S3AccessPreset.ReadWrite)));

            var withList = PolicyMerger.Merge(existing, Grant(S3AccessPreset.List));
            Assert.Equal(existing.Statements[0], withList.Statements[0]);
            Assert.Equal(2, withList.StatementCount);
        }

        [Fact]
        public void SidCollisionWithForeignStatement_TakesTheNextSid_AndLeavesTheForeignOne()
        {
            var grant = Grant(S3AccessPreset.Read);
            var baseSid = GrantKey.BaseSid(grant.Statements[0]);
            var foreign = new PolicyStatement { Sid = baseSid, Effect = PolicyEffect.Deny, Action = PolicyValueList.Single("s3:DeleteBucket"), Resource = PolicyValueList.Single("arn:aws:s3:::bucket") };
            var existing = new PolicyDocument(new[] { foreign });
            var merged = PolicyMerger.Merge(existing, grant);
            Assert.Equal(foreign, merged.Statements[0]);
            Assert.Equal(baseSid + "2", merged.Statements[1].Sid);

            // And it is found again there: idempotent, extendable and removable.
            Assert.Equal(merged, PolicyMerger.Merge(merged, grant));
            var extended = PolicyMerger.Merge(merged, Grant(S3AccessPreset.Write));
            Assert.Equal(2, extended.StatementCount);
            Assert.Equal(new[] { "s3:GetObject", "s3:PutObject", "s3:PutObjectAcl" }, extended.Statements[1].Action!.Values);
            Assert.Equal(existing, PolicyMerger.Remove(merged, grant));
        }

        [Fact]
        public void Remove_TakesAwayOnlyWhatThisGrantAdded()
        {
            var foreign = PolicyJson.Parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Mine\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + UserB + "\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::other/*\"}]}");
            var both = PolicyMerger.Merge(PolicyMerger.Merge(foreign, Grant(S3AccessPreset.Read)), Grant(S3AccessPreset.Write));
            var writeRemoved = PolicyMerger.Remove(both, Grant(S3AccessPreset.Write));
            Assert.Equal(new[] { "s3:GetObject" }, writeRemoved.Statements[1].Action!.Values);
            Assert.Equal(foreign, PolicyMerger.Remove(writeRemoved, Grant(S3AccessPreset.Read)));

            // A hand-written equivalent statement is not ours: Remove leaves it.
            var handWritten = PolicyJson.Parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + UserB + "\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket/*\"}]}");
            Assert.Same(handWritten, PolicyMerger.Remove(handWritten, Grant(S3AccessPreset.Read)));
        }

        [Fact]
        public void Diff_ReportsAddedRemovedChanged()
        {
            var before = PolicyJson.Parse("{\"Statement\":[{\"Sid\":\"Keep\",\"Effect\":\"Allow\",\"Action\":\"a:b\"},{\"Sid\":\"Gone\",\"Effect\":\"Allow\",\"Action\":\"a:c\"},{\"Sid\":\"Edit\",\"Effect\":\"Allow\",\"Action\":\"a:d\"}]}");
            var after = PolicyJson.Parse("{\"Statement\":[{\"Sid\":\"Edit\",\"Effect\":\"Allow\",\"Action\":[\"a:d\",\"a:e\"]},{\"Sid\":\"Keep\",\"Effect\":\"Allow\",\"Action\":[\"a:b\"]},{\"Sid\":\"New\",\"Effect\":\"Deny\",\"Action\":\"a:f\"}]}");
            var diff = PolicyDiff.Compare(before, after);
            Assert.Equal(
                new[] { "Changed Edit 2->0", "Removed Gone 1->", "Added New ->2" },
                diff.Select(d => $"{d.Kind} {d.Sid} {d.BeforeIndex}->{d.AfterIndex}"));
            Assert.Equal("Added statement New: {\"Sid\":\"New\",\"Effect\":\"Deny\",\"Action\":\"a:f\"}", diff[2].ToString());
            Assert.Empty(PolicyDiff.Compare(before, before));
            Assert.Equal(3, PolicyDiff.Compare(null, before).Count(d => d.Kind == StatementChangeKind.Added));
        }
    }
}

namespace S3CrossAccount.Core.Tests.Merging
{
    public class AccountPrincipalFormTests
    {
        [Fact]
        public void BareAccountId_AndRootArn_AreTheSamePrincipal_ForEqualityAndMerge()
        {
            // AWS stores a bare account ID as the root ARN: a policy read back from AWS must still be recognised.
            var grant = PolicyBuilder.BucketPolicy(new S3AccessRequest("bucket"), new[] { "222233334444" });
            var merged = PolicyMerger.Merge(null, grant);
            var asStoredByAws = PolicyJson.Parse(PolicyJson.Write(merged).Replace("\"222233334444\"", "\"arn:aws:iam::222233334444:root\""));
            Assert.True(asStoredByAws.SemanticEquals(merged));
            Assert.Same(asStoredByAws, PolicyMerger.Merge(asStoredByAws, grant));
            Assert.Empty(PolicyMerger.Remove(asStoredByAws, grant).Statements);
            Assert.False(PolicyJson.Parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a:b\",\"Principal\":{\"AWS\":\"222233334444\"}}]}")
                .SemanticEquals(PolicyJson.Parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a:b\",\"Principal\":{\"AWS\":\"arn:aws:iam::222233334444:user/root\"}}]}")));
        }
    }
}
