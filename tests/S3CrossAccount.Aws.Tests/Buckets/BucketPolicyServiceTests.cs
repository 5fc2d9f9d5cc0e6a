using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using S3CrossAccount.Aws.Buckets;
using S3CrossAccount.Aws.Tests.Concurrency;
using S3CrossAccount.Core.Buckets;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;
using S3CrossAccount.Core.Policies.Merging;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Buckets
{
    /// <summary>The merge, idempotency, verification and error paths of the bucket-policy service, over a fake store.</summary>
    public class BucketPolicyServiceTests
    {
        private const string Bucket = "reports-bucket";
        private const string UserB = "arn:aws:iam::222233334444:user/AccountBUserName";
        private const string Foreign = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Foreign\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::333344445555:root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports-bucket/public/*\"}]}";

        private static bool Yes(string target, string action) => true;

        private static PolicyDocument Grant(S3AccessPreset access = S3AccessPreset.ReadWrite, string principal = UserB) =>
            PolicyBuilder.BucketPolicy(new S3AccessRequest(Bucket) { Access = access }, new[] { principal });

        private static string Sid(PolicyDocument grant) => GrantKey.BaseSid(grant.Statements[0]);

        private static (BucketPolicyService Service, FakeBucketPolicyStore Store, List<string> Verbose) Create(string? existing = null)
        {
            var store = new FakeBucketPolicyStore();
            if (existing != null) store.Policies[Bucket] = existing;
            var verbose = new List<string>();
            return (new BucketPolicyService(store, verbose.Add, TestSettings.NoWait()), store, verbose);
        }

        [Fact]
        public void Merge_KeepsTheForeignStatement_WritesOnce_AndTheRerunWritesNothing()
        {
            var (service, store, _) = Create(Foreign);

            var first = service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = Grant() }, Yes)!;
            var second = service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = Grant() }, Yes)!;

            Assert.Equal(Foreign.Substring(0, Foreign.Length - 2) + ",{\"Sid\":\"" + Sid(Grant()) + "\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + UserB + "\"},"
                + "\"Action\":[\"s3:GetObject\",\"s3:PutObject\",\"s3:PutObjectAcl\"],\"Resource\":\"arn:aws:s3:::reports-bucket/*\"}]}", store.Policies[Bucket]);
            Assert.Equal(new[] { "GetBucketPolicy reports-bucket", "PutBucketPolicy reports-bucket", "GetBucketPolicy reports-bucket", "GetBucketPolicy reports-bucket" }, store.Calls);
            Assert.Equal(BucketPolicyWrite.Put, first.Write);
            Assert.Equal(new[] { StatementChangeKind.Added }, first.Changes.Select(c => c.Kind));
            Assert.True(PolicyJson.Parse(Foreign).SemanticEquals(first.PreviousPolicy));
            Assert.Equal(BucketPolicyWrite.None, second.Write);
            Assert.False(second.Changed);
            Assert.Empty(second.Changes);
        }

        [Fact]
        public void NoPolicyYet_IsPut_AndGetReturnsIt()
        {
            var (service, store, verbose) = Create();
            Assert.Null(service.Get(Bucket));
            Assert.Contains("Bucket reports-bucket has no bucket policy.", verbose);

            var result = service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = Grant() }, Yes)!;

            Assert.Null(result.PreviousPolicy);
            var read = service.Get(Bucket)!;
            Assert.Equal(Bucket, read.BucketName);
            Assert.Equal(new[] { Sid(Grant()) }, read.Sids);
            Assert.Equal(new[] { UserB }, read.Principals);
        }

        [Fact]
        public void Replace_Overwrites_ButNotWhenItIsAlreadyThatPolicy()
        {
            var (service, store, _) = Create(Foreign);
            var replacement = PolicyJson.Parse(Foreign.Replace("public/*", "shared/*"));

            var replaced = service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = replacement, Replace = true }, Yes)!;
            store.Calls.Clear();
            var again = service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = replacement, Replace = true }, Yes)!;

            Assert.Equal(Foreign.Replace("public/*", "shared/*"), store.Policies[Bucket]);
            Assert.Equal(new[] { StatementChangeKind.Changed }, replaced.Changes.Select(c => c.Kind));
            Assert.Equal(BucketPolicyWrite.None, again.Write);
            Assert.Equal(new[] { "GetBucketPolicy reports-bucket" }, store.Calls);
        }

        [Fact]
        public void WhatIf_ShowsTheStatementDiff_AndWritesNothing()
        {
            var (service, store, _) = Create(Foreign);
            string? shown = null;

            var result = service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = Grant(S3AccessPreset.Read) }, (target, action) =>
            {
                shown = target + " | " + action;
                return false;
            });

            Assert.Null(result);
            Assert.Equal(new[] { "GetBucketPolicy reports-bucket" }, store.Calls);
            Assert.Equal(Foreign, store.Policies[Bucket]);
            Assert.Equal("reports-bucket | Merge into the bucket policy (1 statement change):" + Environment.NewLine
                + "  Added statement " + Sid(Grant(S3AccessPreset.Read)) + ": {\"Sid\":\"" + Sid(Grant(S3AccessPreset.Read)) + "\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + UserB
                + "\"},\"Action\":[\"s3:GetObject\"],\"Resource\":\"arn:aws:s3:::reports-bucket/*\"}", shown);
        }

        [Fact]
        public void PublicAllow_IsRefusedBeforeAnyCall_UnlessAllowPublic()
        {
            var (service, store, _) = Create();
            var open = PolicyJson.Parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports-bucket/*\"}]}");

            var ex = Assert.Throws<XAccountException>(() => service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = open }, Yes));
            Assert.Equal(ErrorCode.PublicPrincipalNotAllowed, ex.Code);
            Assert.Equal("*", ex.Target);
            Assert.Contains("-AllowPublic", ex.RecommendedAction);
            Assert.Empty(store.Calls);

            Assert.Equal(BucketPolicyWrite.Put, service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = open, AllowPublic = true }, Yes)!.Write);
        }

        [Fact]
        public void DenyForEveryone_IsNotAPublicGrant()
        {
            var (service, _, _) = Create();
            var deny = PolicyJson.Parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::reports-bucket/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}");
            Assert.Equal(BucketPolicyWrite.Put, service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = deny }, Yes)!.Write);
        }

        [Fact]
        public void PolicyOverTwentyKilobytes_IsRefused_AndNothingIsWritten()
        {
            var (service, store, _) = Create(Foreign);
            var principals = Enumerable.Range(0, 400).Select(i => $"arn:aws:iam::222233334444:user/user-with-a-rather-long-name-{i:D4}");
            var huge = PolicyBuilder.BucketPolicy(new S3AccessRequest(Bucket) { Access = S3AccessPreset.Read }, principals);

            var ex = Assert.Throws<XAccountException>(() => service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = huge }, Yes));

            Assert.Equal(ErrorCode.PolicyTooLarge, ex.Code);
            Assert.Equal(Bucket, ex.Target);
            Assert.Equal(new[] { "GetBucketPolicy reports-bucket" }, store.Calls);
        }

        [Fact]
        public void LintErrorInANewStatement_IsRefused_ButAForeignOneDoesNotBlockAMerge()
        {
            // s3:GetObject on the bucket ARN (not bucket/*) is the classic mistake the linter flags as an error.
            const string broken = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Old\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"333344445555\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports-bucket\"}]}";
            var (service, store, _) = Create(broken);
            Assert.Equal(BucketPolicyWrite.Put, service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = Grant() }, Yes)!.Write);

            var (fresh, freshStore, _) = Create();
            var ex = Assert.Throws<XAccountException>(() => fresh.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = PolicyJson.Parse(broken) }, Yes));
            Assert.Equal(ErrorCode.InvalidPolicyDocument, ex.Code);
            Assert.Contains("ObjectActionOnBucketArn", ex.Message);
            Assert.DoesNotContain(freshStore.Calls, c => c.StartsWith("Put", StringComparison.Ordinal));
        }

        [Fact]
        public void FailedWrite_LeavesThePolicyAsItWas_AndTheErrorPassesThrough()
        {
            var (service, store, _) = Create(Foreign);
            store.PutFailure = new XAccountException(ErrorCode.ServiceError, "S3 PutBucketPolicy failed: InternalError", Bucket);

            var ex = Assert.Throws<XAccountException>(() => service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = Grant() }, Yes));

            Assert.Same(store.PutFailure, ex);
            Assert.Equal(Foreign, store.Policies[Bucket]);
        }

        [Fact]
        public void BackupPath_SavesThePreviousTextExactly_ToAFileOrIntoADirectory()
        {
            var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "s3xa-backup-" + Guid.NewGuid().ToString("N"))).FullName;
            try
            {
                var (service, _, _) = Create(Foreign);
                var file = Path.Combine(dir, "before.json");
                var result = service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = Grant(S3AccessPreset.Read), BackupPath = file }, Yes)!;
                Assert.Equal(file, result.BackupPath);
                Assert.Equal(Foreign, File.ReadAllText(file));

                var intoDir = service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = Grant(S3AccessPreset.Write), BackupPath = dir }, Yes)!;
                Assert.Equal(Path.Combine(dir, "reports-bucket.policy.json"), intoDir.BackupPath);
                Assert.True(PolicyJson.Parse(File.ReadAllText(intoDir.BackupPath!)).SemanticEquals(result.Policy));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void BackupThatCannotBeWritten_FailsWithBackupFailed_BeforeAnyWrite()
        {
            var (service, store, _) = Create(Foreign);
            var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "before.json");

            var ex = Assert.Throws<XAccountException>(() => service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = Grant(), BackupPath = path }, Yes));

            Assert.Equal(ErrorCode.BackupFailed, ex.Code);
            Assert.Equal(path, ex.Target);
            Assert.Equal(new[] { "GetBucketPolicy reports-bucket" }, store.Calls);
        }

        [Fact]
        public void RemoveByPrincipal_TakesOnlyOurStatements_ThenDeletesThePolicyWhenNothingIsLeft()
        {
            var (service, store, _) = Create(Foreign);
            service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = Grant() }, Yes);
            store.Calls.Clear();

            // B's statement goes, the foreign statement (C's account) stays even when C is named.
            var removed = service.RemoveStatements(Bucket, p => BucketPolicyEdits.RemoveModulePrincipals(p, new[] { UserB, "333344445555" }), null, Yes)!;
            Assert.Equal(BucketPolicyWrite.Put, removed.Write);
            Assert.Equal(Foreign, store.Policies[Bucket]);
            Assert.Equal(new[] { "GetBucketPolicy reports-bucket", "PutBucketPolicy reports-bucket", "GetBucketPolicy reports-bucket" }, store.Calls);

            // Again: nothing matches, nothing is written.
            store.Calls.Clear();
            Assert.Equal(BucketPolicyWrite.None, service.RemoveStatements(Bucket, p => BucketPolicyEdits.RemoveModulePrincipals(p, new[] { UserB }), null, Yes)!.Write);
            Assert.Equal(new[] { "GetBucketPolicy reports-bucket" }, store.Calls);

            // The last statement by Sid: the policy is deleted, and the read-back confirms it is gone.
            store.Calls.Clear();
            var deleted = service.RemoveStatements(Bucket, p => BucketPolicyEdits.RemoveSids(p, new[] { "Foreign" }), null, Yes)!;
            Assert.Equal(BucketPolicyWrite.Delete, deleted.Write);
            Assert.Null(deleted.Policy);
            Assert.False(store.Policies.ContainsKey(Bucket));
            Assert.Equal(new[] { "GetBucketPolicy reports-bucket", "DeleteBucketPolicy reports-bucket", "GetBucketPolicy reports-bucket" }, store.Calls);
        }

        [Fact]
        public void RemoveGrant_TakesExactlyWhatTheMergeAdded_AndWhatIfSaysThePolicyWouldBeDeleted()
        {
            var (service, store, _) = Create();
            service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = Grant() }, Yes);
            string? shown = null;

            Assert.Null(service.RemoveStatements(Bucket, p => PolicyMerger.Remove(p, Grant()), null, (t, a) => { shown = a; return false; }));
            Assert.StartsWith("Delete the bucket policy (no statement is left) (1 statement change):" + Environment.NewLine + "  Removed statement " + Sid(Grant()), shown);
            Assert.True(store.Policies.ContainsKey(Bucket));

            Assert.Equal(BucketPolicyWrite.Delete, service.RemoveStatements(Bucket, p => PolicyMerger.Remove(p, Grant()), null, Yes)!.Write);
        }

        [Fact]
        public void BadBucketName_IsInvalidBucketName_BeforeAnyCall()
        {
            var (service, store, _) = Create();
            Assert.Equal(ErrorCode.InvalidBucketName, Assert.Throws<XAccountException>(() => service.Get("Not_A_Bucket")).Code);
            Assert.Empty(store.Calls);
        }

        [Fact]
        public void UnparsablePolicyOnTheBucket_IsInvalidPolicyJson_AndNothingIsWritten()
        {
            var (service, store, _) = Create("{\"Statement\": [");
            var ex = Assert.Throws<XAccountException>(() => service.Set(new BucketPolicyRequest { Bucket = Bucket, Policy = Grant() }, Yes));
            Assert.Equal(ErrorCode.InvalidPolicyJson, ex.Code);
            Assert.Equal(new[] { "GetBucketPolicy reports-bucket" }, store.Calls);
        }
    }
}
