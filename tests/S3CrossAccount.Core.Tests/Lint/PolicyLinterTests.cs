using System.Linq;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;
using S3CrossAccount.Core.Policies.Lint;
using Xunit;

namespace S3CrossAccount.Core.Tests.Lint
{
    public class PolicyLinterTests
    {
        private static string[] Codes(string json, PolicyKind kind = PolicyKind.Auto) =>
            PolicyLinter.Lint(PolicyJson.Parse(json), kind).Select(f => f.Code + "@" + f.StatementIndex).ToArray();

        [Fact]
        public void EveryBuilderPolicy_IsClean()
        {
            var request = new S3AccessRequest("bucket") { Access = S3AccessPreset.Console, IncludeObjectVersions = true, Prefix = "f" };
            Assert.Empty(PolicyLinter.Lint(PolicyBuilder.IdentityPolicy(request)));
            Assert.Empty(PolicyLinter.Lint(PolicyBuilder.AccessPolicy(request)));
            Assert.Empty(PolicyLinter.Lint(PolicyBuilder.BucketPolicy(request, new[] { "222233334444" }, new BucketPolicyOptions { RequireBucketOwnerFullControl = OwnerFullControlForm.CannedAcl })));
            Assert.Empty(PolicyLinter.Lint(PolicyBuilder.TrustPolicy(new[] { "222233334444" }, new TrustPolicyOptions { RequireMfa = true, ExternalId = "abc" })));
            Assert.Empty(PolicyLinter.Lint(PolicyBuilder.AssumeRolePolicy(new[] { "arn:aws:iam::111122223333:role/R" })));
        }

        [Fact]
        public void ObjectActionOnBucketArn_AndTheReverse()
        {
            Assert.Equal(new[] { "ObjectActionOnBucketArn@0" }, Codes("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket\"}]}"));
            Assert.Equal(new[] { "BucketActionOnObjectArn@0" }, Codes("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::bucket/*\"}]}"));
            Assert.Empty(Codes("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:ListBucket\",\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::bucket\",\"arn:aws:s3:::bucket/*\"]}]}"));
        }

        [Fact]
        public void UnknownActions_InCatalogServices_Only()
        {
            Assert.Equal(new[] { "UnknownAction@0", "UnknownAction@0" }, Codes("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObjects\",\"sts:AssumeRoles\",\"s3:Get*\",\"ec2:Whatever\",\"s3:getobject\"],\"Resource\":\"*\"}]}"));
            Assert.Equal(new[] { "UnknownAction@0" }, Codes("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:Zap*\",\"Resource\":\"*\"}]}"));
        }

        [Fact]
        public void VersionDuplicatesOperatorsAndSids()
        {
            var codes = Codes("{\"Statement\":[{\"Sid\":\"A-1\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"StringEqual\":{\"a\":\"b\"},\"ForAnyValue:StringLikeIfExists\":{\"c\":\"d\"},\"NullIfExists\":{\"e\":\"true\"}}},{\"Sid\":\"A-1\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}", PolicyKind.ManagedPolicy);
            Assert.Equal(new[] { "MissingVersion@", "DuplicateSid@1", "InvalidSid@0", "InvalidConditionOperator@0", "InvalidConditionOperator@0", "InvalidSid@1" }, codes);
            Assert.Equal(new[] { "OldVersion@" }, Codes("{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"));
        }

        [Fact]
        public void PublicPrincipals_AndOwnerLockout()
        {
            Assert.Equal(new[] { "PublicPrincipalWithoutCondition@0" }, Codes("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}"));
            Assert.Empty(Codes("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-a1b2c3d4e5\"}}}]}"));
            Assert.Equal(new[] { "DenyLocksOutBucketOwner@0" }, Codes("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"]}]}"));
            Assert.Empty(Codes("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}"));
        }

        [Fact]
        public void SizeLimits_PerKind()
        {
            Assert.Equal(2048, PolicyLinter.SizeLimit(PolicyKind.TrustPolicy));
            Assert.Equal(6144, PolicyLinter.SizeLimit(PolicyKind.ManagedPolicy));
            Assert.Equal(20480, PolicyLinter.SizeLimit(PolicyKind.BucketPolicy));
            var principals = Enumerable.Range(0, 100).Select(i => "arn:aws:iam::2222333344" + (i % 100).ToString("00") + ":root").ToArray();
            var trust = PolicyBuilder.TrustPolicy(principals);
            Assert.Equal(PolicyKind.TrustPolicy, PolicyLinter.Infer(trust));
            var finding = PolicyLinter.Lint(trust).Single();
            Assert.Equal("PolicyTooLarge", finding.Code);
            Assert.Equal(FindingSeverity.Error, finding.Severity);
            Assert.Empty(PolicyLinter.Lint(trust, PolicyKind.InlineRolePolicy));
        }

        [Fact]
        public void IamPolicies_AllowOnlyLatin1Characters()
        {
            const string json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/\u00e9t\u00e9/\u20ac*\"}]}";
            var finding = PolicyLinter.Lint(PolicyJson.Parse(json), PolicyKind.ManagedPolicy).Single();
            Assert.Equal("InvalidCharacters", finding.Code);
            Assert.Contains("U+20AC", finding.Message);
            Assert.Empty(PolicyLinter.Lint(PolicyJson.Parse(json), PolicyKind.BucketPolicy));
        }

        [Theory]
        [InlineData("s3:*", "s3:PutBucketPolicy", true)]
        [InlineData("s3:Put*Policy", "s3:PutBucketPolicy", true)]
        [InlineData("s3:Get?bject", "s3:GetObject", true)]
        [InlineData("s3:Get*", "s3:PutObject", false)]
        [InlineData("*", "x", true)]
        public void Wildcards(string pattern, string text, bool matches) => Assert.Equal(matches, Wildcard.Matches(pattern, text, ignoreCase: true));
    }
}
