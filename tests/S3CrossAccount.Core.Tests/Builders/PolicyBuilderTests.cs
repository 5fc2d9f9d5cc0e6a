using System.Linq;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;
using Xunit;

namespace S3CrossAccount.Core.Tests.Builders
{
    public class PolicyBuilderTests
    {
        private const string CanonicalId = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";

        [Fact]
        public void TrustPolicy_WithExternalIdMfaOrgAndSeveralPrincipals()
        {
            var p = PolicyBuilder.TrustPolicy(
                new[] { "222233334444", "arn:aws:iam::333344445555:role/ci/Deployer" },
                new TrustPolicyOptions { ExternalId = "Unique-ID_1234", RequireMfa = true, PrincipalOrgId = "o-a1b2c3d4e5" });
            Assert.Equal(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"222233334444\",\"arn:aws:iam::333344445555:role/ci/Deployer\"]},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"Unique-ID_1234\",\"aws:PrincipalOrgID\":\"o-a1b2c3d4e5\"},\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}",
                PolicyJson.Write(p));
        }

        [Theory]
        [InlineData("x", ErrorCode.InvalidExternalId)]
        [InlineData("has space", ErrorCode.InvalidExternalId)]
        public void TrustPolicy_RejectsBadExternalId(string externalId, ErrorCode code)
        {
            var ex = Assert.Throws<XAccountException>(() => PolicyBuilder.TrustPolicy(new[] { "222233334444" }, new TrustPolicyOptions { ExternalId = externalId }));
            Assert.Equal(code, ex.Code);
            Assert.Equal(externalId, ex.Target);
        }

        [Theory]
        [InlineData("o-short")]
        [InlineData("r-a1b2c3d4e5")]
        [InlineData("o-A1B2C3D4E5")]
        public void TrustPolicy_RejectsBadOrgId(string org)
        {
            var ex = Assert.Throws<XAccountException>(() => PolicyBuilder.TrustPolicy(new[] { "222233334444" }, new TrustPolicyOptions { PrincipalOrgId = org }));
            Assert.Equal(ErrorCode.InvalidOrganizationId, ex.Code);
        }

        [Fact]
        public void PublicPrincipal_IsRefusedUnlessAllowed()
        {
            var request = new S3AccessRequest("bucket");
            var ex = Assert.Throws<XAccountException>(() => PolicyBuilder.BucketPolicy(request, new[] { "*" }));
            Assert.Equal(ErrorCode.PublicPrincipalNotAllowed, ex.Code);
            Assert.Equal(ErrorCode.PublicPrincipalNotAllowed, Assert.Throws<XAccountException>(() => PolicyBuilder.TrustPolicy(new[] { "222233334444", "*" })).Code);

            var pub = PolicyBuilder.BucketPolicy(request, new[] { "*" }, new BucketPolicyOptions { AllowPublic = true });
            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"s3:GetObject\"],\"Resource\":\"arn:aws:s3:::bucket/*\"}]}", PolicyJson.Write(pub));
        }

        [Fact]
        public void BucketPolicy_CanonicalUserPrincipal_AndCannedAclDeny()
        {
            var p = PolicyBuilder.BucketPolicy(
                new S3AccessRequest("bucket") { Access = S3AccessPreset.Write },
                new[] { "222233334444", CanonicalId },
                new BucketPolicyOptions { RequireBucketOwnerFullControl = OwnerFullControlForm.CannedAcl });
            Assert.Equal(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"222233334444\",\"CanonicalUser\":\"" + CanonicalId + "\"},\"Action\":[\"s3:PutObject\",\"s3:PutObjectAcl\"],\"Resource\":\"arn:aws:s3:::bucket/*\"},"
                + "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"222233334444\",\"CanonicalUser\":\"" + CanonicalId + "\"},\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::bucket/*\",\"Condition\":{\"StringNotEquals\":{\"s3:x-amz-acl\":\"bucket-owner-full-control\"}}}]}",
                PolicyJson.Write(p));
        }

        [Fact]
        public void BucketPolicy_OwnerFullControl_NeedsPutObjectAndCanonicalId()
        {
            var noPut = Assert.Throws<XAccountException>(() => PolicyBuilder.BucketPolicy(new S3AccessRequest("bucket"), new[] { "222233334444" },
                new BucketPolicyOptions { RequireBucketOwnerFullControl = OwnerFullControlForm.CannedAcl }));
            Assert.Equal(ErrorCode.InvalidParameterCombination, noPut.Code);
            var noId = Assert.Throws<XAccountException>(() => PolicyBuilder.BucketPolicy(new S3AccessRequest("bucket") { Access = S3AccessPreset.Write }, new[] { "222233334444" },
                new BucketPolicyOptions { RequireBucketOwnerFullControl = OwnerFullControlForm.GrantFullControlHeader }));
            Assert.Equal(ErrorCode.InvalidParameterCombination, noId.Code);
            Assert.Equal("BucketOwnerCanonicalId", noId.Target);
        }

        [Fact]
        public void ExplicitActions_GoToTheirResourceKinds()
        {
            var p = PolicyBuilder.IdentityPolicy(new S3AccessRequest("bucket") { Actions = new[] { "s3:ListAllMyBuckets", "s3:GetObject", "s3:ListBucket", "s3:GetObjectAcl", "s3:Get*" }, Partition = "aws-cn" });
            Assert.Equal(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:ListAllMyBuckets\"],\"Resource\":\"arn:aws-cn:s3:::*\"},{\"Effect\":\"Allow\",\"Action\":[\"s3:ListBucket\",\"s3:Get*\"],\"Resource\":\"arn:aws-cn:s3:::bucket\"},{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:GetObjectAcl\",\"s3:Get*\"],\"Resource\":\"arn:aws-cn:s3:::bucket/*\"}]}",
                PolicyJson.Write(p));
        }

        [Theory]
        [InlineData("GetObject")]
        [InlineData("s3:Get Object")]
        [InlineData("sts:AssumeRole")]
        [InlineData("*")]
        [InlineData("S3 :GetObject")]
        public void ExplicitActions_AreValidated(string action)
        {
            var ex = Assert.Throws<XAccountException>(() => PolicyBuilder.IdentityPolicy(new S3AccessRequest("bucket") { Actions = new[] { action } }));
            Assert.Equal(ErrorCode.InvalidAction, ex.Code);
            Assert.Equal(action, ex.Target);
        }

        [Fact]
        public void ListWithPrefix_LimitsListingByS3Prefix()
        {
            var p = PolicyBuilder.IdentityPolicy(new S3AccessRequest("bucket") { Access = S3AccessPreset.Console, Prefix = "team" });
            Assert.Equal(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:ListAllMyBuckets\"],\"Resource\":\"arn:aws:s3:::*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":[\"s3:ListBucket\"],\"Resource\":\"arn:aws:s3:::bucket\",\"Condition\":{\"StringLike\":{\"s3:prefix\":\"team/*\"}}},"
                + "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetBucketLocation\"],\"Resource\":\"arn:aws:s3:::bucket\"},"
                + "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\",\"s3:PutObjectAcl\"],\"Resource\":\"arn:aws:s3:::bucket/team/*\"}]}",
                PolicyJson.Write(p));
        }

        [Fact]
        public void BucketPolicy_RefusesAccountLevelActions_AndConsoleDropsListAllMyBuckets()
        {
            Assert.Equal(ErrorCode.InvalidAction, Assert.Throws<XAccountException>(() =>
                PolicyBuilder.BucketPolicy(new S3AccessRequest("bucket") { Actions = new[] { "s3:ListAllMyBuckets" } }, new[] { "222233334444" })).Code);
            var console = PolicyBuilder.BucketPolicy(new S3AccessRequest("bucket") { Access = S3AccessPreset.Console }, new[] { "222233334444" });
            Assert.DoesNotContain(console.Statements, s => s.Action!.Contains("s3:ListAllMyBuckets"));
            Assert.Equal(2, console.StatementCount);
        }

        [Fact]
        public void AssumeRolePolicy_NeedsRoleArns()
        {
            var ex = Assert.Throws<XAccountException>(() => PolicyBuilder.AssumeRolePolicy(new[] { "arn:aws:iam::111122223333:user/Dave" }));
            Assert.Equal(ErrorCode.InvalidArn, ex.Code);
            var two = PolicyBuilder.AssumeRolePolicy(new[] { "arn:aws:iam::111122223333:role/A", "arn:aws:iam::111122223333:role/B" });
            Assert.Equal(new[] { "arn:aws:iam::111122223333:role/A", "arn:aws:iam::111122223333:role/B" }, two.Statements.Single().Resource!.Values);
            Assert.False(two.StatementIsSingleObject && two.StatementCount != 1);
        }

        [Fact]
        public void TrustPolicy_RefusesCanonicalUser()
        {
            Assert.Equal(ErrorCode.InvalidPrincipal, Assert.Throws<XAccountException>(() => PolicyBuilder.TrustPolicy(new[] { CanonicalId })).Code);
        }
    }
}
