using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using S3CrossAccount.IntegrationTests.Faults;
using S3CrossAccount.IntegrationTests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace S3CrossAccount.IntegrationTests.Scenarios
{
    /// <summary>
    /// Method 3 under injected IAM faults, through the cmdlets: throttling is retried and the role ends up right; a
    /// failure that persists is reported and leaves the role's trust policy exactly as it was.
    /// </summary>
    [Collection(RgwCollection.Name)]
    public class RoleFaultTests
    {
        private readonly RgwFixture _rgw;
        private readonly ITestOutputHelper _output;

        public RoleFaultTests(RgwFixture rgw, ITestOutputHelper output)
        {
            _rgw = rgw;
            _output = output;
        }

        [SkippableFact]
        public async Task IamThrottling_IsRetried_AndAPersistentFault_LeavesTheTrustPolicyAsItWas()
        {
            var server = _rgw.Require();
            using var profiles = server.CreateProfileFile();
            await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
            var viaProxy = server.CmdletArgs(profiles, "A", proxy.Endpoint);
            using var ps = new PowerShellSession();
            var roleName = UniqueNames.Role("Faults");
            var bucket = UniqueNames.Bucket("faults");

            proxy.Inject(FaultKind.Throttling, times: 2, action: "CreateRole");
            ps.Run($"New-XAccountRole -RoleName {roleName} -TrustedPrincipal {server.C.AdminArn} -Bucket {bucket} -Access Read {viaProxy}").ShouldSucceed();
            Assert.Equal(new[] { 400, 400, 200 }, proxy.Requests.Where(r => r.Action == "CreateRole").Select(r => r.Status));
            var trust = await TrustAsync(server, roleName);
            Assert.Contains(server.C.AdminArn, trust);

            try
            {
                proxy.ClearRecords();
                proxy.Inject(FaultKind.InternalError, FaultRule.Always, action: "UpdateAssumeRolePolicy");
                var failed = ps.Run($"New-XAccountRole -RoleName {roleName} -TrustedPrincipal {server.B.AdminArn} -Bucket {bucket} -Access Read {viaProxy}");
                _output.WriteLine(failed.FirstError?.FullyQualifiedErrorId + ": " + failed.FirstError?.Exception.Message);
                Assert.NotNull(failed.FirstError);
                Assert.StartsWith("ServiceError,", failed.FirstError!.FullyQualifiedErrorId);
                Assert.Equal(new[] { 500, 500, 500 }, proxy.Requests.Where(r => r.Action == "UpdateAssumeRolePolicy").Select(r => r.Status));
                Assert.Empty(proxy.Writes);
                Assert.Equal(trust, await TrustAsync(server, roleName));
            }
            finally
            {
                ps.Run($"Remove-XAccountRole -RoleName {roleName} {server.CmdletArgs(profiles, "A")} -Confirm:$false").ShouldSucceed();
            }
        }

        private static async Task<string> TrustAsync(RgwServer server, string roleName) =>
            WebUtility.UrlDecode((await server.Raw(server.A).IamAsync("GetRole", new Dictionary<string, string> { ["RoleName"] = roleName })).ShouldSucceed().Element("AssumeRolePolicyDocument")) ?? string.Empty;
    }
}
