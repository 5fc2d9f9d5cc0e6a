using System.Linq;
using S3CrossAccount.Core.Buckets;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;
using S3CrossAccount.Core.Policies.Merging;
using Xunit;

namespace S3CrossAccount.Core.Tests.Buckets
{
    public class BucketPolicyEditsTests
    {
        private const string UserB = "arn:aws:iam::222233334444:user/AccountBUserName";
        private const string Foreign = "{\"Sid\":\"Foreign\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::222233334444:root\"},\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::bucket\"}";

        private static PolicyDocument Grant(params string[] principals) =>
            PolicyBuilder.BucketPolicy(new S3AccessRequest("bucket") { Access = S3AccessPreset.Read }, principals);

        private static PolicyDocument WithForeign(PolicyDocument grant) =>
            PolicyMerger.Merge(PolicyJson.Parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + Foreign + "]}"), grant);

        [Fact]
        public void RemovePrincipal_TakesOurStatementForIt_AndNeverAForeignOne()
        {
            // The foreign statement names B's account too (as its root ARN); it stays.
            var policy = WithForeign(Grant("222233334444"));

            var result = BucketPolicyEdits.RemoveModulePrincipals(policy, new[] { "arn:aws:iam::222233334444:root" });

            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[" + Foreign + "]}", PolicyJson.Write(result));
        }

        [Fact]
        public void RemovePrincipal_FromAStatementNamingSeveral_KeepsTheOthers_UnderTheSidOfTheirOwnGrant()
        {
            var policy = WithForeign(Grant(UserB, "333344445555"));

            var result = BucketPolicyEdits.RemoveModulePrincipals(policy, new[] { UserB });

            var kept = result.Statements.Last();
            Assert.Equal(new[] { "333344445555" }, kept.Principal!.Describe());
            // Exactly the statement a grant for C alone would have produced, so PolicyMerger finds it again.
            Assert.True(result.SemanticEquals(WithForeign(Grant("333344445555"))));
            Assert.Same(result, PolicyMerger.Merge(result, Grant("333344445555")));
        }

        [Fact]
        public void RemovePrincipal_ThatIsNotThere_ReturnsTheSamePolicy()
        {
            var policy = WithForeign(Grant(UserB));
            Assert.Same(policy, BucketPolicyEdits.RemoveModulePrincipals(policy, new[] { "444455556666" }));
        }

        [Fact]
        public void RemovePrincipal_RejectsAnInvalidPrincipal()
        {
            var ex = Assert.Throws<XAccountException>(() => BucketPolicyEdits.RemoveModulePrincipals(Grant(UserB), new[] { "12345" }));
            Assert.Equal(ErrorCode.InvalidAccountId, ex.Code);
            Assert.Equal("12345", ex.Target);
        }

        [Fact]
        public void RemoveSids_IsExactAndCaseSensitive()
        {
            var policy = WithForeign(Grant(UserB));
            Assert.Same(policy, BucketPolicyEdits.RemoveSids(policy, new[] { "foreign" }));
            Assert.Equal(new[] { GrantKey.BaseSid(Grant(UserB).Statements[0]) }, BucketPolicyEdits.RemoveSids(policy, new[] { "Foreign" }).Sids);
        }

        [Fact]
        public void EmptyPolicy_IsNotWritable()
        {
            var ex = Assert.Throws<XAccountException>(() => BucketPolicyEdits.EnsureWritable(null, new PolicyDocument(), "bucket"));
            Assert.Equal(ErrorCode.InvalidPolicyDocument, ex.Code);
            Assert.Equal("bucket", ex.Target);
        }

        [Fact]
        public void DuplicateSid_IsAnError_EvenWhenOneOfThemWasThereBefore()
        {
            var current = PolicyJson.Parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + Foreign + "]}");
            var wanted = current with { Statements = current.Statements.Concat(new[] { current.Statements[0] with { Action = PolicyValueList.Single("s3:GetBucketLocation") } }).ToList() };
            var ex = Assert.Throws<XAccountException>(() => BucketPolicyEdits.EnsureWritable(current, wanted, "bucket"));
            Assert.Equal(ErrorCode.InvalidPolicyDocument, ex.Code);
            Assert.Contains("DuplicateSid", ex.Message);
        }

        [Fact]
        public void PublicGrant_IsRefused_NamingTheSid()
        {
            var open = PolicyJson.Parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Open\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket/*\"}]}");
            var ex = Assert.Throws<XAccountException>(() => BucketPolicyEdits.EnsureNoPublicGrant(open, "bucket"));
            Assert.Equal(ErrorCode.PublicPrincipalNotAllowed, ex.Code);
            Assert.Contains("(Open)", ex.Message);
        }
    

        [Fact]
        public void AllowWithNotPrincipal_IsAPublicGrant_ButDenyForEveryoneIsNot()
        {
            var allowAllBut = PolicyJson.Parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket/*\"}]}");
            Assert.Equal(ErrorCode.PublicPrincipalNotAllowed, Assert.Throws<XAccountException>(() => BucketPolicyEdits.EnsureNoPublicGrant(allowAllBut, "bucket")).Code);

            var denyAll = PolicyJson.Parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::bucket/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}");
            BucketPolicyEdits.EnsureNoPublicGrant(denyAll, "bucket");
        }
    }
}
