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
        public async Task RoleCreation_Throttled_IsRetried_AndAPersistent5xxOnTheTrustMerge_LeavesTheTrustAsItWas()
        {
            await using var scene = await Scene.StartAsync(_rgw.Require(), "Faults");

            scene.Proxy.Inject(FaultKind.Throttling, times: 2, action: "CreateRole");
            scene.NewRole(scene.Server.C.AdminArn).ShouldSucceed();
            Assert.Equal(new[] { 400, 400, 200 }, scene.Statuses("CreateRole"));
            var trust = await scene.TrustAsync();
            Assert.Equal(Trust(scene.Server.C.AdminArn), trust);

            scene.Proxy.ClearRecords();
            scene.Proxy.Inject(FaultKind.InternalError, FaultRule.Always, action: "UpdateAssumeRolePolicy");
            var failed = scene.NewRole(scene.Server.B.AdminArn);
            Assert.StartsWith("ServiceError,", failed.FirstError!.FullyQualifiedErrorId);
            Assert.Equal(new[] { 500, 500, 500 }, scene.Statuses("UpdateAssumeRolePolicy"));
            Assert.Empty(scene.Proxy.Writes);
            Assert.Equal(trust, await scene.TrustAsync());
        }

        [SkippableFact]
        public async Task RoleCreation_ResetBeforeIamActs_And5xxOnTheAccessPolicy_AreRetried()
        {
            await using var scene = await Scene.StartAsync(_rgw.Require(), "CreateRetry");
            scene.Proxy.Inject(FaultKind.ResetBeforeForward, times: 1, action: "CreateRole");
            scene.Proxy.Inject(FaultKind.InternalError, times: 1, action: "PutRolePolicy");

            scene.NewRole(scene.Server.C.AdminArn).ShouldSucceed();

            Assert.Equal(new[] { 0, 200 }, scene.Statuses("CreateRole"));
            Assert.Equal(new[] { 500, 200 }, scene.Statuses("PutRolePolicy"));
            Assert.Equal(Trust(scene.Server.C.AdminArn), await scene.TrustAsync());
            Assert.Equal(ReadObjects(scene.Bucket), await scene.RolePolicyAsync());
        }

        [SkippableFact]
        public async Task RoleCreation_WhoseAnswerIsLost_FailsClearly_AndARerunCompletesItWithoutASecondCreate()
        {
            await using var scene = await Scene.StartAsync(_rgw.Require(), "CreateLost");

            // IAM creates the role, the answer never arrives, the SDK sends CreateRole again: CreateRole is not
            // idempotent, so IAM refuses the second one. The command must not pass that off as somebody else's role.
            scene.Proxy.Inject(FaultKind.ResetAfterForward, times: 1, action: "CreateRole");
            var failed = scene.NewRole(scene.Server.C.AdminArn);

            _output.WriteLine(failed.FirstError?.Exception.Message);
            Assert.StartsWith("EntityAlreadyExists,", failed.FirstError!.FullyQualifiedErrorId);
            Assert.Equal(
                $"IAM CreateRole {scene.RoleName} was sent 2 times (an earlier attempt got no answer) and the last attempt found it already there: most likely the earlier attempt created it.",
                failed.FirstError.Exception.Message);
            Assert.StartsWith("Run the command again", failed.FirstError.ErrorDetails.RecommendedAction);
            Assert.Equal(new[] { 0, 409 }, scene.Statuses("CreateRole"));
            Assert.Equal(0, scene.Proxy.CountAction("PutRolePolicy"));
            Assert.Equal(Trust(scene.Server.C.AdminArn), await scene.TrustAsync());
            Assert.Null(await scene.RolePolicyAsync());

            scene.Proxy.ClearRecords();
            scene.NewRole(scene.Server.C.AdminArn).ShouldSucceed();

            Assert.Equal(0, scene.Proxy.CountAction("CreateRole"));
            Assert.Equal(new[] { 200 }, scene.Statuses("PutRolePolicy"));
            Assert.Equal(Trust(scene.Server.C.AdminArn), await scene.TrustAsync());
            Assert.Equal(ReadObjects(scene.Bucket), await scene.RolePolicyAsync());
        }

        [SkippableFact]
        public async Task TrustPolicyMerge_ThrottledOrItsAnswerLost_IsRetried_AndAPersistentThrottle_LeavesTheTrustAsItWas()
        {
            await using var scene = await Scene.StartAsync(_rgw.Require(), "TrustFault");
            var server = scene.Server;
            scene.NewRole(server.C.AdminArn, viaProxy: false).ShouldSucceed();

            scene.Proxy.Inject(FaultKind.Throttling, times: 2, action: "UpdateAssumeRolePolicy");
            scene.NewRole(server.B.AdminArn).ShouldSucceed();
            Assert.Equal(new[] { 400, 400, 200 }, scene.Statuses("UpdateAssumeRolePolicy"));
            Assert.Equal(Trust(server.C.AdminArn, server.B.AdminArn), await scene.TrustAsync());

            // UpdateAssumeRolePolicy replaces the whole document, so sending it again after a lost answer is safe.
            scene.Proxy.ClearRecords();
            scene.Proxy.Inject(FaultKind.ResetAfterForward, times: 1, action: "UpdateAssumeRolePolicy");
            scene.NewRole(server.B.UserArn).ShouldSucceed();
            Assert.Equal(new[] { 0, 200 }, scene.Statuses("UpdateAssumeRolePolicy"));
            var merged = Trust(server.C.AdminArn, server.B.AdminArn, server.B.UserArn);
            Assert.Equal(merged, await scene.TrustAsync());

            scene.Proxy.ClearRecords();
            scene.Proxy.Inject(FaultKind.Throttling, FaultRule.Always, action: "UpdateAssumeRolePolicy");
            var failed = scene.NewRole(server.A.UserArn);
            Assert.StartsWith("Throttled,", failed.FirstError!.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.LimitsExceeded, failed.FirstError.CategoryInfo.Category);
            Assert.Equal(new[] { 400, 400, 400 }, scene.Statuses("UpdateAssumeRolePolicy"));
            Assert.Empty(scene.Proxy.Writes);
            Assert.Equal(merged, await scene.TrustAsync());
        }

        [SkippableFact]
        public async Task IdentityPolicy_5xxAndALostAnswer_AreRetried_AndAPersistentThrottle_LeavesThePolicyAsItWas()
        {
            await using var scene = await Scene.StartAsync(_rgw.Require(), "IdFault");
            var server = scene.Server;
            var user = server.C.IamUserName("user");
            var policyName = scene.RoleName;
            var second = UniqueNames.Bucket("idfault");
            string Set(string bucket) =>
                $"'{ReadObjects(bucket)}' | Set-XAccountIdentityPolicy -UserName '{user}' -PolicyName {policyName} {server.CmdletArgs(scene.Profiles, "C", scene.Proxy.Endpoint)}";
            try
            {
                scene.Proxy.Inject(FaultKind.Throttling, times: 1, action: "GetUserPolicy");
                scene.Proxy.Inject(FaultKind.InternalError, times: 1, action: "PutUserPolicy");
                scene.Ps.Run(Set(scene.Bucket)).ShouldSucceed();
                // The throttled read, its retry, and the read after the settle interval that shows the write.
                Assert.Equal(3, scene.Proxy.CountAction("GetUserPolicy"));
                Assert.Equal(new[] { 500, 200 }, scene.Statuses("PutUserPolicy"));
                Assert.Equal(ReadObjects(scene.Bucket), await UserPolicyAsync(server, user, policyName));

                scene.Proxy.ClearRecords();
                scene.Proxy.Inject(FaultKind.ResetAfterForward, times: 1, action: "PutUserPolicy");
                scene.Ps.Run(Set(second)).ShouldSucceed();
                Assert.Equal(new[] { 0, 200 }, scene.Statuses("PutUserPolicy"));
                var both = await UserPolicyAsync(server, user, policyName);
                Assert.Contains($"arn:aws:s3:::{scene.Bucket}/*", both);
                Assert.Contains($"arn:aws:s3:::{second}/*", both);

                scene.Proxy.ClearRecords();
                scene.Proxy.Inject(FaultKind.Throttling, FaultRule.Always, action: "PutUserPolicy");
                var failed = scene.Ps.Run(Set(UniqueNames.Bucket("idfault")));
                Assert.StartsWith("Throttled,", failed.FirstError!.FullyQualifiedErrorId);
                Assert.Equal(new[] { 400, 400, 400 }, scene.Statuses("PutUserPolicy"));
                Assert.Empty(scene.Proxy.Writes);
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
            await using var scene = await Scene.StartAsync(_rgw.Require(), "AssumeFault");
            var server = scene.Server;
            scene.NewRole(server.C.AdminArn, viaProxy: false).ShouldSucceed();
            string Use(string session, string profile) =>
                $"Use-XAccountRole -RoleArn {server.A.RoleArn(scene.RoleName)} -RoleSessionName {session} -SaveAs {profile} {server.CmdletArgs(scene.Profiles, "C", scene.Proxy.Endpoint)}";

            scene.Proxy.Inject(FaultKind.Throttling, times: 2, action: "AssumeRole");
            scene.Ps.Run(Use("t1", "after-throttling")).ShouldSucceed();
            Assert.Equal(new[] { 400, 400, 200 }, scene.Statuses("AssumeRole"));
            Assert.Contains("[after-throttling]", scene.Profiles.ReadAllText());

            scene.Proxy.ClearRecords();
            scene.Proxy.Inject(FaultKind.ResetBeforeForward, times: 1, action: "AssumeRole");
            scene.Proxy.Inject(FaultKind.ResetAfterForward, times: 1, action: "AssumeRole");
            scene.Ps.Run(Use("t2", "after-resets")).ShouldSucceed();
            Assert.Equal(new[] { 0, 0, 200 }, scene.Statuses("AssumeRole"));
            Assert.Contains("[after-resets]", scene.Profiles.ReadAllText());

            scene.Proxy.ClearRecords();
            var before = scene.Profiles.ReadAllText();
            scene.Proxy.Inject(FaultKind.InternalError, FaultRule.Always, action: "AssumeRole");
            var failed = scene.Ps.Run(Use("t3", "never-written"));
            Assert.StartsWith("ServiceError,", failed.FirstError!.FullyQualifiedErrorId);
            Assert.Equal(new[] { 500, 500, 500 }, scene.Statuses("AssumeRole"));
            Assert.Equal(before, scene.Profiles.ReadAllText());
        }

        private static string Trust(params string[] principals) =>
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + (principals.Length == 1 ? $"\"{principals[0]}\"" : "[" + string.Join(",", principals.Select(p => $"\"{p}\"")) + "]")
            + "},\"Action\":\"sts:AssumeRole\"}]}";

        private static string ReadObjects(string bucket) =>
            $"{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":\"arn:aws:s3:::{bucket}/*\"}}]}}";

        private static async Task<string> UserPolicyAsync(RgwServer server, string user, string policyName) =>
            WebUtility.UrlDecode((await server.Raw(server.C).IamAsync("GetUserPolicy", new Dictionary<string, string> { ["UserName"] = user, ["PolicyName"] = policyName })).ShouldSucceed().Element("PolicyDocument")) ?? string.Empty;

        /// <summary>
        /// One role in account A (removed at the end), a fault proxy in front of the server, profiles and a hosted
        /// engine; the role's state is read back with raw signed requests, never through the module.
        /// </summary>
        private sealed class Scene : IAsyncDisposable
        {
            private Scene(RgwServer server, TempProfileFile profiles, FaultProxy proxy, string hint)
            {
                Server = server;
                Profiles = profiles;
                Proxy = proxy;
                RoleName = UniqueNames.Role(hint);
                Bucket = UniqueNames.Bucket(hint.ToLowerInvariant());
            }

            public RgwServer Server { get; }

            public TempProfileFile Profiles { get; }

            public FaultProxy Proxy { get; }

            public PowerShellSession Ps { get; } = new PowerShellSession();

            public string RoleName { get; }

            public string Bucket { get; }

            public static async Task<Scene> StartAsync(RgwServer server, string hint) =>
                new Scene(server, server.CreateProfileFile(), await FaultProxy.StartAsync(server.Endpoint), hint);

            /// <summary>New-XAccountRole in A: the role trusting <paramref name="principal"/>, reading the scene's bucket.</summary>
            public PipelineResult NewRole(string principal, bool viaProxy = true) =>
                Ps.Run($"New-XAccountRole -RoleName {RoleName} -TrustedPrincipal {principal} -Bucket {Bucket} -Access Read {Server.CmdletArgs(Profiles, "A", viaProxy ? Proxy.Endpoint : null)}");

            /// <summary>The HTTP status of each request with this IAM/STS Action, in order (0: the connection was reset).</summary>
            public int[] Statuses(string action) => Proxy.Requests.Where(r => r.Action == action).Select(r => r.Status).ToArray();

            public async Task<string?> TrustAsync() =>
                WebUtility.UrlDecode((await Server.Raw(Server.A).IamAsync("GetRole", new Dictionary<string, string> { ["RoleName"] = RoleName })).ShouldSucceed().Element("AssumeRolePolicyDocument"));

            public async Task<string?> RolePolicyAsync()
            {
                var response = await Server.Raw(Server.A).IamAsync("GetRolePolicy", new Dictionary<string, string> { ["RoleName"] = RoleName, ["PolicyName"] = "S3CrossAccountAccess" });
                return response.Status == 200 ? WebUtility.UrlDecode(response.Element("PolicyDocument")) : null;
            }

            public async ValueTask DisposeAsync()
            {
                var exists = (await Server.Raw(Server.A).IamAsync("GetRole", new Dictionary<string, string> { ["RoleName"] = RoleName })).Status == 200;
                if (exists)
                {
                    Ps.Run($"Remove-XAccountRole -RoleName {RoleName} {Server.CmdletArgs(Profiles, "A")} -Confirm:$false").ShouldSucceed();
                }

                Ps.Dispose();
                await Proxy.DisposeAsync();
                Profiles.Dispose();
            }
        }
    }
}
