using System;
using System.Collections.Generic;
using System.IO;
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
    /// Throttling, 5xx and broken connections on the IAM and STS calls of method 3, through the cmdlets: role creation,
    /// trust-policy merge, identity policy and AssumeRole. A request that is safe to send again is retried (the SDK's
    /// standard mode: 3 attempts) and the command succeeds; otherwise the command fails with a clear error and the
    /// state read back independently is the previous one (or, for a create whose answer was lost, exactly what that
    /// create wrote, which a re-run completes).
    /// </summary>
    [Collection(RgwCollection.Name)]
    public class IamStsFaultTests
    {
        private readonly RgwFixture _rgw;
        private readonly ITestOutputHelper _output;

        public IamStsFaultTests(RgwFixture rgw, ITestOutputHelper output)
        {
            _rgw = rgw;
            _output = output;
        }

        [SkippableFact]
        public async Task RoleCreation_ResetBeforeIamActs_And5xxOnTheAccessPolicy_AreRetried()
        {
            var server = _rgw.Require();
            using var profiles = server.CreateProfileFile();
            await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
            using var ps = new PowerShellSession();
            var roleName = UniqueNames.Role("CreateRetry");
            var bucket = UniqueNames.Bucket("createretry");
            try
            {
                proxy.Inject(FaultKind.ResetBeforeForward, times: 1, action: "CreateRole");
                proxy.Inject(FaultKind.InternalError, times: 1, action: "PutRolePolicy");

                ps.Run($"New-XAccountRole -RoleName {roleName} -TrustedPrincipal {server.C.AdminArn} -Bucket {bucket} -Access Read {server.CmdletArgs(profiles, "A", proxy.Endpoint)}").ShouldSucceed();

                Assert.Equal(new[] { 0, 200 }, Statuses(proxy, "CreateRole"));
                Assert.Equal(new[] { 500, 200 }, Statuses(proxy, "PutRolePolicy"));
                Assert.Equal(Trust(server.C.AdminArn), await TrustAsync(server, roleName));
                Assert.Equal(ReadObjects(bucket), await RolePolicyAsync(server, roleName));
            }
            finally
            {
                ps.Run($"Remove-XAccountRole -RoleName {roleName} {server.CmdletArgs(profiles, "A")} -Confirm:$false").ShouldSucceed();
            }
        }

        [SkippableFact]
        public async Task RoleCreation_WhoseAnswerIsLost_FailsClearly_AndARerunCompletesItWithoutASecondCreate()
        {
            var server = _rgw.Require();
            using var profiles = server.CreateProfileFile();
            await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
            using var ps = new PowerShellSession();
            var roleName = UniqueNames.Role("CreateLost");
            var bucket = UniqueNames.Bucket("createlost");
            var newRole = $"New-XAccountRole -RoleName {roleName} -TrustedPrincipal {server.C.AdminArn} -Bucket {bucket} -Access Read {server.CmdletArgs(profiles, "A", proxy.Endpoint)}";
            try
            {
                // IAM creates the role, the answer never arrives, the SDK sends CreateRole again: CreateRole is not
                // idempotent, so IAM refuses the second one. The command must not pass that off as somebody else's role.
                proxy.Inject(FaultKind.ResetAfterForward, times: 1, action: "CreateRole");

                var failed = ps.Run(newRole);

                _output.WriteLine(failed.FirstError?.Exception.Message);
                Assert.StartsWith("EntityAlreadyExists,", failed.FirstError!.FullyQualifiedErrorId);
                Assert.Equal(
                    $"IAM CreateRole {roleName} was sent 2 times (an earlier attempt got no answer) and the last attempt found it already there: most likely the earlier attempt created it.",
                    failed.FirstError.Exception.Message);
                Assert.StartsWith("Run the command again", failed.FirstError.ErrorDetails.RecommendedAction);
                Assert.Equal(new[] { 0, 409 }, Statuses(proxy, "CreateRole"));
                Assert.Equal(0, proxy.CountAction("PutRolePolicy"));
                Assert.Equal(Trust(server.C.AdminArn), await TrustAsync(server, roleName));
                Assert.Null(await RolePolicyAsync(server, roleName));

                proxy.ClearRecords();
                ps.Run(newRole).ShouldSucceed();

                Assert.Equal(0, proxy.CountAction("CreateRole"));
                Assert.Equal(new[] { 200 }, Statuses(proxy, "PutRolePolicy"));
                Assert.Equal(Trust(server.C.AdminArn), await TrustAsync(server, roleName));
                Assert.Equal(ReadObjects(bucket), await RolePolicyAsync(server, roleName));
            }
            finally
            {
                ps.Run($"Remove-XAccountRole -RoleName {roleName} {server.CmdletArgs(profiles, "A")} -Confirm:$false").ShouldSucceed();
            }
        }

        [SkippableFact]
        public async Task TrustPolicyMerge_ThrottledOrItsAnswerLost_IsRetried_AndAPersistentThrottle_LeavesTheTrustAsItWas()
        {
            var server = _rgw.Require();
            using var profiles = server.CreateProfileFile();
            await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
            using var ps = new PowerShellSession();
            var roleName = UniqueNames.Role("TrustFault");
            var bucket = UniqueNames.Bucket("trustfault");
            var viaProxy = server.CmdletArgs(profiles, "A", proxy.Endpoint);
            ps.Run($"New-XAccountRole -RoleName {roleName} -TrustedPrincipal {server.C.AdminArn} -Bucket {bucket} -Access Read {server.CmdletArgs(profiles, "A")}").ShouldSucceed();
            try
            {
                proxy.Inject(FaultKind.Throttling, times: 2, action: "UpdateAssumeRolePolicy");
                ps.Run($"New-XAccountRole -RoleName {roleName} -TrustedPrincipal {server.B.AdminArn} -Bucket {bucket} -Access Read {viaProxy}").ShouldSucceed();
                Assert.Equal(new[] { 400, 400, 200 }, Statuses(proxy, "UpdateAssumeRolePolicy"));
                Assert.Equal(Trust(server.C.AdminArn, server.B.AdminArn), await TrustAsync(server, roleName));

                // UpdateAssumeRolePolicy replaces the whole document, so sending it again after a lost answer is safe.
                proxy.ClearRecords();
                proxy.Inject(FaultKind.ResetAfterForward, times: 1, action: "UpdateAssumeRolePolicy");
                ps.Run($"New-XAccountRole -RoleName {roleName} -TrustedPrincipal {server.B.UserArn} -Bucket {bucket} -Access Read {viaProxy}").ShouldSucceed();
                Assert.Equal(new[] { 0, 200 }, Statuses(proxy, "UpdateAssumeRolePolicy"));
                var merged = Trust(server.C.AdminArn, server.B.AdminArn, server.B.UserArn);
                Assert.Equal(merged, await TrustAsync(server, roleName));

                proxy.ClearRecords();
                proxy.Inject(FaultKind.Throttling, FaultRule.Always, action: "UpdateAssumeRolePolicy");
                var failed = ps.Run($"New-XAccountRole -RoleName {roleName} -TrustedPrincipal {server.A.UserArn} -Bucket {bucket} -Access Read {viaProxy}");
                Assert.StartsWith("Throttled,", failed.FirstError!.FullyQualifiedErrorId);
                Assert.Equal(System.Management.Automation.ErrorCategory.LimitsExceeded, failed.FirstError.CategoryInfo.Category);
                Assert.Equal(new[] { 400, 400, 400 }, Statuses(proxy, "UpdateAssumeRolePolicy"));
                Assert.Empty(proxy.Writes);
                Assert.Equal(merged, await TrustAsync(server, roleName));
            }
            finally
            {
                ps.Run($"Remove-XAccountRole -RoleName {roleName} {server.CmdletArgs(profiles, "A")} -Confirm:$false").ShouldSucceed();
            }
        }

        [SkippableFact]
        public async Task IdentityPolicy_5xxAndALostAnswer_AreRetried_AndAPersistentThrottle_LeavesThePolicyAsItWas()
        {
            var server = _rgw.Require();
            using var profiles = server.CreateProfileFile();
            await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
            using var ps = new PowerShellSession();
            var user = server.C.IamUserName("user");
            var policyName = UniqueNames.Role("IdFault");
            var first = UniqueNames.Bucket("idfault");
            var second = UniqueNames.Bucket("idfault");
            string Set(string bucket) =>
                $"'{ReadObjects(bucket)}' | Set-XAccountIdentityPolicy -UserName '{user}' -PolicyName {policyName} {server.CmdletArgs(profiles, "C", proxy.Endpoint)}";
            try
            {
                proxy.Inject(FaultKind.Throttling, times: 1, action: "GetUserPolicy");
                proxy.Inject(FaultKind.InternalError, times: 1, action: "PutUserPolicy");
                ps.Run(Set(first)).ShouldSucceed();
                Assert.Equal(2, proxy.CountAction("GetUserPolicy"));
                Assert.Equal(new[] { 500, 200 }, Statuses(proxy, "PutUserPolicy"));
                Assert.Equal(ReadObjects(first), await UserPolicyAsync(server, user, policyName));

                proxy.ClearRecords();
                proxy.Inject(FaultKind.ResetAfterForward, times: 1, action: "PutUserPolicy");
                ps.Run(Set(second)).ShouldSucceed();
                Assert.Equal(new[] { 0, 200 }, Statuses(proxy, "PutUserPolicy"));
                var both = await UserPolicyAsync(server, user, policyName);
                Assert.Contains($"arn:aws:s3:::{first}/*", both);
                Assert.Contains($"arn:aws:s3:::{second}/*", both);

                proxy.ClearRecords();
                proxy.Inject(FaultKind.Throttling, FaultRule.Always, action: "PutUserPolicy");
                var failed = ps.Run(Set(UniqueNames.Bucket("idfault")));
                Assert.StartsWith("Throttled,", failed.FirstError!.FullyQualifiedErrorId);
                Assert.Equal(new[] { 400, 400, 400 }, Statuses(proxy, "PutUserPolicy"));
                Assert.Empty(proxy.Writes);
                Assert.Equal(both, await UserPolicyAsync(server, user, policyName));
            }
            finally
            {
                (await server.Raw(server.C).IamAsync("DeleteUserPolicy", new Dictionary<string, string> { ["UserName"] = user, ["PolicyName"] = policyName })).ShouldSucceed();
            }
        }

        [SkippableFact]
        public async Task AssumeRole_ThrottledOrReset_IsRetried_AndAPersistent5xx_FailsWithoutWritingTheProfile()
        {
            var server = _rgw.Require();
            using var profiles = server.CreateProfileFile();
            await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
            using var ps = new PowerShellSession();
            var roleName = UniqueNames.Role("AssumeFault");
            var bucket = UniqueNames.Bucket("assumefault");
            ps.Run($"New-XAccountRole -RoleName {roleName} -TrustedPrincipal {server.C.AdminArn} -Bucket {bucket} -Access Read {server.CmdletArgs(profiles, "A")}").ShouldSucceed();
            string Use(string session, string profile) =>
                $"Use-XAccountRole -RoleArn {server.A.RoleArn(roleName)} -RoleSessionName {session} -SaveAs {profile} {server.CmdletArgs(profiles, "C", proxy.Endpoint)}";
            try
            {
                proxy.Inject(FaultKind.Throttling, times: 2, action: "AssumeRole");
                ps.Run(Use("t1", "after-throttling")).ShouldSucceed();
                Assert.Equal(new[] { 400, 400, 200 }, Statuses(proxy, "AssumeRole"));
                Assert.Contains("[after-throttling]", profiles.ReadAllText());

                proxy.ClearRecords();
                proxy.Inject(FaultKind.ResetBeforeForward, times: 1, action: "AssumeRole");
                proxy.Inject(FaultKind.ResetAfterForward, times: 1, action: "AssumeRole");
                ps.Run(Use("t2", "after-resets")).ShouldSucceed();
                Assert.Equal(new[] { 0, 0, 200 }, Statuses(proxy, "AssumeRole"));
                Assert.Contains("[after-resets]", profiles.ReadAllText());

                proxy.ClearRecords();
                var before = profiles.ReadAllText();
                proxy.Inject(FaultKind.InternalError, FaultRule.Always, action: "AssumeRole");
                var failed = ps.Run(Use("t3", "never-written"));
                Assert.StartsWith("ServiceError,", failed.FirstError!.FullyQualifiedErrorId);
                Assert.Equal(new[] { 500, 500, 500 }, Statuses(proxy, "AssumeRole"));
                Assert.Equal(before, profiles.ReadAllText());
            }
            finally
            {
                ps.Run($"Remove-XAccountRole -RoleName {roleName} {server.CmdletArgs(profiles, "A")} -Confirm:$false").ShouldSucceed();
            }
        }

        private static int[] Statuses(FaultProxy proxy, string action) => proxy.Requests.Where(r => r.Action == action).Select(r => r.Status).ToArray();

        private static string Trust(params string[] principals) =>
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + (principals.Length == 1 ? $"\"{principals[0]}\"" : "[" + string.Join(",", principals.Select(p => $"\"{p}\"")) + "]")
            + "},\"Action\":\"sts:AssumeRole\"}]}";

        private static string ReadObjects(string bucket) =>
            $"{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":\"arn:aws:s3:::{bucket}/*\"}}]}}";

        private static async Task<string?> TrustAsync(RgwServer server, string roleName) =>
            WebUtility.UrlDecode((await server.Raw(server.A).IamAsync("GetRole", new Dictionary<string, string> { ["RoleName"] = roleName })).ShouldSucceed().Element("AssumeRolePolicyDocument"));

        private static async Task<string?> RolePolicyAsync(RgwServer server, string roleName)
        {
            var response = await server.Raw(server.A).IamAsync("GetRolePolicy", new Dictionary<string, string> { ["RoleName"] = roleName, ["PolicyName"] = "S3CrossAccountAccess" });
            return response.Status == 200 ? WebUtility.UrlDecode(response.Element("PolicyDocument")) : null;
        }

        private static async Task<string> UserPolicyAsync(RgwServer server, string user, string policyName) =>
            WebUtility.UrlDecode((await server.Raw(server.C).IamAsync("GetUserPolicy", new Dictionary<string, string> { ["UserName"] = user, ["PolicyName"] = policyName })).ShouldSucceed().Element("PolicyDocument")) ?? string.Empty;
    }
}
