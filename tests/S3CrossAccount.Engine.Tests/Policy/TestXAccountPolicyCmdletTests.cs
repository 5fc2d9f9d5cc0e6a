using System.Linq;
using S3CrossAccount.Core.Policies.Lint;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Policy
{
    public class TestXAccountPolicyCmdletTests
    {
        [Fact]
        public void BuiltPolicy_HasNoFindings_AndTheClassicMistakeIsFound()
        {
            using var s = new PowerShellSession();
            Assert.Empty(s.Run("New-XAccountBucketPolicy -Bucket b-1 -Principal 222233334444 -Access Console | Test-XAccountPolicy").ShouldSucceed().Output);

            var findings = s.Run("'{\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"222233334444\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b-1\"}]}' | ConvertFrom-XAccountPolicyJson | Test-XAccountPolicy")
                .ShouldSucceed().All<PolicyFinding>().ToList();
            Assert.Equal(new[] { "MissingVersion", "ObjectActionOnBucketArn" }, findings.Select(f => f.Code));
            Assert.Equal(0, findings[1].StatementIndex);
            Assert.Equal("Read", findings[1].Sid);
            Assert.Equal(FindingSeverity.Error, findings[1].Severity);
        }

        [Fact]
        public void Kind_SetsTheSizeLimit()
        {
            using var s = new PowerShellSession();
            var r = s.Run("$p = New-XAccountTrustPolicy -TrustedPrincipal (0..99 | ForEach-Object { 'arn:aws:iam::2222333344{0:00}:root' -f $_ }); ($p | Test-XAccountPolicy).Code; ($p | Test-XAccountPolicy -Kind InlineRolePolicy | Where-Object Code -eq PolicyTooLarge).Count").ShouldSucceed();
            Assert.Equal("PolicyTooLarge", r.Output[0].BaseObject);
            Assert.Equal(0, (int)r.Output[1].BaseObject);
        }

        [Fact]
        public void Kind_SetsWhichElementsAStatementNeeds()
        {
            using var s = new PowerShellSession();
            var r = s.Run("New-XAccountTrustPolicy -TrustedPrincipal 222233334444 | Test-XAccountPolicy -Kind ManagedPolicy | ForEach-Object { '{0}@{1}' -f $_.Code, $_.StatementIndex }").ShouldSucceed();
            Assert.Equal(new[] { "PrincipalNotAllowed@0", "MissingResource@0" }, r.All<string>().ToArray());
        }

        [Fact]
        public void ActionWithoutServicePrefix_IsAFinding_NotAnError()
        {
            using var s = new PowerShellSession();
            var r = s.Run("'{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::*:root\"},\"Action\":\"GetObject\",\"Resource\":\"bucket/*\"}]}' | Test-XAccountPolicy").ShouldSucceed();
            Assert.Equal(new[] { "WildcardInPrincipal", "MalformedAction", "MalformedResource" }, r.All<PolicyFinding>().Select(f => f.Code).ToArray());
        }
    }
}
