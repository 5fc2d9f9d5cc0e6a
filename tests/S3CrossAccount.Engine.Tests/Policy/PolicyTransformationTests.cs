using System.Linq;
using S3CrossAccount.Core.Policies;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Policy
{
    public class PolicyTransformationTests
    {
        private const string Existing = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Keep\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"333344445555\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b-1/*\"}]}";

        [Fact]
        public void PolicyParameters_AcceptJsonText()
        {
            using var s = new PowerShellSession();
            s.SetVariable("json", Existing);
            var merged = s.Run("New-XAccountBucketPolicy b-1 222233334444 | Merge-XAccountPolicy -Policy $json").ShouldSucceed().Single<PolicyDocument>();
            Assert.Equal(new[] { "Keep", merged.Statements[1].Sid! }, merged.Sids);

            Assert.Empty(s.Run("$json | Test-XAccountPolicy").ShouldSucceed().Output);
            Assert.Equal(Existing, s.Run("$json | ConvertTo-XAccountPolicyJson -Compress").ShouldSucceed().Single<string>());
        }

        [Fact]
        public void BadJsonText_IsTheModulesInvalidPolicyDocument_NamingTheProblem()
        {
            using var s = new PowerShellSession();
            var r = s.Run("Merge-XAccountPolicy -Policy '{\"Statement\": 5}' -Grant (New-XAccountTrustPolicy 222233334444)");
            Assert.Equal("InvalidPolicyDocument,S3CrossAccount.Commands.Policy.MergeXAccountPolicyCommand", r.FirstError!.FullyQualifiedErrorId);
            Assert.Contains("Invalid policy at Statement:", r.FirstError.Exception.Message);
        }
    }
}
