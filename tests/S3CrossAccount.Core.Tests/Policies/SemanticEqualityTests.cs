using S3CrossAccount.Core.Policies;
using Xunit;

namespace S3CrossAccount.Core.Tests.Policies
{
    public class SemanticEqualityTests
    {
        private static bool Same(string a, string b) => PolicyJson.Parse(a).SemanticEquals(PolicyJson.Parse(b));

        [Fact]
        public void SingleStringEqualsOneElementArray_AndSingleStatementObjectEqualsArray()
        {
            Assert.True(Same(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\",\"Principal\":{\"AWS\":\"111122223333\"}}}",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::b/*\"],\"Principal\":{\"AWS\":[\"111122223333\"]}}]}"));
        }

        [Fact]
        public void OrderOfValuesKeysAndStatements_DoesNotMatter_ActionsIgnoreCase()
        {
            Assert.True(Same(
                "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\"},{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"},\"StringEquals\":{\"a\":[\"1\",\"2\"]}}}]}",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"S3:putobject\",\"s3:GetObject\"],\"Condition\":{\"StringEquals\":{\"A\":[\"2\",\"1\"]},\"Bool\":{\"aws:SecureTransport\":true}}},{\"Effect\":\"Deny\",\"Action\":\"*\"}]}"));
        }

        [Theory]
        [InlineData("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\"}]}", "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\"}]}")]
        [InlineData("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::B\"}]}", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b\"}]}")]
        [InlineData("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Principal\":\"*\"}]}", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Principal\":{\"AWS\":\"*\"}}]}")]
        [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[]}", "{\"Statement\":[]}")]
        [InlineData("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\"},{\"Effect\":\"Allow\",\"Action\":\"a\"}]}", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\"},{\"Effect\":\"Allow\",\"Action\":\"b\"}]}")]
        [InlineData("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\",\"Condition\":{\"StringEquals\":{\"k\":\"v\"}}}]}", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\",\"Condition\":{\"StringLike\":{\"k\":\"v\"}}}]}")]
        [InlineData("{\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"a\"}]}", "{\"Statement\":[{\"Sid\":\"B\",\"Effect\":\"Allow\",\"Action\":\"a\"}]}")]
        [InlineData("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\"}]}", "{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"a\"}]}")]
        public void RealDifferences_AreNotEqual(string a, string b)
        {
            Assert.False(Same(a, b));
            Assert.False(Same(b, a));
        }

        [Fact]
        public void EmptySid_EqualsNoSid_EmptyConditionEqualsNone()
        {
            Assert.True(Same("{\"Statement\":[{\"Sid\":\"\",\"Effect\":\"Allow\",\"Action\":\"a\",\"Condition\":{}}]}", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\"}]}"));
        }

        [Fact]
        public void ExactEquality_SeesForms()
        {
            var a = PolicyJson.Parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\"}]}");
            var b = PolicyJson.Parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"a\"]}]}");
            Assert.NotEqual(a, b);
            Assert.Equal(a, PolicyJson.Parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\"}]}"));
        }
    }
}
