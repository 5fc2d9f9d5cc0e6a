using Xunit;

namespace S3CrossAccount.Engine.Tests.Roles
{
    /// <summary>
    /// The role cmdlets reject bad input with a specific ErrorId before any AWS call: the endpoint
    /// given here (port 9, discard) is never reached by these pipelines.
    /// </summary>
    public class RoleCmdletValidationTests
    {
        private const string Offline = "-AccessKey AKIAIOSFODNN7EXAMPLE -SecretKey not-a-real-secret -Region us-east-1 -EndpointUrl http://127.0.0.1:9";
        private const string Policy = "[S3CrossAccount.Core.Policies.PolicyJson]::Parse('{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}')";

        [Theory]
        [InlineData("New-XAccountRole -RoleName R -TrustedPrincipal 222233334444 -AccessPolicy (" + Policy + ") -Bucket reports-bucket", "InvalidParameterCombination,S3CrossAccount.Commands.Roles.NewXAccountRoleCommand")]
        [InlineData("New-XAccountRole -RoleName R -TrustedPrincipal 222233334444 -Access Write", "InvalidParameterCombination,S3CrossAccount.Commands.Roles.NewXAccountRoleCommand")]
        [InlineData("New-XAccountRole -RoleName R -TrustedPrincipal '*'", "PublicPrincipalNotAllowed,S3CrossAccount.Commands.Roles.NewXAccountRoleCommand")]
        [InlineData("New-XAccountRole -RoleName R -TrustedPrincipal 222233334444 -ExternalId 'bad id!'", "InvalidExternalId,S3CrossAccount.Commands.Roles.NewXAccountRoleCommand")]
        [InlineData("New-XAccountRole -RoleName 'bad/name' -TrustedPrincipal 222233334444", "InvalidRoleName,S3CrossAccount.Commands.Roles.NewXAccountRoleCommand")]
        [InlineData("Grant-XAccountAssumeRole -RoleArn arn:aws:iam::111122223333:user/alice -UserName bob", "InvalidArn,S3CrossAccount.Commands.Roles.GrantXAccountAssumeRoleCommand")]
        [InlineData("Remove-XAccountRole -Confirm:$false", "InvalidParameterCombination,S3CrossAccount.Commands.Roles.RemoveXAccountRoleCommand")]
        [InlineData("Remove-XAccountRole -RoleArn arn:aws:s3:::bucket -Confirm:$false", "InvalidArn,S3CrossAccount.Commands.Roles.RemoveXAccountRoleCommand")]
        [InlineData("Set-XAccountIdentityPolicy -UserName u -PolicyName 'no spaces allowed' -Policy (" + Policy + ")", "InvalidParameterCombination,S3CrossAccount.Commands.Roles.SetXAccountIdentityPolicyCommand")]
        public void BadInput_FailsWithItsErrorId(string command, string errorId)
        {
            using var s = new PowerShellSession();
            var r = s.Run(command + " " + Offline);
            Assert.Equal(errorId, r.FirstError?.FullyQualifiedErrorId);
        }

        [Fact]
        public void RoleArn_BindsByPropertyName_IntoUseXAccountRole()
        {
            using var s = new PowerShellSession();
            var r = s.Run("[pscustomobject]@{ RoleName = 'R'; RoleArn = 'arn:aws:iam::111122223333:user/alice' } | Use-XAccountRole -PropagationTimeout 0 " + Offline);
            Assert.Equal("InvalidArn,S3CrossAccount.Commands.Roles.UseXAccountRoleCommand", r.FirstError?.FullyQualifiedErrorId);
            Assert.Equal("arn:aws:iam::111122223333:user/alice", r.FirstError?.TargetObject);
        }

        [Fact]
        public void TrustPolicySet_AndTrustedPrincipalSet_CannotBeCombined()
        {
            using var s = new PowerShellSession();
            var r = s.Run(Policy + " | New-XAccountRole -RoleName R -TrustedPrincipal 222233334444 " + Offline);
            Assert.NotNull(r.FirstError);
            Assert.StartsWith("InputObjectNotBound,", r.FirstError!.FullyQualifiedErrorId);
        }
    }
}
