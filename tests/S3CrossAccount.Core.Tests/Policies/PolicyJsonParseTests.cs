using System.Linq;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Policies;
using Xunit;

namespace S3CrossAccount.Core.Tests.Policies
{
    public class PolicyJsonParseTests
    {
        [Fact]
        public void ReadsEveryElementForm()
        {
            var p = PolicyJson.Parse(@"{
  ""Version"": ""2012-10-17"",
  ""Id"": ""P1"",
  ""Statement"": [
    { ""Sid"": ""A"", ""Effect"": ""Allow"", ""Principal"": ""*"", ""Action"": ""s3:GetObject"", ""Resource"": [""arn:aws:s3:::b/*""],
      ""Condition"": { ""Bool"": { ""aws:SecureTransport"": true }, ""ForAnyValue:StringLike"": { ""s3:prefix"": [""a/"", ""b/""] }, ""NumericLessThan"": { ""s3:max-keys"": 10 } } },
    { ""Effect"": ""Deny"", ""NotPrincipal"": { ""AWS"": [""arn:aws:iam::111122223333:root""], ""CanonicalUser"": ""abc"" }, ""NotAction"": [""s3:*""], ""NotResource"": ""*"" },
    { ""Sid"": """", ""Effect"": ""Allow"", ""Principal"": { ""Service"": ""ec2.amazonaws.com"", ""Federated"": [""cognito-identity.amazonaws.com""] }, ""Action"": ""sts:AssumeRole"" }
  ]
}");
            Assert.Equal("2012-10-17", p.Version);
            Assert.Equal("P1", p.Id);
            Assert.False(p.StatementIsSingleObject);
            Assert.Equal(3, p.StatementCount);
            var s0 = p.Statements[0];
            Assert.True(s0.Principal!.IsWildcard);
            Assert.True(s0.Action!.IsSingleString);
            Assert.False(s0.Resource!.IsSingleString);
            var bools = s0.Condition!.Get("Bool")!.Entries.Single();
            Assert.Equal(new ConditionValue("true", ConditionValueKind.Boolean), bools.Values.Single());
            Assert.True(bools.IsSingleValue);
            Assert.Equal(new[] { "a/", "b/" }, s0.Condition.Get("ForAnyValue:StringLike")!.Entries[0].Values.Select(v => v.Text));
            Assert.Equal(ConditionValueKind.Number, s0.Condition.Get("NumericLessThan")!.Entries[0].Values[0].Kind);
            var s1 = p.Statements[1];
            Assert.Equal(PolicyEffect.Deny, s1.Effect);
            Assert.Equal(new[] { "AWS", "CanonicalUser" }, s1.NotPrincipal!.Entries.Select(e => e.Key));
            Assert.Equal(new[] { "s3:*" }, s1.NotAction!.Values);
            Assert.Equal("*", s1.NotResource![0]);
            Assert.Null(s1.Sid);
            Assert.Equal("", p.Statements[2].Sid);
            Assert.Null(p.Statements[2].Resource);
            Assert.Equal(new[] { "*", "Service:ec2.amazonaws.com", "Federated:cognito-identity.amazonaws.com" }, p.Principals);
        }

        [Fact]
        public void SingleStatementObject_And_OldVersion_And_NoVersion()
        {
            var p = PolicyJson.Parse("{\"Version\":\"2008-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}}");
            Assert.True(p.StatementIsSingleObject);
            Assert.Equal(PolicyDocument.Version2008, p.Version);
            Assert.False(p.Statements[0].Principal!.IsWildcard);
            Assert.True(p.Statements[0].Principal!.IsPublic);
            Assert.Equal("{\"Version\":\"2008-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}}", PolicyJson.Write(p));

            var noVersion = PolicyJson.Parse("{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
            Assert.Null(noVersion.Version);
            Assert.Equal("{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}", PolicyJson.Write(noVersion));
        }

        [Fact]
        public void Write_UsesCanonicalOrder_AndIndentation()
        {
            var p = PolicyJson.Parse("{\"Statement\":[{\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"x\"}},\"Resource\":\"*\",\"Action\":[\"a:b\"],\"Principal\":{\"AWS\":\"111122223333\"},\"Effect\":\"Allow\",\"Sid\":\"S\"}],\"Version\":\"2012-10-17\"}");
            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"S\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":[\"a:b\"],\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"x\"}}}]}", PolicyJson.Write(p));
            Assert.Equal(
                "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n            \"Sid\": \"S\",\n            \"Effect\": \"Allow\",\n            \"Principal\": {\n                \"AWS\": \"111122223333\"\n            },\n            \"Action\": [\n                \"a:b\"\n            ],\n            \"Resource\": \"*\",\n            \"Condition\": {\n                \"StringEquals\": {\n                    \"sts:ExternalId\": \"x\"\n                }\n            }\n        }\n    ]\n}",
                PolicyJson.Write(p, indented: true));
        }

        [Theory]
        [InlineData("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\"},{\"Effect\":\"Allow\",\"Action\":\"s3:*\"},{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Condition\":{\"StringEquals\":{\"k\":null}}}]}", "Statement[2].Condition.StringEquals.k")]
        [InlineData("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Condition\":{\"StringEquals\":[]}}]}", "Statement[0].Condition.StringEquals")]
        [InlineData("{\"Version\":\"2012-10-17\",\"Statment\":[]}", "Statment")]
        [InlineData("{\"Version\":\"2012-10-17\"}", "Statement")]
        [InlineData("{\"Version\":\"2019-01-01\",\"Statement\":[]}", "Version")]
        [InlineData("{\"Version\":20121017,\"Statement\":[]}", "Version")]
        [InlineData("[]", "(document)")]
        [InlineData("{\"Statement\":\"x\"}", "Statement")]
        [InlineData("{\"Statement\":[1]}", "Statement[0]")]
        [InlineData("{\"Statement\":{\"Action\":\"s3:*\"}}", "Statement.Effect")]
        [InlineData("{\"Statement\":{\"Effect\":\"allow\",\"Action\":\"s3:*\"}}", "Statement.Effect")]
        [InlineData("{\"Statement\":{\"Effect\":\"Allow\"}}", "Statement.Action")]
        [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"action\":\"s3:*\"}}", "Statement.action")]
        [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"NotAction\":\"s3:Get*\"}}", "Statement.NotAction")]
        [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"NotResource\":\"x\"}}", "Statement.NotResource")]
        [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Principal\":\"*\",\"NotPrincipal\":\"*\"}}", "Statement.NotPrincipal")]
        [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",7]}}", "Statement.Action[1]")]
        [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[]}}", "Statement.Action")]
        [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":{}}}", "Statement.Resource")]
        [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Principal\":\"111122223333\"}}", "Statement.Principal")]
        [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Principal\":{}}}", "Statement.Principal")]
        [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Principal\":{\"aws\":\"x\"}}}", "Statement.Principal.aws")]
        [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Principal\":{\"AWS\":[true]}}}", "Statement.Principal.AWS[0]")]
        [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Condition\":\"x\"}}", "Statement.Condition")]
        [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Condition\":{\"Bool\":{\"a\":true,\"A\":false}}}}", "Statement.Condition.Bool.A")]
        [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Condition\":{\"Bool\":{\"a\":[{}]}}}}", "Statement.Condition.Bool.a[0]")]
        [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Sid\":\"a\",\"Sid\":\"b\"}}", "Statement.Sid")]
        [InlineData("{\"Statement\":{\"Sid\":1,\"Effect\":\"Allow\",\"Action\":\"s3:*\"}}", "Statement.Sid")]
        public void WrongDocuments_NameThePath(string json, string path)
        {
            var ex = Assert.Throws<XAccountException>(() => PolicyJson.Parse(json));
            Assert.Equal(ErrorCode.InvalidPolicyDocument, ex.Code);
            Assert.Equal(path, ex.Target);
            Assert.StartsWith("Invalid policy at " + path + ": ", ex.Message);
            Assert.NotNull(ex.RecommendedAction);
        }

        [Fact]
        public void DocumentErrors_IncludeLineAndColumn()
        {
            var ex = Assert.Throws<XAccountException>(() => PolicyJson.Parse("{\n \"Statement\": [\n  {\"Effect\": \"Allow\", \"Action\": 5}\n ]\n}"));
            Assert.Equal("Statement[0].Action", ex.Target);
            Assert.Contains("(line 3, column 33)", ex.Message);
        }

        [Theory]
        [InlineData("{\"Statement\": [}", "line 1, column 16")]
        [InlineData("", "line 1, column 1")]
        [InlineData("{\"Version\": \"2012-10-17\",\n\"Statement\": [{\"Effect\": \"Allow\",}]}", "line 2, column 34")]
        public void MalformedJson_IsInvalidPolicyJson_WithPosition(string json, string target)
        {
            var ex = Assert.Throws<XAccountException>(() => PolicyJson.Parse(json));
            Assert.Equal(ErrorCode.InvalidPolicyJson, ex.Code);
            Assert.Equal(target, ex.Target);
            Assert.StartsWith("The policy is not valid JSON. Invalid JSON at " + target + ": ", ex.Message);
        }

        [Fact]
        public void TryParse_ReturnsTheError()
        {
            Assert.False(PolicyJson.TryParse("nope", out var p, out var e));
            Assert.Null(p);
            Assert.Equal(ErrorCode.InvalidPolicyJson, e!.Code);
            Assert.True(PolicyJson.TryParse("{\"Statement\":[]}", out p, out e));
            Assert.Null(e);
            Assert.Equal(0, p!.StatementCount);
        }
    }
}
