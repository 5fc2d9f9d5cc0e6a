using System.Management.Automation;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Buckets
{
    /// <summary>
    /// Every cmdlet that takes -Bucket checks the name against S3's naming rules before any request: the error is
    /// InvalidBucketName with the name quoted, never S3's NoSuchBucket or an empty AccessDenied, and nothing is called
    /// (the endpoint is a closed port, so a request would fail with a connection error instead).
    /// </summary>
    public class BucketNameOfflineTests
    {
        private const string Offline = BucketCmdletValidationTests.Offline;

        [Theory]
        [InlineData("Get-XAccountBucketPolicy -Bucket $b", "Buckets.GetXAccountBucketPolicyCommand")]
        [InlineData("Set-XAccountBucketPolicy -Bucket $b -Policy (New-XAccountBucketPolicy -Bucket ok-bucket -Principal 222233334444) -Confirm:$false", "Buckets.SetXAccountBucketPolicyCommand")]
        [InlineData("Remove-XAccountBucketPolicyStatement -Bucket $b -Sid S1 -Confirm:$false", "Buckets.RemoveXAccountBucketPolicyStatementCommand")]
        [InlineData("Send-XAccountObject -Bucket $b -Key k -Content x -Confirm:$false", "Buckets.SendXAccountObjectCommand")]
        [InlineData("Get-XAccountObjectOwnership -Bucket $b", "Acls.GetXAccountObjectOwnershipCommand")]
        [InlineData("Set-XAccountObjectOwnership -Bucket $b -ObjectOwnership BucketOwnerPreferred -Confirm:$false", "Acls.SetXAccountObjectOwnershipCommand")]
        [InlineData("Grant-XAccountAcl -Bucket $b -CanonicalId 79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be -Permission WRITE -Confirm:$false", "Acls.GrantXAccountAclCommand")]
        [InlineData("Revoke-XAccountAcl -Bucket $b -CanonicalId 79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be -Permission WRITE -Confirm:$false", "Acls.RevokeXAccountAclCommand")]
        [InlineData("Get-XAccountAccessReport -Bucket $b -AccountId 111122223333", "Reports.GetXAccountAccessReportCommand")]
        [InlineData("Test-XAccountAccess -Live -Bucket $b", "Evaluation.TestXAccountAccessCommand")]
        [InlineData("New-XAccountRole -RoleName R1 -TrustedPrincipal 222233334444 -Bucket $b -Confirm:$false", "Roles.NewXAccountRoleCommand")]
        [InlineData("Invoke-XAccountSetup -Method BucketPolicy -Bucket $b -Grantee 222233334444 -GranteeCredential ([pscustomobject]@{ AccessKey = 'AKIAI44QH8DHBEXAMPLE'; SecretKey = 'not-a-real-secret' }) -Confirm:$false", "Setup.InvokeXAccountSetupCommand")]
        [InlineData("Remove-XAccountSetup -Method BucketPolicy -Bucket $b -Grantee 222233334444 -GranteeCredential ([pscustomobject]@{ AccessKey = 'AKIAI44QH8DHBEXAMPLE'; SecretKey = 'not-a-real-secret' }) -Confirm:$false", "Setup.RemoveXAccountSetupCommand")]
        public void ABadBucketName_IsInvalidBucketName_BeforeAnyRequest(string command, string cmdletClass)
        {
            using var s = new PowerShellSession();
            foreach (var bucket in new[] { "Bad_Bucket", "my..bucket", "bucket\n" })
            {
                s.SetVariable("b", bucket);
                var r = s.Run(command + " " + Offline);
                Assert.Empty(r.Output);
                Assert.NotNull(r.FirstError);
                Assert.Equal("InvalidBucketName,S3CrossAccount.Commands." + cmdletClass, r.FirstError!.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidArgument, r.FirstError.CategoryInfo.Category);
                Assert.Equal(bucket, r.FirstError.TargetObject);
                Assert.Contains(bucket == "bucket\n" ? "'bucket\\n'" : "'" + bucket + "'", r.FirstError.Exception.Message);
                Assert.False(string.IsNullOrEmpty(r.FirstError.ErrorDetails?.RecommendedAction));
            }
        }
    }
}
