using S3CrossAccount.Core.Policies;
using Xunit;

namespace S3CrossAccount.Core.Tests.Policies
{
    /// <summary>Statements and conditions print as words (Format-List *, string interpolation), not as C# record dumps.</summary>
    public class PolicyTextTests
    {
        private static PolicyStatement Parse(string statementJson) =>
            PolicyJson.Parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statementJson + "]}").Statements[0];

        [Fact]
        public void Statement_ReadsAsEffectActionsResourcesPrincipalsAndConditions()
        {
            var statement = Parse("{\"Sid\":\"112\",\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"arn:aws:iam::222233334444:user/AccountBadmin\"},\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::doc-example-bucket1/*\","
                + "\"Condition\":{\"StringNotEquals\":{\"s3:x-amz-grant-full-control\":\"id=79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be\"},\"IpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\",\"198.51.100.0/24\"]}}}");

            Assert.Equal(new[]
            {
                "s3:PutObject",
                "on arn:aws:s3:::doc-example-bucket1/*",
                "to arn:aws:iam::222233334444:user/AccountBadmin",
                "if StringNotEquals s3:x-amz-grant-full-control: id=79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be and IpAddress aws:SourceIp: [203.0.113.0/24, 198.51.100.0/24]",
            }, statement.Describe());
            Assert.Equal("Sid 112: Deny s3:PutObject on arn:aws:s3:::doc-example-bucket1/* to arn:aws:iam::222233334444:user/AccountBadmin if StringNotEquals "
                + "s3:x-amz-grant-full-control: id=79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be and IpAddress aws:SourceIp: [203.0.113.0/24, 198.51.100.0/24]", statement.ToString());
            Assert.Equal("IpAddress aws:SourceIp: [203.0.113.0/24, 198.51.100.0/24]", statement.Condition!.Clauses[1].ToString());
        }

        [Fact]
        public void NotElements_ReadAsExceptions_AndAnIdentityStatementHasNoPrincipalLine()
        {
            Assert.Equal("Deny all actions except s3:GetObject on all resources except arn:aws:s3:::b/* to everyone except arn:aws:iam::111122223333:root",
                Parse("{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"NotAction\":\"s3:GetObject\",\"NotResource\":\"arn:aws:s3:::b/*\"}").ToString());
            Assert.Equal("Allow s3:GetObject, s3:PutObject on arn:aws:s3:::b/*",
                Parse("{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":\"arn:aws:s3:::b/*\"}").ToString());
            Assert.Equal("Allow s3:GetObject on arn:aws:s3:::b/* to *",
                Parse("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}").ToString());
        }

        [Fact]
        public void Document_GivesItsStatementsUnderTheJsonName()
        {
            var policy = PolicyJson.Parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}}");
            Assert.Same(policy.Statements, policy.Statement);
        }
    }
}
