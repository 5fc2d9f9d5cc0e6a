using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using S3CrossAccount.IntegrationTests.Harness;
using Xunit;

namespace S3CrossAccount.IntegrationTests.Scenarios
{
    /// <summary>
    /// A clean-up can always be run again: examples/Cleanup-Seed001.ps1, run twice against radosgw in the hosted
    /// engine, completes both times; the second run finds nothing to remove and says so on the Verbose stream.
    /// </summary>
    [Collection(RgwCollection.Name)]
    public class CleanupRerunTests
    {
        private readonly RgwFixture _rgw;

        public CleanupRerunTests(RgwFixture rgw) => _rgw = rgw;

        [SkippableFact]
        public async Task CleanupSeed001_RunTwice_CompletesBothTimes()
        {
            var server = _rgw.Require();
            var (bucket, s3A) = await HarnessTests.NewBucketWithObjectAsync(server, "cleanup", "k1", "data");
            using var _ = s3A;
            using var profiles = server.CreateProfileFile();
            var asA = server.CmdletArgs(profiles, "A");
            var roleName = UniqueNames.Role("Cleanup");
            using var ps = new PowerShellSession();

            ps.Run($"New-XAccountBucketPolicy -Bucket {bucket} -Principal {server.B.UserArn} -Access ReadWrite | Set-XAccountBucketPolicy -Bucket {bucket} {asA}").ShouldSucceed();
            ps.Run($"New-XAccountRole -RoleName {roleName} -TrustedPrincipal {server.B.AdminArn} -Bucket {bucket} -Access Read {asA}").ShouldSucceed();

            // The runbook names only -ProfileName; the test server's endpoint, file and region come from the defaults.
            ps.Run("$PSDefaultParameterValues = @{ " +
                $"'*-XAccount*:EndpointUrl' = '{server.Endpoint}'; '*-XAccount*:ProfileLocation' = '{profiles.Path}'; '*-XAccount*:Region' = '{RgwServer.Region}' }}").ShouldSucceed();
            var script = Path.Combine(RepoRoot(), "examples", "Cleanup-Seed001.ps1");
            var backupDir = Path.Combine(Path.GetTempPath(), "s3xa-cleanup-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(backupDir);
            try
            {
                var run = $"$null = $ExecutionContext.SessionState.Path.SetLocation('{backupDir}'); & '{script}' -Bucket {bucket} -RoleName {roleName} -GranteeArn {server.B.UserArn} -BucketAccountProfile A -BucketAccountId {server.A.AccountId} -Confirm:$false -Verbose";

                var first = ps.Run(run).ShouldSucceed();
                Assert.Contains(first.Verbose, v => v == $"IAM DeleteRole {roleName}");
                Assert.Null(await StoredPolicyOrNullAsync(server, bucket));

                var second = ps.Run(run).ShouldSucceed();
                Assert.Contains($"Bucket {bucket} has no bucket policy; nothing to remove.", second.Verbose);
                Assert.Contains($"The role '{roleName}' does not exist in this account; nothing to remove.", second.Verbose);
                Assert.DoesNotContain(second.Verbose, v => v.StartsWith("IAM Delete", StringComparison.Ordinal) || v.StartsWith("S3 DeleteBucketPolicy", StringComparison.Ordinal));
            }
            finally
            {
                Directory.Delete(backupDir, recursive: true);
            }
        }

        private static async Task<string?> StoredPolicyOrNullAsync(RgwServer server, string bucket)
        {
            var raw = await server.Raw(server.A).S3Async(System.Net.Http.HttpMethod.Get, bucket, subresource: "policy");
            return raw.Status == 404 && raw.ErrorCode == "NoSuchBucketPolicy" ? null : raw.Body;
        }

        private static string RepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "examples", "Cleanup-Seed001.ps1")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("examples/Cleanup-Seed001.ps1 was not found above " + AppContext.BaseDirectory);
        }
    }
}
