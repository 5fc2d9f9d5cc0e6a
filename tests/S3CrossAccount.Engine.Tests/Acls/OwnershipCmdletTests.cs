using System.Linq;
using System.Management.Automation;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Acls
{
    /// <summary>
    /// The cmdlets against AWS's documented Object Ownership answers (radosgw has none): the ACL cmdlets
    /// refuse a BucketOwnerEnforced bucket with AclNotSupported, and Set-XAccountObjectOwnership confirms
    /// enabling ACLs like a ConfirmImpact High change.
    /// </summary>
    public class OwnershipCmdletTests
    {
        private const string Enforced = "GET ownershipControls";

        [Theory]
        [InlineData("Grant-XAccountAcl -Bucket bkt -Permission WRITE -CanonicalId abc", "S3CrossAccount.Commands.Acls.GrantXAccountAclCommand")]
        [InlineData("Grant-XAccountAcl -Bucket bkt -Prefix reports/ -Permission READ -CanonicalId abc", "S3CrossAccount.Commands.Acls.GrantXAccountAclCommand")]
        [InlineData("Grant-XAccountAcl -Bucket bkt -Key k -Permission READ -CanonicalId abc", "S3CrossAccount.Commands.Acls.GrantXAccountAclCommand")]
        public void Grant_OnABucketOwnerEnforcedBucket_IsAclNotSupported_NamingTheAlternatives(string command, string cmdlet)
        {
            using var s3 = new CannedS3().On(Enforced, 200, CannedS3.Ownership("BucketOwnerEnforced"));
            using var s = new PowerShellSession();

            var r = s.Run(command + " " + s3.Args);

            Assert.Single(r.Errors);
            var error = r.Errors[0];
            Assert.Equal("AclNotSupported," + cmdlet, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Equal("bkt", error.TargetObject);
            Assert.Contains("BucketOwnerEnforced", error.ErrorDetails.Message);
            Assert.Contains("New-XAccountBucketPolicy -Bucket bkt", error.ErrorDetails.RecommendedAction);
            Assert.Contains("Set-XAccountBucketPolicy", error.ErrorDetails.RecommendedAction);
            Assert.Contains("Set-XAccountObjectOwnership -Bucket bkt -ObjectOwnership BucketOwnerPreferred", error.ErrorDetails.RecommendedAction);
            // Refused before reading or listing anything else.
            Assert.Equal(new[] { "GET /bkt/?ownershipControls" }, s3.Requests);
            Assert.Empty(r.Output);
        }

        [Fact]
        public void Get_ReportsTheSetting_AndANotConfiguredBucketAsObjectWriter()
        {
            using var s3 = new CannedS3().On(Enforced, 200, CannedS3.Ownership("BucketOwnerEnforced"));
            using var s = new PowerShellSession();
            var enforced = s.Run("Get-XAccountObjectOwnership -Bucket bkt " + s3.Args).ShouldSucceed().Output.Single();
            Assert.Equal("BucketOwnerEnforced", enforced.Properties["ObjectOwnership"].Value.ToString());
            Assert.Equal(false, enforced.Properties["AclsEnabled"].Value);
            Assert.Equal("Configured", enforced.Properties["Source"].Value.ToString());

            s3.On(Enforced, 404, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>OwnershipControlsNotFoundError</Code><Message>The bucket ownership controls were not found</Message><BucketName>b</BucketName></Error>");
            var old = s.Run("Get-XAccountObjectOwnership -Bucket bkt " + s3.Args).ShouldSucceed().Output.Single();
            Assert.Equal("ObjectWriter", old.Properties["ObjectOwnership"].Value.ToString());
            Assert.Equal(true, old.Properties["AclsEnabled"].Value);
            Assert.Equal("NotConfigured", old.Properties["Source"].Value.ToString());
        }

        [Theory]
        [InlineData("-Force")]
        [InlineData("-Confirm:$false")]
        public void EnablingAcls_WithForceOrConfirmFalse_Writes_AndReportsThePreviousSetting(string switches)
        {
            using var s3 = new CannedS3().On(Enforced, 200, CannedS3.Ownership("BucketOwnerEnforced")).On("PUT ownershipControls", 200, string.Empty);
            using var s = new PowerShellSession();

            var result = s.Run($"Set-XAccountObjectOwnership -Bucket bkt -ObjectOwnership BucketOwnerPreferred {switches} {s3.Args}").ShouldSucceed().Output.Single();

            Assert.Equal(true, result.Properties["Changed"].Value);
            Assert.Equal("BucketOwnerEnforced", result.Properties["PreviousObjectOwnership"].Value.ToString());
            Assert.Equal(true, result.Properties["AclsEnabled"].Value);
            Assert.Equal(new[] { "GET /bkt/?ownershipControls", "PUT /bkt/?ownershipControls" }, s3.Requests);
        }

        [Fact]
        public void EnablingAcls_WithTheDefaultConfirmPreference_AsksFirst_AndWritesNothingWithoutAnAnswer()
        {
            using var s3 = new CannedS3().On(Enforced, 200, CannedS3.Ownership("BucketOwnerEnforced")).On("PUT ownershipControls", 200, string.Empty);
            using var s = new PowerShellSession();

            var r = s.Run("Set-XAccountObjectOwnership -Bucket bkt -ObjectOwnership ObjectWriter " + s3.Args);

            // The hosted engine has no interactive host, so the prompt itself fails: proof that it was shown.
            Assert.Equal("HostFunctionNotImplemented,S3CrossAccount.Commands.Acls.SetXAccountObjectOwnershipCommand", r.FirstError?.FullyQualifiedErrorId);
            Assert.Empty(r.Output);
            Assert.Equal(new[] { "GET /bkt/?ownershipControls" }, s3.Requests);

            // With $ConfirmPreference 'None' nothing is ever confirmed, so the write happens.
            var none = s.Run("$ConfirmPreference = 'None'; Set-XAccountObjectOwnership -Bucket bkt -ObjectOwnership ObjectWriter " + s3.Args).ShouldSucceed();
            Assert.Equal(true, none.Output.Single().Properties["Changed"].Value);
        }

        [Fact]
        public void DisablingAcls_IsAMediumChange_WithoutPrompt_AndTheSameSettingWritesNothing()
        {
            using var s3 = new CannedS3().On(Enforced, 200, CannedS3.Ownership("ObjectWriter")).On("PUT ownershipControls", 200, string.Empty);
            using var s = new PowerShellSession();

            var disabled = s.Run("Set-XAccountObjectOwnership -Bucket bkt -ObjectOwnership BucketOwnerEnforced " + s3.Args).ShouldSucceed().Output.Single();
            Assert.Equal(true, disabled.Properties["Changed"].Value);
            Assert.Equal(false, disabled.Properties["AclsEnabled"].Value);

            var same = s.Run("Set-XAccountObjectOwnership -Bucket bkt -ObjectOwnership ObjectWriter " + s3.Args).ShouldSucceed().Output.Single();
            Assert.Equal(false, same.Properties["Changed"].Value);
            Assert.Equal(new[] { "GET /bkt/?ownershipControls", "PUT /bkt/?ownershipControls", "GET /bkt/?ownershipControls" }, s3.Requests);
        }

        [Fact]
        public void WhatIf_ReadsButNeverWrites_EvenWithForce()
        {
            using var s3 = new CannedS3().On(Enforced, 200, CannedS3.Ownership("BucketOwnerEnforced")).On("PUT ownershipControls", 200, string.Empty);
            using var s = new PowerShellSession();

            var r = s.Run("Set-XAccountObjectOwnership -Bucket bkt -ObjectOwnership BucketOwnerPreferred -Force -WhatIf " + s3.Args).ShouldSucceed();

            Assert.Empty(r.Output);
            Assert.Equal(new[] { "GET /bkt/?ownershipControls" }, s3.Requests);
        }
    }
}
