using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using S3CrossAccount.Aws.Acls;
using S3CrossAccount.Aws.Buckets;
using S3CrossAccount.Aws.Tests.Acls;
using S3CrossAccount.Aws.Tests.Buckets;
using S3CrossAccount.Core.Buckets;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation;
using S3CrossAccount.Core.Evaluation.Acls;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;
using S3CrossAccount.Core.Policies.Merging;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Concurrency
{
    /// <summary>
    /// Write-then-converge over canned stores whose reads return another writer's version: the other
    /// writer's write lands right after this command's write, as it does when two machines race.
    /// </summary>
    public class ConvergeTests
    {
        private const string Bucket = "reports-bucket";
        private const string UserB = "arn:aws:iam::222233334444:user/AccountBUserName";
        private const string UserC = "arn:aws:iam::333344445555:user/Other";
        private const string Foreign = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Foreign\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports-bucket/public/*\"}]}";

        private static bool Yes(string target, string action) => true;

        private static PolicyDocument Grant(string principal) =>
            PolicyBuilder.BucketPolicy(new S3AccessRequest(Bucket) { Access = S3AccessPreset.Read }, new[] { principal });

        private static string Sid(string principal) => GrantKey.BaseSid(Grant(principal).Statements[0]);

        /// <summary>What another writer that read <paramref name="before"/> writes: its own grant merged into that.</summary>
        private static string TheirWrite(string before, string principal) => PolicyJson.Write(PolicyMerger.Merge(PolicyJson.Parse(before), Grant(principal)));

        [Fact]
        public void BucketPolicy_OverwrittenByAnotherWriter_IsMergedIntoTheirsAndWrittenAgain_KeepingTheirStatement()
        {
            var store = new FakeBucketPolicyStore();
            store.Policies[Bucket] = Foreign;
            var theirs = TheirWrite(Foreign, UserC);
            var raced = false;
            store.AfterWrite = policies =>
            {
                if (raced) return;
                raced = true;
                policies[Bucket] = theirs;
            };
            var verbose = new List<string>();
            var service = new BucketPolicyService(store, verbose.Add, TestSettings.NoWait());

            var result = service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = Grant(UserB) }, Yes)!;

            var final = PolicyJson.Parse(store.Policies[Bucket]);
            Assert.Equal(new[] { "Foreign", Sid(UserC), Sid(UserB) }, final.Statements.Select(s => s.Sid));
            Assert.Equal(new[] { "GetBucketPolicy reports-bucket", "PutBucketPolicy reports-bucket", "GetBucketPolicy reports-bucket", "PutBucketPolicy reports-bucket", "GetBucketPolicy reports-bucket" }, store.Calls);
            Assert.Contains(verbose, v => v.StartsWith("Another writer changed the bucket policy of 'reports-bucket' at the same time: after the write, statement '" + Sid(UserB) + "' (added) is missing.", StringComparison.Ordinal)
                && v.Contains("rewrite 1 of 2", StringComparison.Ordinal));
            Assert.True(final.SemanticEquals(result.Policy));
        }

        [Fact]
        public void BucketPolicy_AWriterThatKeepsOverwriting_EndsInConcurrentModification_NamingTargetAndWhatIsMissing_NeverLosingTheirs()
        {
            var store = new FakeBucketPolicyStore();
            store.Policies[Bucket] = Foreign;
            var theirs = TheirWrite(Foreign, UserC);
            var ours = new List<string>();
            store.AfterWrite = policies =>
            {
                ours.Add(policies[Bucket]);
                policies[Bucket] = theirs;
            };
            var service = new BucketPolicyService(store, null, TestSettings.NoWait(retries: 2));

            var ex = Assert.Throws<XAccountException>(() => service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = Grant(UserB) }, Yes));

            Assert.Equal(ErrorCode.ConcurrentModification, ex.Code);
            Assert.Equal(ErrorKind.ResourceUnavailable, ErrorCodeCategories.KindOf(ex.Code));
            Assert.Equal("bucket policy of 'reports-bucket'", ex.Target);
            Assert.Equal("Another writer changed the bucket policy of 'reports-bucket' at the same time, and after 2 rewrite(s) the bucket policy of 'reports-bucket' still lacks what this command changed: statement '"
                + Sid(UserB) + "' (added).", ex.Message);
            Assert.Equal(3, ours.Count);
            // The first write merged into what it read; each rewrite merged into the other writer's version, never dropping its statement.
            Assert.All(ours.Skip(1), written => Assert.Equal(new[] { "Foreign", Sid(UserC), Sid(UserB) }, PolicyJson.Parse(written).Statements.Select(s => s.Sid)));
        }

        [Fact]
        public void BucketPolicy_RemovedStatementPutBackByAnotherWriter_IsRemovedAgain_AndOnlyIt()
        {
            var before = TheirWrite(Foreign, UserB);
            var store = new FakeBucketPolicyStore();
            store.Policies[Bucket] = before;
            // The other writer read the policy before the removal and adds its grant to that version.
            var theirs = TheirWrite(before, UserC);
            var raced = false;
            store.AfterWrite = policies =>
            {
                if (raced) return;
                raced = true;
                policies[Bucket] = theirs;
            };
            var service = new BucketPolicyService(store, null, TestSettings.NoWait());

            service.RemoveStatements(Bucket, p => PolicyMerger.Remove(p, Grant(UserB)), null, Yes);

            Assert.Equal(new[] { "Foreign", Sid(UserC) }, PolicyJson.Parse(store.Policies[Bucket]).Statements.Select(s => s.Sid));
            Assert.Equal(2, store.Calls.Count(c => c.StartsWith("PutBucketPolicy", StringComparison.Ordinal)));
        }

        [Fact]
        public void BucketPolicy_WrittenButTheVerifyingReadFails_SaysItIsInPlace_NamesTheBackup_AndTheRestoreCommand()
        {
            var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "s3xa-converge-" + Guid.NewGuid().ToString("N"))).FullName;
            try
            {
                var store = new FakeBucketPolicyStore();
                store.Policies[Bucket] = Foreign;
                var throttled = new XAccountException(ErrorCode.Throttled, "S3 GetBucketPolicy failed: SlowDown: Please reduce your request rate.", Bucket);
                store.ReadBackFailure = throttled;
                var service = new BucketPolicyService(store, null, TestSettings.NoWait());
                var backup = Path.Combine(dir, "it's.json");

                var ex = Assert.Throws<XAccountException>(() => service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = Grant(UserB), BackupPath = backup }, Yes));

                Assert.Equal(ErrorCode.VerificationFailed, ex.Code);
                Assert.Same(throttled, ex.InnerException);
                Assert.Equal("The new bucket policy of 'reports-bucket' was written and is already in place, but reading it back to verify failed: "
                    + "S3 GetBucketPolicy failed: SlowDown: Please reduce your request rate. The previous policy is saved in " + backup
                    + "; to restore it, run: Set-XAccountBucketPolicy -Bucket reports-bucket -Replace -Policy (Get-Content -Raw -LiteralPath '" + backup.Replace("'", "''") + "').", ex.Message);
                Assert.Equal(Foreign, File.ReadAllText(backup));
                Assert.Contains(Sid(UserB), store.Policies[Bucket]);
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        [Fact]
        public void BucketPolicy_WrittenOnABucketWithoutPolicy_ButUnverified_GivesTheRemoveCommandForWhatWasAdded()
        {
            var store = new FakeBucketPolicyStore { ReadBackFailure = new XAccountException(ErrorCode.ServiceError, "S3 GetBucketPolicy failed: InternalError.", Bucket) };
            var service = new BucketPolicyService(store, null, TestSettings.NoWait());

            var ex = Assert.Throws<XAccountException>(() => service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = Grant(UserB) }, Yes));

            Assert.Equal(ErrorCode.VerificationFailed, ex.Code);
            Assert.EndsWith("The bucket had no policy before; to go back, run: Remove-XAccountBucketPolicyStatement -Bucket reports-bucket -Sid '" + Sid(UserB) + "'.", ex.Message);
        }

        [Fact]
        public void ObjectAcl_OverwrittenByAnotherWriter_GetsOurGrantBack_AndKeepsTheirs()
        {
            var s3 = new FakeS3AclApi();
            var ours = new AclGrant(AclGranteeKind.CanonicalUser, "222233334444$admin", AclPermission.Read);
            var theirs = new AclGrant(AclGranteeKind.CanonicalUser, "333344445555$admin", AclPermission.Read);
            var raced = false;
            s3.AfterWrite = target =>
            {
                if (raced) return;
                raced = true;
                s3.Acls[target] = new List<AclGrant> { FakeS3AclApi.OwnerFullControl, theirs };
            };
            var verbose = new List<string>();
            var service = new AclService(s3, verbose.Add, TestSettings.NoWait(), "test");

            var change = service.Grant("bkt", "k1", new[] { ours }, Yes)!;

            Assert.Equal(new[] { FakeS3AclApi.OwnerFullControl, theirs, ours }, s3.Acls["bkt/k1"]);
            Assert.Equal(new[] { "GetBucketOwnershipControls bkt", "GetObjectAcl bkt/k1", "PutObjectAcl bkt/k1", "GetObjectAcl bkt/k1", "PutObjectAcl bkt/k1", "GetObjectAcl bkt/k1" }, s3.Calls);
            Assert.Contains(verbose, v => v.StartsWith("Another writer changed the object ACL of 'bkt/k1' at the same time: after the write, READ for canonical ID 222233334444$admin is missing.", StringComparison.Ordinal));
            Assert.True(change.Changed);
        }

        [Fact]
        public void ObjectAcl_RevokedGrantPutBackByAnotherWriter_IsRevokedAgain_TheirNewGrantStays()
        {
            var s3 = new FakeS3AclApi();
            var revoked = new AclGrant(AclGranteeKind.CanonicalUser, "222233334444$admin", AclPermission.Read);
            var theirs = new AclGrant(AclGranteeKind.CanonicalUser, "333344445555$admin", AclPermission.Read);
            s3.Acls["bkt/k1"] = new List<AclGrant> { FakeS3AclApi.OwnerFullControl, revoked };
            var raced = false;
            s3.AfterWrite = target =>
            {
                if (raced) return;
                raced = true;
                s3.Acls[target] = new List<AclGrant> { FakeS3AclApi.OwnerFullControl, revoked, theirs };
            };
            var service = new AclService(s3, null, TestSettings.NoWait(), "test");

            service.Revoke("bkt", "k1", new[] { revoked }, Yes);

            Assert.Equal(new[] { FakeS3AclApi.OwnerFullControl, theirs }, s3.Acls["bkt/k1"]);
        }

        [Fact]
        public void ObjectAcl_WrittenButTheVerifyingReadFails_SaysItIsInPlace_AndHowToUndoIt()
        {
            var s3 = new FakeS3AclApi();
            var ours = new AclGrant(AclGranteeKind.CanonicalUser, "222233334444$admin", AclPermission.Read);
            s3.AfterWrite = target => s3.Failures["GetObjectAcl " + target] = new XAccountException(ErrorCode.ServiceError, "S3 GetObjectAcl failed: connection reset.", "bkt");
            var service = new AclService(s3, null, TestSettings.NoWait(), "test");

            var ex = Assert.Throws<XAccountException>(() => service.Grant("bkt", "k1", new[] { ours }, Yes));

            Assert.Equal(ErrorCode.VerificationFailed, ex.Code);
            Assert.Equal("The new object ACL of 'bkt/k1' was written and is already in place, but reading it back to verify failed: S3 GetObjectAcl failed: connection reset. "
                + "To undo it, run Revoke-XAccountAcl -Bucket bkt -Key 'k1' with the same grants (READ for canonical ID 222233334444$admin).", ex.Message);
            Assert.Contains(ours, s3.Acls["bkt/k1"]);
        }
    }
}
