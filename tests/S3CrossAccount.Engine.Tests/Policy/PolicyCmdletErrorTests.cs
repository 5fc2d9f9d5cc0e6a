using Xunit;

namespace S3CrossAccount.Engine.Tests.Policy
{
    public class PolicyCmdletErrorTests
    {
        [Theory]
        [InlineData("New-XAccountBucketPolicy -Bucket b-1 -Principal '*'", "PublicPrincipalNotAllowed,S3CrossAccount.Commands.Policy.NewXAccountBucketPolicyCommand", "*")]
        [InlineData("New-XAccountBucketPolicy -Bucket AccountABucketName -Principal 222233334444", "InvalidBucketName,S3CrossAccount.Commands.Policy.NewXAccountBucketPolicyCommand", "AccountABucketName")]
        [InlineData("New-XAccountBucketPolicy -Bucket b-1 -Principal AccountB", "InvalidAccountId,S3CrossAccount.Commands.Policy.NewXAccountBucketPolicyCommand", "AccountB")]
        [InlineData("New-XAccountBucketPolicy -Bucket b-1 -Principal 222233334444 -Access Write -BucketOwnerCanonicalId abc", "InvalidParameterCombination,S3CrossAccount.Commands.Policy.NewXAccountBucketPolicyCommand", "BucketOwnerCanonicalId")]
        [InlineData("New-XAccountBucketPolicy -Bucket b-1 -Principal 222233334444 -Access Write -RequireBucketOwnerFullControl -BucketOwnerCanonicalId abc", "InvalidCanonicalUserId,S3CrossAccount.Commands.Policy.NewXAccountBucketPolicyCommand", "abc")]
        [InlineData("New-XAccountIdentityPolicy -Bucket b-1 -Action GetObject", "InvalidAction,S3CrossAccount.Commands.Policy.NewXAccountIdentityPolicyCommand", "GetObject")]
        [InlineData("New-XAccountAccessPolicy -Bucket b-1 -Prefix 'logs/*'", "InvalidObjectKey,S3CrossAccount.Commands.Policy.NewXAccountAccessPolicyCommand", "logs/*")]
        [InlineData("New-XAccountTrustPolicy -TrustedPrincipal 222233334444 -ExternalId x", "InvalidExternalId,S3CrossAccount.Commands.Policy.NewXAccountTrustPolicyCommand", "x")]
        [InlineData("New-XAccountTrustPolicy -TrustedPrincipal 222233334444 -PrincipalOrgId org1", "InvalidOrganizationId,S3CrossAccount.Commands.Policy.NewXAccountTrustPolicyCommand", "org1")]
        [InlineData("New-XAccountAssumeRolePolicy -RoleArn arn:aws:iam::111122223333:user/Dave", "InvalidArn,S3CrossAccount.Commands.Policy.NewXAccountAssumeRolePolicyCommand", "arn:aws:iam::111122223333:user/Dave")]
        [InlineData("New-XAccountPolicyStatement -NotPrincipal 222233334444 -Action s3:GetObject -Resource 'arn:aws:s3:::b-1/*'", "PublicPrincipalNotAllowed,S3CrossAccount.Commands.Policy.NewXAccountPolicyStatementCommand", "NotPrincipal")]
        [InlineData("New-XAccountPolicyStatement -Action s3:GetObject -NotAction s3:PutObject", "InvalidParameterCombination,S3CrossAccount.Commands.Policy.NewXAccountPolicyStatementCommand", "Action")]
        [InlineData("New-XAccountPolicyStatement -Action s3:GetObject -Condition @{ Bool = 'x' }", "InvalidPolicyDocument,S3CrossAccount.Commands.Policy.NewXAccountPolicyStatementCommand", "Condition.Bool")]
        [InlineData("'{\"Statement\": [' | ConvertFrom-XAccountPolicyJson", "InvalidPolicyJson,S3CrossAccount.Commands.Policy.ConvertFromXAccountPolicyJsonCommand", "line 1, column 16")]
        [InlineData("ConvertFrom-XAccountPolicyJson '{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a:b\"},{\"Effect\":\"Allow\",\"Action\":\"a:b\",\"Condition\":{\"StringEquals\":[]}}]}'", "InvalidPolicyDocument,S3CrossAccount.Commands.Policy.ConvertFromXAccountPolicyJsonCommand", "Statement[1].Condition.StringEquals")]
        [InlineData("ConvertFrom-XAccountPolicyJson -Path ./no-such-policy.json", "PolicyFileNotFound,S3CrossAccount.Commands.Policy.ConvertFromXAccountPolicyJsonCommand", "./no-such-policy.json")]
        public void BadInput_GivesTheExactErrorId_AndTarget(string script, string fullyQualifiedErrorId, string target)
        {
            using var s = new PowerShellSession();
            var r = s.Run(script);
            Assert.Empty(r.Output);
            Assert.NotNull(r.FirstError);
            Assert.Equal(fullyQualifiedErrorId, r.FirstError!.FullyQualifiedErrorId);
            Assert.Equal(target, r.FirstError.TargetObject);
            Assert.False(string.IsNullOrEmpty(r.FirstError.ErrorDetails?.RecommendedAction));
        }

        [Theory]
        [InlineData("-Effect Deny")]
        [InlineData("-AllowPublic")]
        public void NotPrincipal_IsAccepted_WithDeny_OrWithAllowPublic(string extra)
        {
            using var s = new PowerShellSession();
            var json = s.Run($"New-XAccountPolicyStatement -NotPrincipal 222233334444 -Action s3:GetObject -Resource 'arn:aws:s3:::b-1/*' {extra} | ConvertTo-XAccountPolicyJson -Compress").ShouldSucceed().Text;
            Assert.Contains("\"NotPrincipal\":{\"AWS\":\"222233334444\"}", json);
        }

        [Fact]
        public void AssumeRolePolicy_ReportsTheBadArn_AndKeepsTheGoodOnes()
        {
            using var s = new PowerShellSession();
            var r = s.Run("'arn:aws:iam::111122223333:role/A', 'not-an-arn', 'arn:aws:iam::111122223333:role/B' | New-XAccountAssumeRolePolicy");
            Assert.Single(r.Errors);
            Assert.Equal("InvalidAccountId,S3CrossAccount.Commands.Policy.NewXAccountAssumeRolePolicyCommand", r.Errors[0].FullyQualifiedErrorId);
            var p = (S3CrossAccount.Core.Policies.PolicyDocument)r.Output[0].BaseObject;
            Assert.Equal(new[] { "arn:aws:iam::111122223333:role/A", "arn:aws:iam::111122223333:role/B" }, p.Resources);
        }
    }
}
