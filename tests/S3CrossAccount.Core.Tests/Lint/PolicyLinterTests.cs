using System.Linq;
using S3CrossAccount.Core.Evaluation.Conditions;
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

        [Theory]
        [InlineData("\"AWS\":\"222233334444\"", "\"s3:*\"", "\"*\"", "AllS3ActionsOnEveryResource@0")]
        [InlineData("\"AWS\":[\"arn:aws:iam::222233334444:user/bob\"]", "\"*\"", "[\"*\"]", "AllS3ActionsOnEveryResource@0")]
        [InlineData("\"AWS\":\"arn:aws:iam::222233334444:root\"", "[\"s3:GetObject\",\"s3:*\"]", "\"arn:aws:s3:::*\"", "AllS3ActionsOnEveryResource@0")]
        [InlineData("\"CanonicalUser\":\"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be\"", "\"S3:*\"", "\"*\"", "AllS3ActionsOnEveryResource@0")]
        [InlineData("\"AWS\":\"222233334444\"", "\"s3:*\"", "[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"]", "")]
        [InlineData("\"AWS\":\"222233334444\"", "\"s3:GetObject\"", "\"*\"", "")]
        public void AllS3ActionsOnEveryResource_ForANamedPrincipal_IsAWarning(string principal, string action, string resource, string expected)
        {
            var json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{" + principal + "},\"Action\":" + action + ",\"Resource\":" + resource + "}]}";
            Assert.Equal(expected.Length == 0 ? new string[0] : new[] { expected }, Codes(json, PolicyKind.BucketPolicy));
            var denied = json.Replace("\"Allow\"", "\"Deny\"");
            Assert.DoesNotContain("AllS3ActionsOnEveryResource@0", Codes(denied, PolicyKind.BucketPolicy));
        }

        [Theory]
        [InlineData("{\"Bool\":{\"aws:SecureTransport\":\"true\"}}", "PublicPrincipalNotLimited@0")]
        [InlineData("{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-1a2b3c4d\"}}", "PublicPrincipalNotLimited@0")]
        [InlineData("{\"StringEqualsIfExists\":{\"aws:SourceVpce\":\"vpce-1a2b3c4d\"}}", "PublicPrincipalNotLimited@0")]
        [InlineData("{\"StringLike\":{\"aws:PrincipalArn\":\"*\"}}", "PublicPrincipalNotLimited@0")]
        [InlineData("{\"IpAddress\":{\"aws:SourceIp\":\"0.0.0.0/0\"}}", "PublicPrincipalNotLimited@0")]
        [InlineData("{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1a2b3c4d\"},\"Bool\":{\"aws:SecureTransport\":\"true\"}}", "")]
        [InlineData("{\"IpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\",\"2001:DB8::/32\"]}}", "")]
        [InlineData("{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::222233334444:role/*\"}}", "")]
        [InlineData("{\"StringEquals\":{\"AWS:SOURCEACCOUNT\":\"222233334444\"}}", "")]
        public void PublicPrincipal_NeedsAConditionThatFixesTheCaller(string condition, string expected) =>
            Assert.Equal(expected, string.Join(",", Codes("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":" + condition + "}]}")));

        [Theory]
        [InlineData("{\"AWS\":\"arn:aws:iam::111122223333:user/Alice\"}", "DenyLocksOutBucketOwner@0")]
        [InlineData("{\"AWS\":[\"arn:aws:iam::111122223333:role/Admin\",\"arn:aws:sts::111122223333:assumed-role/Admin/s1\"]}", "DenyLocksOutBucketOwner@0")]
        [InlineData("{\"AWS\":[\"arn:aws:iam::111122223333:user/Alice\",\"111122223333\"]}", "")]
        [InlineData("{\"AWS\":[\"arn:aws:iam::111122223333:user/Alice\",\"arn:aws:iam::111122223333:root\"]}", "")]
        public void DenyWithNotPrincipal_ThatExemptsNoAccount_LocksOutTheOwner(string notPrincipal, string expected) =>
            Assert.Equal(expected, string.Join(",", Codes("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"NotPrincipal\":" + notPrincipal + ",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"]}]}", PolicyKind.BucketPolicy)));

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
            Assert.DoesNotContain(PolicyLinter.Lint(trust, PolicyKind.InlineRolePolicy), f => f.Code == "PolicyTooLarge");
        }

        [Fact]
        public void BucketPolicy_Over20Kilobytes_IsTooLarge_AndTheLimitIsInclusive()
        {
            // Grow one resource list until the compact JSON is exactly the limit, then add one byte.
            string Policy(int pad) => "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"222233334444\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/" + new string('k', pad) + "\"}]}";
            var baseLength = Policy(0).Length;
            Assert.Empty(Codes(Policy(20480 - baseLength), PolicyKind.BucketPolicy));
            Assert.Equal(new[] { "PolicyTooLarge@" }, Codes(Policy(20481 - baseLength), PolicyKind.BucketPolicy));
        }

        [Fact]
        public void IamPolicies_AllowOnlyLatin1Characters()
        {
            const string json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/\u00e9t\u00e9/\u20ac*\"}]}";
            var finding = PolicyLinter.Lint(PolicyJson.Parse(json), PolicyKind.ManagedPolicy).Single();
            Assert.Equal("InvalidCharacters", finding.Code);
            Assert.Contains("U+20AC", finding.Message);
            Assert.DoesNotContain(PolicyLinter.Lint(PolicyJson.Parse(json), PolicyKind.BucketPolicy), f => f.Code == "InvalidCharacters");
        }

        private const string Allow = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",";

        [Theory]
        [InlineData("\"Action\":\"GetObject\",\"Resource\":\"*\"}]}", "MalformedAction@0")]
        [InlineData("\"Action\":[\"s3:\",\":GetObject\",\"s3 :GetObject\"],\"Resource\":\"*\"}]}", "MalformedAction@0,MalformedAction@0,MalformedAction@0")]
        [InlineData("\"Action\":\"s3:GetObject\",\"Resource\":[\"bucket/*\",\"arn:aws:s3:bucket\"]}]}", "MalformedResource@0,MalformedResource@0")]
        [InlineData("\"NotAction\":\"s3:Get*\",\"NotResource\":\"arn:aws:s3:::b/${aws:username}/*\"}]}", "")]
        public void MalformedActionsAndResources_AreErrors_NotCrashes(string rest, string expected) =>
            Assert.Equal(expected, string.Join(",", Codes(Allow + rest, PolicyKind.ManagedPolicy)));

        [Theory]
        [InlineData("{\"AWS\":\"arn:aws:iam::*:root\"}", "WildcardInPrincipal@0")]
        [InlineData("{\"AWS\":\"arn:aws:iam::222233334444:user/*\"}", "WildcardInPrincipal@0")]
        [InlineData("{\"AWS\":\"AccountB\"}", "InvalidPrincipal@0")]
        [InlineData("{\"AWS\":\"arn:aws:iam::222233334444:group/Admins\"}", "InvalidPrincipal@0")]
        [InlineData("{\"AWS\":\"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be\"}", "InvalidPrincipal@0")]
        [InlineData("{\"CanonicalUser\":\"222233334444\"}", "InvalidPrincipal@0")]
        [InlineData("{\"AWS\":\"AIDACKCEVSQ6C2EXAMPLE\"}", "DeletedPrincipal@0")]
        [InlineData("{\"AWS\":[\"222233334444\",\"arn:aws:iam::222233334444:root\",\"arn:aws-cn:iam::222233334444:role/p/R\",\"arn:aws:sts::222233334444:assumed-role/R/s1\",\"arn:aws:sts::222233334444:federated-user/Bob\",\"arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHEXAMPLE\"],\"CanonicalUser\":\"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be\",\"Service\":\"logging.s3.amazonaws.com\"}", "")]
        public void PrincipalValues_AreChecked(string principal, string expected) =>
            Assert.Equal(expected, string.Join(",", Codes(Allow + "\"Principal\":" + principal + ",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}", PolicyKind.BucketPolicy)));

        [Fact]
        public void FindingSeverities_OfThePrincipalChecks()
        {
            var findings = PolicyLinter.Lint(PolicyJson.Parse(Allow + "\"Principal\":{\"AWS\":[\"AROADBQP57FF2AEXAMPLE\",\"arn:aws:iam::*:root\"]},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}"), PolicyKind.BucketPolicy);
            Assert.Equal(new[] { FindingSeverity.Warning, FindingSeverity.Error }, findings.Select(f => f.Severity).ToArray());
            Assert.Contains("aws:PrincipalArn", findings[1].Message);
        }

        [Theory]
        [InlineData(PolicyKind.BucketPolicy, "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"", "MissingPrincipal@0")]
        [InlineData(PolicyKind.BucketPolicy, "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}", "MissingResource@0,PublicPrincipalNotLimited@0")]
        [InlineData(PolicyKind.BucketPolicy, "\"NotPrincipal\":{\"AWS\":\"222233334444\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"", "AllowWithNotPrincipal@0")]
        [InlineData(PolicyKind.TrustPolicy, "\"Action\":\"sts:AssumeRole\"", "MissingPrincipal@0")]
        [InlineData(PolicyKind.TrustPolicy, "\"NotPrincipal\":{\"AWS\":\"222233334444\"},\"Action\":\"sts:AssumeRole\"", "NotPrincipalNotAllowed@0")]
        [InlineData(PolicyKind.TrustPolicy, "\"Principal\":{\"AWS\":\"222233334444\"},\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"", "ResourceNotAllowed@0")]
        [InlineData(PolicyKind.ManagedPolicy, "\"Principal\":{\"AWS\":\"222233334444\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"", "PrincipalNotAllowed@0")]
        [InlineData(PolicyKind.InlineUserPolicy, "\"Action\":\"s3:GetObject\"", "MissingResource@0")]
        [InlineData(PolicyKind.InlineRolePolicy, "\"NotPrincipal\":{\"AWS\":\"222233334444\"},\"Action\":\"s3:GetObject\",\"NotResource\":\"arn:aws:s3:::b/*\"", "PrincipalNotAllowed@0")]
        public void RequiredAndProhibitedElements_DependOnTheKind(PolicyKind kind, string statement, string expected) =>
            Assert.Equal(expected, string.Join(",", Codes(Allow + statement + "}]}", kind)));

        [Theory]
        [InlineData("{\"NumericLessThanEquals\":{\"s3:max-keys\":[\"10\",\"ten\"]}}", "s3:max-keys: 'ten' is not a number")]
        [InlineData("{\"DateGreaterThan\":{\"aws:CurrentTime\":\"next Tuesday\"}}", "aws:CurrentTime: 'next Tuesday' is not a date")]
        [InlineData("{\"Bool\":{\"aws:SecureTransport\":\"yes\"}}", "aws:SecureTransport: 'yes' is not true or false")]
        [InlineData("{\"Null\":{\"s3:x-amz-acl\":\"no\"}}", "s3:x-amz-acl: 'no' is not true or false")]
        [InlineData("{\"NotIpAddress\":{\"aws:SourceIp\":\"203.0.113.0/33\"}}", "aws:SourceIp: '203.0.113.0/33' is not an IPv4 or IPv6 address or CIDR block")]
        [InlineData("{\"ForAnyValue:IpAddressIfExists\":{\"aws:SourceIp\":\"10.0.0.0/8x\"}}", "'10.0.0.0/8x' is not an IPv4")]
        [InlineData("{\"BinaryEquals\":{\"key\":\"not base64!\"}}", "key: 'not base64!' is not base64")]
        public void ConditionValues_TheOperatorCannotRead_AreWarnings(string condition, string message)
        {
            var finding = PolicyLinter.Lint(PolicyJson.Parse(Allow + "\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\",\"Condition\":" + condition + "}]}"), PolicyKind.ManagedPolicy).Single();
            Assert.Equal("InvalidConditionValue", finding.Code);
            Assert.Equal(FindingSeverity.Warning, finding.Severity);
            Assert.Contains(message, finding.Message);
        }

        [Fact]
        public void TheLinterKnowsExactlyTheEvaluatorsOperators_WithEveryQualifier()
        {
            var names = ConditionOperatorRegistry.All.Select(o => o.Name).ToArray();
            Assert.Equal(27, names.Length);
            foreach (var name in names)
            {
                var forms = new[] { name, "ForAnyValue:" + name, "ForAllValues:" + name }.Concat(name == "Null" ? new string[0] : new[] { name + "IfExists", "ForAllValues:" + name + "IfExists" });
                foreach (var op in forms)
                {
                    Assert.DoesNotContain("InvalidConditionOperator@0", Codes(Allow + "\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\",\"Condition\":{\"" + op + "\":{\"aws:SourceIp\":\"x\"}}}]}", PolicyKind.ManagedPolicy));
                }
            }

            foreach (var op in new[] { "NullIfExists", "StringEqualsIgnorecase", "ForEachValue:StringEquals", "IfExists", "StringLikeIfExistsIfExists" })
            {
                Assert.Equal(new[] { "InvalidConditionOperator@0" }, Codes(Allow + "\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\",\"Condition\":{\"" + op + "\":{\"aws:SourceIp\":\"x\"}}}]}", PolicyKind.ManagedPolicy));
            }
        }

        [Fact]
        public void ConditionValues_InEveryReadableForm_AreClean()
        {
            const string condition = "{\"NumericLessThan\":{\"s3:max-keys\":[10,\"1.5\",\"-3\"]},\"DateLessThan\":{\"aws:CurrentTime\":[\"2026-01-31\",\"2026-01-31T12:00:00Z\",\"1767225600\"]},"
                + "\"Bool\":{\"aws:SecureTransport\":[true,\"False\"]},\"Null\":{\"s3:x-amz-acl\":\"true\"},\"IpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\",\"203.0.113.7\",\"2001:DB8::/32\"]},"
                + "\"BinaryEquals\":{\"key\":\"QmluYXJ5VmFsdWU=\"},\"StringLike\":{\"s3:prefix\":\"home/${aws:username}/*\"}}";
            Assert.Empty(Codes(Allow + "\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\",\"Condition\":" + condition + "}]}", PolicyKind.ManagedPolicy));
        }

        [Fact]
        public void AutoKind_FlagsABucketPolicyStatementThatForgotItsPrincipal()
        {
            var codes = Codes(Allow + "\"Principal\":{\"AWS\":\"222233334444\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"},{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\"}]}");
            Assert.Equal(new[] { "MissingPrincipal@1" }, codes);
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
