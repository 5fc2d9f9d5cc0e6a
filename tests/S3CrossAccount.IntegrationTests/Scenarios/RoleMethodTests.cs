using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.S3;
using Amazon.S3.Model;
using S3CrossAccount.IntegrationTests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace S3CrossAccount.IntegrationTests.Scenarios
{
    /// <summary>
    /// Seed method 3 (cross-account IAM role) driven through the module's cmdlets in the hosted
    /// engine, exactly as a user would run it: A owns the bucket and the role, C's admin assumes it.
    /// Verification reads use the SDK or raw signed requests, never the module.
    /// </summary>
    [Collection(RgwCollection.Name)]
    public class RoleMethodTests
    {
        private static readonly string[] IamWrites =
        {
            "CreateRole", "UpdateAssumeRolePolicy", "UpdateRole", "TagRole", "PutRolePolicy", "DeleteRolePolicy", "CreatePolicy",
            "CreatePolicyVersion", "AttachRolePolicy", "DetachRolePolicy", "DeletePolicy", "DeleteRole", "PutUserPolicy",
        };

        private readonly RgwFixture _rgw;
        private readonly ITestOutputHelper _output;

        public RoleMethodTests(RgwFixture rgw, ITestOutputHelper output)
        {
            _rgw = rgw;
            _output = output;
        }

        private static IEnumerable<string> IamWriteLines(PipelineResult r) =>
            r.Verbose.Where(v => IamWrites.Any(w => v.StartsWith("IAM " + w + " ", StringComparison.Ordinal)));


        [SkippableFact]
        public async Task RoleMethod_CreateGrantAssumeRemove_ThroughTheCmdlets()
        {
            var server = _rgw.Require();
            var (bucket, s3A) = await HarnessTests.NewBucketWithObjectAsync(server, "rolem", "k1", "data");
            using var _ = s3A;
            using var profiles = server.CreateProfileFile();
            var roleName = UniqueNames.Role("Reader");
            var asA = server.CmdletArgs(profiles, "A");
            var asC = server.CmdletArgs(profiles, "C");
            using var ps = new PowerShellSession();

            // Step 1-2: the role in A trusting C's admin, with GetObject on the bucket (seed 001 step 3.1).
            var newRole = $"New-XAccountRole -RoleName {roleName} -TrustedPrincipal {server.C.AdminArn} -Bucket {bucket} -Access Read {asA} -Verbose";
            var created = ps.Run("$role = " + newRole + "; $role").ShouldSucceed();
            var role = created.Output.Single();
            Assert.Equal(server.A.RoleArn(roleName), role.Properties["RoleArn"].Value);
            Assert.Equal(server.A.Tenant, role.Properties["AccountId"].Value);
            Assert.Equal(new[] { $"IAM CreateRole {roleName}", $"IAM PutRolePolicy {roleName}/S3CrossAccountAccess" }, IamWriteLines(created));
            var stored = (await server.Raw(server.A).IamAsync("GetRolePolicy", new Dictionary<string, string> { ["RoleName"] = roleName, ["PolicyName"] = "S3CrossAccountAccess" })).ShouldSucceed();
            Assert.Equal($"{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":\"arn:aws:s3:::{bucket}/*\"}}]}}",
                WebUtility.UrlDecode(stored.Element("PolicyDocument")));

            // Idempotent: the same command again reads and writes nothing.
            var again = ps.Run(newRole).ShouldSucceed();
            Assert.Empty(IamWriteLines(again));
            Assert.Equal(new[] { $"IAM GetRole {roleName}", $"IAM GetRolePolicy {roleName}/S3CrossAccountAccess" },
                again.Verbose.Where(v => v.StartsWith("IAM ", StringComparison.Ordinal)));
            Assert.Empty((System.Collections.IEnumerable)again.Output.Single().Properties["Changes"].Value);

            // Step 3: C's admin may call sts:AssumeRole on the role (seed 002's identity policy). radosgw
            // refuses any sts:AssumeRole statement in a user policy (MalformedPolicyDocument, probed with
            // string and array forms) and does not need one: its AssumeRole checks the trust policy only.
            // So on this server the cmdlet must fail cleanly with the mapped ErrorId; the merge and
            // idempotency of the same code path are proven below with an S3 identity policy.
            var grant = $"$role | Grant-XAccountAssumeRole -UserName '{server.C.IamUserName("admin")}' {asC} -Verbose";
            var refused = ps.Run(grant);
            Assert.Equal("MalformedPolicy,S3CrossAccount.Commands.Roles.GrantXAccountAssumeRoleCommand", refused.FirstError!.FullyQualifiedErrorId);
            Assert.Equal(new[] { $"IAM PutUserPolicy {server.C.IamUserName("admin")}/S3CrossAccountAssumeRole" }, IamWriteLines(refused));

            var identity = $"'{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::{bucket}/*\"}}]}}' | "
                + $"Set-XAccountIdentityPolicy -UserName '{server.C.IamUserName("user")}' -PolicyName S3CrossAccount {asC} -Verbose";
            var firstSet = ps.Run(identity).ShouldSucceed();
            Assert.Equal(true, firstSet.Output.Single().Properties["Changed"].Value);
            Assert.Equal(new[] { $"IAM PutUserPolicy {server.C.IamUserName("user")}/S3CrossAccount" }, IamWriteLines(firstSet));
            var secondSet = ps.Run(identity).ShouldSucceed();
            Assert.Equal(false, secondSet.Output.Single().Properties["Changed"].Value);
            Assert.Empty(IamWriteLines(secondSet));
            (await server.Raw(server.C).IamAsync("DeleteUserPolicy", new Dictionary<string, string> { ["UserName"] = server.C.IamUserName("user"), ["PolicyName"] = "S3CrossAccount" })).ShouldSucceed();

            // Step 4: C assumes the role; the credentials read the object but not its ACL (seed 001 step 3.2).
            var used = ps.Run($"$cred = $role | Use-XAccountRole -RoleSessionName s1 -SaveAs rolesession {asC} -Verbose; $cred").ShouldSucceed();
            var cred = used.Output.Single();
            var keys = ps.Run("$cred.GetCredentials()").ShouldSucceed().Output.Single();
            var accessKey = (string)keys.Properties["AccessKey"].Value;
            var secretKey = (string)keys.Properties["SecretKey"].Value;
            var sessionToken = (string)keys.Properties["Token"].Value;
            Assert.Equal(accessKey, (string)cred.Properties["AccessKey"].Value);
            Assert.DoesNotContain(used.Verbose, v => v.Contains(secretKey) || v.Contains(sessionToken));
            Assert.Contains(used.Verbose, v => v == $"STS AssumeRole {server.A.RoleArn(roleName)} (session s1, attempt 1)");
            await AssertReadsButCannotReadAclAsync(server, new SessionAWSCredentials(accessKey, secretKey, sessionToken), bucket);

            // Neither does the object's text form.
            var shown = ps.Run("\"$cred\"").ShouldSucceed().Text;
            Assert.Contains(accessKey, shown);
            Assert.DoesNotContain(secretKey, shown);
            Assert.DoesNotContain(sessionToken, shown);

            // -SaveAs wrote a working profile without disturbing the others, owner-only.
            var file = new SharedCredentialsFile(profiles.Path);
            Assert.True(file.TryGetProfile("rolesession", out var saved));
            Assert.Equal(RgwServer.Region, saved.Region.SystemName);
            await AssertReadsButCannotReadAclAsync(server, saved.GetAWSCredentials(file), bucket);
            foreach (var account in server.Accounts)
            {
                Assert.True(file.TryGetProfile(account.Label, out var kept));
                Assert.Equal(account.AdminAccessKey, kept.Options.AccessKey);
            }

            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(profiles.Path));
            }

            // Remove: inline policy, then the role; GetRole then says NoSuchEntity.
            var removed = ps.Run($"$role | Remove-XAccountRole {asA} -Confirm:$false -Verbose").ShouldSucceed();
            Assert.Equal(new[] { $"IAM DeleteRolePolicy {roleName}/S3CrossAccountAccess", $"IAM DeleteRole {roleName}" }, IamWriteLines(removed));
            Assert.Equal("NoSuchEntity", (await server.Raw(server.A).IamAsync("GetRole", new Dictionary<string, string> { ["RoleName"] = roleName })).ErrorCode);
        }

        [SkippableFact]
        public async Task SecondTrustedPrincipal_IsMergedIntoTheTrustPolicy_AndWhatIfCreatesNothing()
        {
            var server = _rgw.Require();
            using var profiles = server.CreateProfileFile();
            var asA = server.CmdletArgs(profiles, "A");
            using var ps = new PowerShellSession();

            var ghost = UniqueNames.Role("Ghost");
            var whatIf = ps.Run($"New-XAccountRole -RoleName {ghost} -TrustedPrincipal {server.C.AdminArn} {asA} -WhatIf -Verbose").ShouldSucceed();
            Assert.Empty(whatIf.Output);
            Assert.Empty(IamWriteLines(whatIf));
            Assert.Equal("NoSuchEntity", (await server.Raw(server.A).IamAsync("GetRole", new Dictionary<string, string> { ["RoleName"] = ghost })).ErrorCode);

            var roleName = UniqueNames.Role("Merge");
            // The trust policy from the policy core's builder cmdlet, through the pipeline.
            ps.Run($"New-XAccountTrustPolicy -TrustedPrincipal {server.C.AdminArn} | New-XAccountRole -RoleName {roleName} {asA}").ShouldSucceed();
            // B is not trusted yet: AccessDenied is retried (a Verbose line per retry) until the
            // propagation timeout, then reported as RoleNotAssumable naming both policies.
            var denied = ps.Run($"Use-XAccountRole -RoleArn {server.A.RoleArn(roleName)} -PropagationTimeout 2 {server.CmdletArgs(profiles, "B")} -Verbose");
            Assert.Equal("RoleNotAssumable,S3CrossAccount.Commands.Roles.UseXAccountRoleCommand", denied.FirstError!.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.PermissionDenied, denied.FirstError.CategoryInfo.Category);
            Assert.Contains("trust policy", denied.FirstError.ErrorDetails.RecommendedAction);
            Assert.Contains(denied.Verbose, v => v.StartsWith("STS AssumeRole was denied; IAM changes can take a few seconds", StringComparison.Ordinal));

            var merged = ps.Run($"New-XAccountRole -RoleName {roleName} -TrustedPrincipal {server.B.AdminArn} {asA} -Verbose").ShouldSucceed();
            Assert.Equal(new[] { $"IAM UpdateAssumeRolePolicy {roleName}" }, IamWriteLines(merged));
            var trust = WebUtility.UrlDecode((await server.Raw(server.A).IamAsync("GetRole", new Dictionary<string, string> { ["RoleName"] = roleName })).ShouldSucceed().Element("AssumeRolePolicyDocument"));
            _output.WriteLine(trust);
            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"" + server.C.AdminArn + "\",\"" + server.B.AdminArn + "\"]},\"Action\":\"sts:AssumeRole\"}]}", trust);

            // B can now assume it too (the merged principal works), through the cmdlet.
            ps.Run($"Use-XAccountRole -RoleArn {server.A.RoleArn(roleName)} {server.CmdletArgs(profiles, "B")}").ShouldSucceed();

            ps.Run($"Remove-XAccountRole -RoleName {roleName} {asA} -Confirm:$false").ShouldSucceed();
        }

        [SkippableFact]
        public void RoleCredentials_WorkAsCredentialParameter_AndByPropertyName_ForTheModulesCmdlets()
        {
            var server = _rgw.Require();
            using var profiles = server.CreateProfileFile();
            using var ps = new PowerShellSession();
            var roleName = UniqueNames.Role("Console");
            var endpoint = $"-EndpointUrl '{server.Endpoint}' -Region {RgwServer.Region}";
            ps.Run($"$role = New-XAccountRole -RoleName {roleName} -TrustedPrincipal {server.C.AdminArn} -Bucket {UniqueNames.Bucket("console")} -Access Console {server.CmdletArgs(profiles, "A")}").ShouldSucceed();
            ps.Run($"$cred = $role | Use-XAccountRole {server.CmdletArgs(profiles, "C")}").ShouldSucceed();

            // The console preset grants s3:ListAllMyBuckets, which Get-XAccountCanonicalId (ListBuckets) needs.
            var viaParameter = ps.Run($"Get-XAccountCanonicalId -Credential $cred {endpoint} -Debug").ShouldSucceed();
            var viaPipeline = ps.Run($"$cred | Get-XAccountCanonicalId {endpoint}").ShouldSucceed();
            // radosgw reports the caller's user (C's admin) as the owner for a role session; AWS would
            // report account A's canonical ID. Either way both bindings must reach the same identity.
            _output.WriteLine(viaParameter.Output.Single().ToString());
            Assert.Equal(viaParameter.Output.Single().ToString(), viaPipeline.Output.Single().ToString());
            Assert.Contains(viaParameter.Debug, d => d.StartsWith("Credentials obtained from the -Credential parameter", StringComparison.Ordinal));

            ps.Run($"$role | Remove-XAccountRole {server.CmdletArgs(profiles, "A")} -Confirm:$false").ShouldSucceed();
        }

        private static async Task AssertReadsButCannotReadAclAsync(RgwServer server, AWSCredentials credentials, string bucket)
        {
            using var s3 = server.S3(credentials);
            using (var get = await s3.GetObjectAsync(bucket, "k1"))
            {
                Assert.Equal(HttpStatusCode.OK, get.HttpStatusCode);
            }

            var acl = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectAclAsync(new GetObjectAclRequest { BucketName = bucket, Key = "k1" }));
            Assert.Equal("AccessDenied", acl.ErrorCode);
        }
    }
}
