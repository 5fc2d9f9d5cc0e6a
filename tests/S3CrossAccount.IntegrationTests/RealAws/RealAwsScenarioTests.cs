using System;
using System.Linq;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using S3CrossAccount.IntegrationTests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace S3CrossAccount.IntegrationTests.RealAws
{
    /// <summary>
    /// The seed methods against two real AWS accounts, through the module's cmdlets, for the behaviours radosgw does
    /// not have: tenants that are real account boundaries, Object Ownership (BucketOwnerEnforced by default),
    /// ExternalId in a trust policy, STS GetCallerIdentity, and GetBucketPolicy's 405 for other accounts. Opt-in: see
    /// <see cref="RealAwsAccounts"/>. Every test creates its own bucket and role and removes them, pass or fail.
    /// </summary>
    public class RealAwsScenarioTests
    {
        private readonly ITestOutputHelper _output;

        public RealAwsScenarioTests(ITestOutputHelper output) => _output = output;

        private static string Outcome(PipelineResult probe, string action) =>
            probe.Output.Single(o => (string)o.Properties["Action"].Value == action).Properties["Outcome"].Value.ToString()!;

        /// <summary>Bucket policies and IAM changes take a few seconds to be seen everywhere: probe until the expectation holds.</summary>
        private static async Task<PipelineResult> ProbeUntilAsync(PowerShellSession ps, string command, Func<PipelineResult, bool> done)
        {
            PipelineResult probe = ps.Run(command).ShouldSucceed();
            for (var i = 0; i < 10 && !done(probe); i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(3));
                probe = ps.Run(command).ShouldSucceed();
            }

            return probe;
        }

        private static async Task<(string Bucket, AmazonS3Client S3)> NewBucketAsync(RealAwsAccounts aws)
        {
            var s3 = aws.S3(aws.ProfileNameA);
            var bucket = "s3xa-it-" + Guid.NewGuid().ToString("N").Substring(0, 20);
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket, BucketRegionName = aws.Region == "us-east-1" ? null : aws.Region });
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "HappyFace.jpg", ContentBody = "smile" });
            return (bucket, s3);
        }

        private static async Task DeleteBucketAsync(AmazonS3Client s3, string bucket)
        {
            var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
            foreach (var o in listed.S3Objects ?? new System.Collections.Generic.List<S3Object>())
            {
                await s3.DeleteObjectAsync(bucket, o.Key);
            }

            await s3.DeleteBucketAsync(bucket);
        }

        [SkippableFact]
        public async Task Method1_OnRealAccounts_GrantsExactlyB_ReportsIt_AndRemovesIt()
        {
            var aws = RealAwsAccounts.Require();
            var accountB = aws.AccountOf(aws.ProfileNameB);
            var (bucket, s3) = await NewBucketAsync(aws);
            using var _ = s3;
            using var ps = new PowerShellSession();
            var asA = aws.Args(aws.ProfileNameA);
            var asB = aws.Args(aws.ProfileNameB);
            try
            {
                var probe = $"Test-XAccountAccess -Live -Bucket {bucket} -Key HappyFace.jpg {asB}";
                Assert.Equal("Denied", Outcome(ps.Run(probe).ShouldSucceed(), "s3:GetObject"));

                ps.Run($"New-XAccountBucketPolicy -Bucket {bucket} -Principal {accountB} -Access Read | Set-XAccountBucketPolicy -Bucket {bucket} {asA}").ShouldSucceed();
                var granted = await ProbeUntilAsync(ps, probe, r => Outcome(r, "s3:GetObject") == "Allowed");
                Assert.Equal("Allowed", Outcome(granted, "s3:GetObject"));
                Assert.Equal("Denied", Outcome(granted, "s3:GetObjectAcl"));
                // Only the bucket owner's account may read a bucket policy (405 for any other account).
                Assert.Equal("Denied", Outcome(granted, "s3:GetBucketPolicy"));

                var report = ps.Run($"Get-XAccountAccessReport -Bucket {bucket} -SkipRoles {asA}").ShouldSucceed();
                var row = Assert.Single(report.Output);
                Assert.Equal(accountB, row.Properties["PrincipalAccount"].Value);
                Assert.Equal("BucketPolicy", row.Properties["Path"].Value.ToString());

                ps.Run($"Remove-XAccountBucketPolicyStatement -Bucket {bucket} -Principal {accountB} {asA} -Confirm:$false").ShouldSucceed();
                var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = bucket }));
                Assert.Equal("NoSuchBucketPolicy", error.ErrorCode);
            }
            finally
            {
                await DeleteBucketAsync(s3, bucket);
            }
        }

        [SkippableFact]
        public async Task Method3_WithExternalId_AndACLsDisabledByDefault_OnRealAccounts()
        {
            var aws = RealAwsAccounts.Require();
            var accountA = aws.AccountOf(aws.ProfileNameA);
            var accountB = aws.AccountOf(aws.ProfileNameB);
            var (bucket, s3) = await NewBucketAsync(aws);
            using var _ = s3;
            using var ps = new PowerShellSession();
            var asA = aws.Args(aws.ProfileNameA);
            var asB = aws.Args(aws.ProfileNameB);
            var roleName = "s3xa-it-" + Guid.NewGuid().ToString("N").Substring(0, 12);
            try
            {
                Assert.Equal(accountB, ps.Run($"(Get-XAccountIdentity {asB}).Account").ShouldSucceed().Output.Single().BaseObject);

                // New buckets have ACLs disabled: the ACL method refuses clearly and changes nothing.
                Assert.Equal(false, ps.Run($"(Get-XAccountObjectOwnership -Bucket {bucket} {asA}).AclsEnabled").ShouldSucceed().Output.Single().BaseObject);
                var acl = ps.Run($"Grant-XAccountAcl -Bucket {bucket} -Permission WRITE -AccountId {accountB} -GranteeProfileName '{aws.ProfileNameB}' {asA}");
                Assert.StartsWith("AclNotSupported,", acl.FirstError!.FullyQualifiedErrorId);

                ps.Run($"$role = New-XAccountRole -RoleName {roleName} -TrustedPrincipal {accountB} -ExternalId Partner-42 -Bucket {bucket} -Access Read {asA}").ShouldSucceed();
                ps.Run($"$cred = $role | Use-XAccountRole -ExternalId Partner-42 -PropagationTimeout 90 {asB}").ShouldSucceed();
                var probe = await ProbeUntilAsync(ps, $"Test-XAccountAccess -Live -Bucket {bucket} -Key HappyFace.jpg -Credential $cred -Region {aws.Region}",
                    r => Outcome(r, "s3:GetObject") == "Allowed");
                Assert.Equal("Allowed", Outcome(probe, "s3:GetObject"));
                Assert.Equal("Denied", Outcome(probe, "s3:GetObjectAcl"));

                // Without the ExternalId the trust policy does not match.
                var refused = ps.Run($"Use-XAccountRole -RoleArn arn:aws:iam::{accountA}:role/{roleName} -PropagationTimeout 0 {asB}");
                Assert.StartsWith("RoleNotAssumable,", refused.FirstError!.FullyQualifiedErrorId);
            }
            finally
            {
                ps.Run($"Remove-XAccountRole -RoleName {roleName} {asA} -Confirm:$false");
                await DeleteBucketAsync(s3, bucket);
            }
        }
    }
}
