using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.S3.Model;
using S3CrossAccount.IntegrationTests.Harness;
using S3CrossAccount.PesterTests;
using Xunit;
using Xunit.Abstractions;

namespace S3CrossAccount.IntegrationTests.Scenarios
{
    /// <summary>
    /// Each runbook in examples/ run end to end in real pwsh against radosgw, as a user runs it: the module found on
    /// PSModulePath (the scripts' #Requires), the server's endpoint, credentials file and region given once through
    /// $PSDefaultParameterValues, and the names the server needs (tenant$user IAM user names) as the scripts' own
    /// parameters. Each test checks the state the runbook promises, with the SDK or raw signed requests.
    /// </summary>
    [Collection(RgwCollection.Name)]
    public class ExampleRunbookTests
    {
        private readonly RgwFixture _rgw;
        private readonly ITestOutputHelper _output;

        public ExampleRunbookTests(RgwFixture rgw, ITestOutputHelper output)
        {
            _rgw = rgw;
            _output = output;
        }

        private static string RepoRoot => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(PowerShellSession.ManifestPath)!, "..", "..", ".."));

        private static string Example(string name) => Path.Combine(RepoRoot, "examples", name);

        /// <summary>Runs <paramref name="commands"/> in a fresh pwsh in an empty directory (the runbooks write backups to ./), and fails with pwsh's output unless it exits with 0.</summary>
        private string RunPwsh(RgwServer server, TempProfileFile profiles, string commands)
        {
            var workDirectory = Path.Combine(Path.GetTempPath(), "s3xa-runbook-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(workDirectory);
            try
            {
                var script = $@"
$PSDefaultParameterValues['*-XAccount*:EndpointUrl'] = '{server.Endpoint}'
$PSDefaultParameterValues['*-XAccount*:ProfileLocation'] = '{profiles.Path}'
$PSDefaultParameterValues['*-XAccount*:Region'] = '{RgwServer.Region}'
Set-Location '{workDirectory}'
{commands}
";
                var moduleRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(PowerShellSession.ManifestPath)!, "..", ".."));
                var result = Pwsh.RunScript(RepoRoot, script, TimeSpan.FromMinutes(5), new Dictionary<string, string>
                {
                    ["PSModulePath"] = moduleRoot + Path.PathSeparator + Environment.GetEnvironmentVariable("PSModulePath"),
                });
                _output.WriteLine(result.Output);
                Assert.True(result.ExitCode == 0, result.ToString());
                return result.Output;
            }
            finally
            {
                Directory.Delete(workDirectory, recursive: true);
            }
        }

        private static async Task<string?> BucketPolicyAsync(RgwServer server, string bucket)
        {
            var r = await server.Raw(server.A).S3Async(HttpMethod.Get, bucket, subresource: "policy");
            return r.IsSuccess ? r.Body : null;
        }

        private static async Task<string> RoleErrorAsync(RgwServer server, string roleName) =>
            (await server.Raw(server.A).IamAsync("GetRole", new Dictionary<string, string> { ["RoleName"] = roleName })).ErrorCode ?? "found";

        private static async Task DeleteRoleAsync(RgwServer server, string roleName)
        {
            await server.Raw(server.A).IamAsync("DeleteRolePolicy", new Dictionary<string, string> { ["RoleName"] = roleName, ["PolicyName"] = "S3CrossAccountAccess" });
            await server.Raw(server.A).IamAsync("DeleteRole", new Dictionary<string, string> { ["RoleName"] = roleName });
        }

        private static string Method1(RgwServer server, string bucket) =>
            $"& '{Example("Method1-BucketPolicy.ps1")}' -Bucket {bucket} -GranteeUserArn {server.B.UserArn} -GranteeUserName '{server.B.IamUserName("user")}' -BucketAccountProfile A -GranteeAccountProfile B";

        private static string Method3(RgwServer server, string bucket, string key, string roleName) =>
            $"& '{Example("Method3-Role.ps1")}' -Bucket {bucket} -Key {key} -RoleName {roleName} -TrustedUserArn {server.C.AdminArn} -BucketAccountProfile A -TrustedUserProfile C";

        [SkippableFact]
        public async Task Method1_BucketPolicy_GivesBsUserTheObjects_AndARerunChangesNothing()
        {
            var server = _rgw.Require();
            var (bucket, s3A) = await HarnessTests.NewBucketWithObjectAsync(server, "exm1", "report.csv", "data");
            using var _ = s3A;
            using var profiles = server.CreateProfileFile();
            var qualified = server.A.QualifiedBucket(bucket);
            Assert.Equal("AccessDenied", (await server.Raw(server.B, asPlainUser: true).GetObjectAsync(qualified, "report.csv")).ErrorCode);

            RunPwsh(server, profiles, Method1(server, bucket));

            var policy = await BucketPolicyAsync(server, bucket);
            Assert.Contains($"\"Principal\":{{\"AWS\":\"{server.B.UserArn}\"}}", policy);
            var identity = await server.Raw(server.B).IamAsync("GetUserPolicy", new Dictionary<string, string> { ["UserName"] = server.B.IamUserName("user"), ["PolicyName"] = "S3CrossAccount-" + bucket });
            Assert.Contains($"arn:aws:s3:::{bucket}/*", WebUtility.UrlDecode(identity.ShouldSucceed().Element("PolicyDocument")));
            Assert.Equal("data", (await server.Raw(server.B, asPlainUser: true).GetObjectAsync(qualified, "report.csv")).ShouldSucceed().Body);

            // Safe to re-run, as the runbook says: the same policy, byte for byte.
            RunPwsh(server, profiles, Method1(server, bucket));
            Assert.Equal(policy, await BucketPolicyAsync(server, bucket));
        }

        [SkippableFact]
        public async Task Method2_Acl_GivesBWriteOnTheBucket_AndReadOnTheObjectsUnderThePrefix()
        {
            var server = _rgw.Require();
            var (bucket, s3A) = await HarnessTests.NewBucketWithObjectAsync(server, "exm2", "reports/r1.csv", "one");
            using var _ = s3A;
            await s3A.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "other/x", ContentBody = "x" });
            using var profiles = server.CreateProfileFile();

            RunPwsh(server, profiles, $"& '{Example("Method2-Acl.ps1")}' -Bucket {bucket} -Prefix reports/ -BucketAccountProfile A -GranteeAccountProfile B");

            var a = server.A.AdminCanonicalId;
            var b = server.B.AdminCanonicalId;
            Assert.Equal(new[] { $"{a}:FULL_CONTROL", $"{b}:WRITE" }, await SetupMethodTests.AclAsync(s3A, bucket));
            Assert.Equal(new[] { $"{a}:FULL_CONTROL", $"{b}:READ" }, await SetupMethodTests.AclAsync(s3A, bucket, "reports/r1.csv"));
            Assert.Equal(new[] { $"{a}:FULL_CONTROL" }, await SetupMethodTests.AclAsync(s3A, bucket, "other/x"));
        }

        [SkippableFact]
        public async Task Method3_Role_IsAssumedByCsUser_AndTheLiveProbeReadsTheObject()
        {
            var server = _rgw.Require();
            var (bucket, s3A) = await HarnessTests.NewBucketWithObjectAsync(server, "exm3", "HappyFace.jpg", "smile");
            using var _ = s3A;
            using var profiles = server.CreateProfileFile();
            var roleName = UniqueNames.Role("Example");
            try
            {
                var output = RunPwsh(server, profiles, Method3(server, bucket, "HappyFace.jpg", roleName) + " | Format-List Action, Outcome");
                Assert.Equal("found", await RoleErrorAsync(server, roleName));
                Assert.Matches(@"Action\s*:\s*s3:GetObject\s+Outcome\s*:\s*Allowed", output);
                Assert.Matches(@"Action\s*:\s*s3:GetObjectAcl\s+Outcome\s*:\s*Denied", output);
            }
            finally
            {
                await DeleteRoleAsync(server, roleName);
            }
        }

        [SkippableFact]
        public async Task Cleanup_RemovesWhatMethods1And3Added_AndNothingElse_AndTheReportNoLongerShowsTheGrantee()
        {
            var server = _rgw.Require();
            var (bucket, s3A) = await HarnessTests.NewBucketWithObjectAsync(server, "excl", "HappyFace.jpg", "smile");
            using var _ = s3A;
            using var profiles = server.CreateProfileFile();
            var roleName = UniqueNames.Role("Cleanup");
            // Another role of account A, which the clean-up must leave alone. (It also keeps radosgw's ListRoles
            // answering: with no role left in the tenant it says NoSuchEntity, where AWS gives an empty list.)
            var bystander = UniqueNames.Role("Bystander");
            try
            {
                var output = RunPwsh(server, profiles, string.Join(Environment.NewLine,
                    $"New-XAccountRole -RoleName {bystander} -TrustedPrincipal {server.C.AdminArn} -Bucket {bucket} -Access Read -ProfileName A | Out-Null",
                    Method1(server, bucket) + " | Out-Null",
                    Method3(server, bucket, "HappyFace.jpg", roleName) + " | Out-Null",
                    "'-- before'",
                    $"Get-XAccountAccessReport -Bucket {bucket} -ProfileName A -AccountId {server.A.AccountId} | ForEach-Object {{ 'principal ' + $_.Principal }}",
                    "'-- after'",
                    $"& '{Example("Cleanup-Seed001.ps1")}' -Bucket {bucket} -RoleName {roleName} -GranteeArn {server.B.UserArn} -BucketAccountProfile A -BucketAccountId {server.A.AccountId} -Confirm:$false | ForEach-Object {{ 'principal ' + $_.Principal }}"));

                var before = output.Substring(0, output.IndexOf("-- after", StringComparison.Ordinal));
                var after = output.Substring(before.Length);
                Assert.Contains("principal " + server.B.UserArn, before);
                Assert.DoesNotContain(server.B.UserArn, after);
                Assert.Null(await BucketPolicyAsync(server, bucket));
                Assert.Equal("NoSuchEntity", await RoleErrorAsync(server, roleName));
                Assert.Equal("found", await RoleErrorAsync(server, bystander));
            }
            finally
            {
                await DeleteRoleAsync(server, roleName);
                await DeleteRoleAsync(server, bystander);
            }
        }
    }
}
