using System;
using System.Linq;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation.Acls;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;
using S3CrossAccount.Core.Policies.Merging;
using S3CrossAccount.Core.Probes;
using S3CrossAccount.Core.Setup;
using Xunit;

namespace S3CrossAccount.Core.Tests.Setup
{
    /// <summary>The steps of each seed method, their documents and order, and the result's Completed/Verified logic.</summary>
    public class SetupPlannerTests
    {
        private const string Dave = "arn:aws:iam::222233334444:user/Dave";

        private static string[] Lines(System.Collections.Generic.IReadOnlyList<XAccountSetupStep> steps) =>
            steps.Select(s => $"{s.Order} {s.Side} {s.Kind} {s.Operation} {s.Target} {s.Status}").ToArray();

        [Fact]
        public void BucketPolicy_ForAUser_BucketPolicyThenIdentityPolicy_WithTheirDocuments()
        {
            var request = new SetupRequest(SetupMethod.BucketPolicy, "examplebucket", Dave) { Prefix = "in/", Access = S3AccessPreset.ReadWrite };
            var steps = SetupPlanner.Plan(request, null);

            Assert.Equal(new[]
            {
                "1 BucketAccount BucketPolicy S3 PutBucketPolicy examplebucket Planned",
                "2 GranteeAccount IdentityPolicy IAM PutUserPolicy user Dave/S3CrossAccountAccess Planned",
            }, Lines(steps));
            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + Dave + "\"},\"Action\":[\"s3:GetObject\",\"s3:PutObject\",\"s3:PutObjectAcl\"],\"Resource\":\"arn:aws:s3:::examplebucket/in/*\"}]}",
                steps[0].DocumentJson);
            var sid = steps[1].Document!.Statements.Single().Sid;
            Assert.True(GrantKey.IsModuleSid(sid));
            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\",\"s3:PutObjectAcl\"],\"Resource\":\"arn:aws:s3:::examplebucket/in/*\"}]}",
                steps[1].DocumentJson);
        }

        [Fact]
        public void BucketPolicy_ForARole_UsesPutRolePolicy_AndTheGivenIdentityName()
        {
            var request = new SetupRequest(SetupMethod.BucketPolicy, "examplebucket", "arn:aws:iam::222233334444:role/path/Batch") { GranteeIdentityName = "Batch2" };
            Assert.Equal("2 GranteeAccount IdentityPolicy IAM PutRolePolicy role Batch2/S3CrossAccountAccess Planned", Lines(SetupPlanner.Plan(request, null))[1]);
        }

        [Theory]
        [InlineData("222233334444")]
        [InlineData("arn:aws:iam::222233334444:root")]
        public void AnAccountGrantee_SkipsTheOtherSidesIdentityPolicy_SayingItsAdministratorDelegates(string grantee)
        {
            foreach (var method in new[] { SetupMethod.BucketPolicy, SetupMethod.Role })
            {
                var step = SetupPlanner.Plan(new SetupRequest(method, "examplebucket", grantee), "111122223333").Single(s => s.Side == SetupSide.GranteeAccount && s.Kind != SetupStepKind.AssumeRole);
                Assert.Equal(SetupStepStatus.Skipped, step.Status);
                Assert.Equal("account 222233334444", step.Target);
                Assert.Equal("The grantee is account 222233334444 itself: its administrator must delegate the access to a user or role there (seed 002, step 3).", step.Detail);
            }
        }

        [Theory]
        [InlineData(S3AccessPreset.Read, "", "READ")]
        [InlineData(S3AccessPreset.Write, "WRITE", "")]
        [InlineData(S3AccessPreset.ReadWrite, "WRITE", "READ")]
        [InlineData(S3AccessPreset.List, "READ", "")]
        [InlineData(S3AccessPreset.Console, "READ WRITE", "READ")]
        public void Acl_MapsThePresetToBucketAndObjectPermissions(S3AccessPreset access, string bucket, string objects)
        {
            var request = new SetupRequest(SetupMethod.Acl, "examplebucket", "222233334444") { Access = access };
            var (b, o) = SetupPlanner.AclPermissions(request);
            Assert.Equal(bucket, string.Join(" ", b.Select(AclGrant.PermissionName).OrderBy(x => x, StringComparer.Ordinal)));
            Assert.Equal(objects, string.Join(" ", o.Select(AclGrant.PermissionName)));
        }

        [Fact]
        public void Acl_SetupGrantsBucketThenObjects_RemovalRevokesObjectsThenBucket()
        {
            var request = new SetupRequest(SetupMethod.Acl, "examplebucket", "222233334444") { Prefix = "in/", Access = S3AccessPreset.ReadWrite };
            Assert.Equal(new[]
            {
                "1 GranteeAccount CanonicalId S3 ListBuckets account 222233334444 Planned",
                "2 BucketAccount BucketAcl S3 PutBucketAcl examplebucket Planned",
                "3 BucketAccount ObjectAcl S3 PutObjectAcl examplebucket/in/* Planned",
            }, Lines(SetupPlanner.Plan(request, null)));
            Assert.Equal(new[]
            {
                "1 GranteeAccount CanonicalId S3 ListBuckets account 222233334444 Planned",
                "2 BucketAccount ObjectAcl S3 PutObjectAcl examplebucket/in/* Planned",
                "3 BucketAccount BucketAcl S3 PutBucketAcl examplebucket Planned",
            }, Lines(SetupPlanner.PlanRemoval(request, null)));
            Assert.Equal("Add READ for account 222233334444 on the ACL of every object under the prefix", SetupPlanner.Plan(request, null)[2].Detail);
        }

        [Fact]
        public void Acl_RefusesAnActionNoAclCarries()
        {
            var request = new SetupRequest(SetupMethod.Acl, "examplebucket", "222233334444") { Actions = new[] { "s3:GetObject", "s3:DeleteObject" } };
            var ex = Assert.Throws<XAccountException>(() => SetupPlanner.Plan(request, null));
            Assert.Equal(ErrorCode.InvalidAclGrant, ex.Code);
            Assert.Equal("s3:DeleteObject", ex.Target);
        }

        [Theory]
        [InlineData(SetupMethod.Acl, Dave)]
        [InlineData(SetupMethod.Acl, "arn:aws:iam::222233334444:role/R")]
        [InlineData(SetupMethod.BucketPolicy, "*")]
        [InlineData(SetupMethod.Role, "arn:aws:sts::222233334444:assumed-role/R/s1")]
        public void GranteesAMethodCannotTake_AreRefused(SetupMethod method, string grantee)
        {
            var ex = Assert.Throws<XAccountException>(() => new SetupRequest(method, "examplebucket", grantee));
            Assert.Equal(ErrorCode.InvalidSetupGrantee, ex.Code);
            Assert.Equal(grantee, ex.Target);
            Assert.NotNull(ex.RecommendedAction);
        }

        [Fact]
        public void Role_BeforeTheRoleExists_NamesItByName_AndWithTheAccountByArn()
        {
            var request = new SetupRequest(SetupMethod.Role, "examplebucket", Dave) { RoleName = "examplerole" };
            var unknown = SetupPlanner.Plan(request, null);
            Assert.Equal(new[]
            {
                "1 BucketAccount Role IAM CreateRole examplerole Planned",
                "2 BucketAccount RoleAccessPolicy IAM PutRolePolicy examplerole/S3CrossAccountAccess Planned",
                "3 GranteeAccount AssumeRolePolicy IAM PutUserPolicy user Dave/S3CrossAccountAssumeRole Planned",
                "4 GranteeAccount AssumeRole STS AssumeRole examplerole Planned",
            }, Lines(unknown));
            Assert.Null(unknown[2].Document);
            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + Dave + "\"},\"Action\":\"sts:AssumeRole\"}]}", unknown[0].DocumentJson);
            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":\"arn:aws:s3:::examplebucket/*\"}]}", unknown[1].DocumentJson);

            var known = SetupPlanner.Plan(request, "111122223333");
            Assert.Equal("arn:aws:iam::111122223333:role/examplerole", known[3].Target);
            var assume = known[2].Document!.Statements.Single();
            Assert.Equal(new[] { "arn:aws:iam::111122223333:role/examplerole" }, assume.Resource!.ToArray());
            Assert.True(GrantKey.IsModuleSid(assume.Sid));

            Assert.Equal(new[]
            {
                "1 GranteeAccount AssumeRolePolicy IAM DeleteUserPolicy or PutUserPolicy user Dave/S3CrossAccountAssumeRole Planned",
                "2 BucketAccount Role IAM DeleteRole examplerole Planned",
            }, Lines(SetupPlanner.PlanRemoval(request, "111122223333")));
        }

        [Fact]
        public void DefaultRoleName_NamesGranteeAndBucket_WithinIamsLimit()
        {
            Assert.Equal("XAccount-222233334444-examplebucket", SetupPlanner.DefaultRoleName("examplebucket", "222233334444"));
            // Cut at 64 characters, and a cut that ends on a separator drops it.
            var bucket = new string('a', 41) + "-" + new string('b', 20);
            var longName = SetupPlanner.DefaultRoleName(bucket, "222233334444");
            Assert.Equal("XAccount-222233334444-" + new string('a', 41), longName);
            Assert.Equal(64, SetupPlanner.DefaultRoleName(new string('a', 50), "222233334444").Length);
            Assert.Equal(longName, new SetupRequest(SetupMethod.Role, bucket, "222233334444").EffectiveRoleName);
        }

        [Fact]
        public void TheSetupsDocuments_AreTakenOutExactly_NextToForeignStatements()
        {
            var request = new SetupRequest(SetupMethod.BucketPolicy, "examplebucket", Dave) { Access = S3AccessPreset.Read };
            var foreign = PolicyJson.Parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Foreign\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::examplebucket/other/*\"}]}");
            foreach (var grant in new[] { SetupPlanner.IdentityPolicyGrant(request), SetupPlanner.BucketPolicyGrant(request) })
            {
                var merged = PolicyMerger.Merge(foreign, grant);
                Assert.Equal(2, merged.StatementCount);
                Assert.Equal(PolicyJson.Write(foreign), PolicyJson.Write(PolicyMerger.Remove(merged, grant)));
            }

            // A foreign statement that already grants the same: the setup adds nothing and the removal leaves it.
            var covering = PolicyJson.Parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Foreign\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::examplebucket/*\"}]}");
            var unchanged = PolicyMerger.Merge(covering, SetupPlanner.IdentityPolicyGrant(request));
            Assert.Same(covering, unchanged);
            Assert.Same(covering, PolicyMerger.Remove(covering, SetupPlanner.IdentityPolicyGrant(request)));

            // Written alone (no policy before), the identity grant keeps its Sid, so the removal still finds it.
            var alone = SetupPlanner.IdentityPolicyGrant(request);
            Assert.Equal(0, PolicyMerger.Remove(alone, SetupPlanner.IdentityPolicyGrant(request)).StatementCount);
        }

        [Fact]
        public void Result_IsCompletedOnlyWhenEveryStepRan_AndVerifiedFromTheReadsTheGrantGives()
        {
            var request = new SetupRequest(SetupMethod.BucketPolicy, "examplebucket", "222233334444") { Access = S3AccessPreset.Read };
            var steps = SetupPlanner.Plan(request, null);
            var done = steps.Select(s => s.Status == SetupStepStatus.Planned ? s.With(new SetupStatusUpdate(SetupStepStatus.Changed, "x")) : s).ToList();
            var getAllowed = new LiveProbeResult("examplebucket", "k1", "s3:GetObject", ProbeOutcome.Allowed, null, null);
            var aclDenied = new LiveProbeResult("examplebucket", "k1", "s3:GetObjectAcl", ProbeOutcome.Denied, "AccessDenied", null);
            var getDenied = new LiveProbeResult("examplebucket", "k1", "s3:GetObject", ProbeOutcome.Denied, "AccessDenied", null);
            var getSkipped = new LiveProbeResult("examplebucket", null, "s3:GetObject", ProbeOutcome.Skipped, null, null);

            var ok = new XAccountSetupResult(request, false, done, new[] { getAllowed, aclDenied });
            Assert.True(ok.Completed);
            Assert.Equal(true, ok.Verified);
            Assert.Single(ok.Changed);
            Assert.Equal(false, new XAccountSetupResult(request, false, done, new[] { getDenied, aclDenied }).Verified);
            Assert.Null(new XAccountSetupResult(request, false, done, new[] { getSkipped, aclDenied }).Verified);
            Assert.False(new XAccountSetupResult(request, false, steps, Array.Empty<LiveProbeResult>()).Completed);
            var failed = done.Take(1).Select(s => s.With(new SetupStatusUpdate(SetupStepStatus.Failed, "boom"))).Concat(done.Skip(1)).ToList();
            Assert.False(new XAccountSetupResult(request, false, failed, Array.Empty<LiveProbeResult>()).Completed);
            Assert.Null(new XAccountSetupResult(request, true, done, Array.Empty<LiveProbeResult>()).Verified);
        }
    }
}
