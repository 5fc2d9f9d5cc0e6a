using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using S3CrossAccount.IntegrationTests.Faults;
using S3CrossAccount.IntegrationTests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace S3CrossAccount.IntegrationTests.Scenarios
{
    /// <summary>
    /// Seed method 1 (bucket policy + identity policy, seeds 000/002), seed 001's conditional upload,
    /// and bucket-policy writes under injected faults, driven through the module's cmdlets in the
    /// hosted engine. Verification reads go through the AWS SDK or raw signed requests, never the module.
    /// radosgw round-trips a bucket policy byte for byte, so stored policies are compared as exact JSON.
    /// </summary>
    [Collection(RgwCollection.Name)]
    public class BucketPolicyMethodTests
    {
        private static readonly string[] S3Writes = { "PutBucketPolicy", "DeleteBucketPolicy", "PutObject" };

        private readonly RgwFixture _rgw;
        private readonly ITestOutputHelper _output;

        public BucketPolicyMethodTests(RgwFixture rgw, ITestOutputHelper output)
        {
            _rgw = rgw;
            _output = output;
        }

        private static IEnumerable<string> S3Lines(PipelineResult r) => r.Verbose.Where(v => v.StartsWith("S3 ", StringComparison.Ordinal));

        private static IEnumerable<string> S3WriteLines(PipelineResult r) => S3Lines(r).Where(v => S3Writes.Any(w => v.StartsWith("S3 " + w + " ", StringComparison.Ordinal)));

        private static string ForeignPolicy(RgwServer server, string bucket) =>
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Foreign\",\"Effect\":\"Allow\","
            + $"\"Principal\":{{\"AWS\":\"{server.C.AdminArn}\"}},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::{bucket}/public/*\"}}]}}";

        private static async Task<string?> StoredPolicyAsync(RgwServer server, string bucket)
        {
            var raw = await server.Raw(server.A).S3Async(HttpMethod.Get, bucket, subresource: "policy");
            if (raw.Status == 404)
            {
                Assert.Equal("NoSuchBucketPolicy", raw.ErrorCode);
                return null;
            }

            return raw.ShouldSucceed().Body;
        }

        [SkippableFact]
        public async Task Method1_MergesIntoAForeignPolicy_IsIdempotent_LandsTheIdentityPolicy_AndRemovesOnlyWhatItAdded()
        {
            var server = _rgw.Require();
            var (bucket, s3A) = await HarnessTests.NewBucketWithObjectAsync(server, "method1", "k1", "data");
            using var _ = s3A;
            var foreign = ForeignPolicy(server, bucket);
            await s3A.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = foreign });
            using var profiles = server.CreateProfileFile();
            var asA = server.CmdletArgs(profiles, "A");
            var backup = Path.Combine(Path.GetTempPath(), "s3xa-" + Guid.NewGuid().ToString("N") + ".json");
            using var ps = new PowerShellSession();

            // Seed 002's bucket policy for B's user, from the builder cmdlet through the pipeline.
            var grant = $"New-XAccountBucketPolicy -Bucket {bucket} -Principal {server.B.UserArn} -Access ReadWrite";
            var set = ps.Run($"$result = {grant} | Set-XAccountBucketPolicy -Bucket {bucket} -BackupPath '{backup}' {asA} -Verbose; $result").ShouldSucceed();
            Assert.Equal(new[] { $"S3 GetBucketPolicy {bucket}", $"S3 PutBucketPolicy {bucket}", $"S3 GetBucketPolicy {bucket}" }, S3Lines(set));
            Assert.Equal("Put", set.Output.Single().Properties["Write"].Value.ToString());
            Assert.Equal("Added", ps.Run("[string]$result.Changes[0].Kind").ShouldSucceed().Text);
            var sid = ps.Run("$result.Changes[0].Sid").ShouldSucceed().Text;
            Assert.Matches("^XAccount[0-9A-F]{12}$", sid);
            var merged = foreign.Substring(0, foreign.Length - 2) + $",{{\"Sid\":\"{sid}\",\"Effect\":\"Allow\",\"Principal\":{{\"AWS\":\"{server.B.UserArn}\"}},"
                + $"\"Action\":[\"s3:GetObject\",\"s3:PutObject\",\"s3:PutObjectAcl\"],\"Resource\":\"arn:aws:s3:::{bucket}/*\"}}]}}";
            // The foreign statement is there exactly as it was, the new one after it; read with the SDK.
            Assert.Equal(merged, (await s3A.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = bucket })).Policy);
            Assert.Equal(foreign, File.ReadAllText(backup));
            File.Delete(backup);

            // The grant works: B's user reads the object; C (foreign statement: public/* only) does not.
            Assert.Equal("data", (await server.Raw(server.B, asPlainUser: true).GetObjectAsync(server.A.QualifiedBucket(bucket), "k1")).ShouldSucceed().Body);
            Assert.Equal("AccessDenied", (await server.Raw(server.C).GetObjectAsync(server.A.QualifiedBucket(bucket), "k1")).ErrorCode);

            // Re-run: one read, no write, nothing changed.
            var again = ps.Run($"{grant} | Set-XAccountBucketPolicy -Bucket {bucket} {asA} -Verbose").ShouldSucceed();
            Assert.Equal(new[] { $"S3 GetBucketPolicy {bucket}" }, S3Lines(again));
            Assert.Equal("None", again.Output.Single().Properties["Write"].Value.ToString());
            Assert.Equal(merged, await StoredPolicyAsync(server, bucket));

            // Get-XAccountBucketPolicy shows both statements.
            var got = ps.Run($"Get-XAccountBucketPolicy -Bucket {bucket} {asA}").ShouldSucceed().Output.Single();
            Assert.Equal(bucket, got.Properties["BucketName"].Value);
            Assert.Equal(new[] { "Foreign", sid }, (IEnumerable<string>)got.Properties["Sids"].Value);

            // B's side: the identity policy lands on B's user, once.
            var identity = $"New-XAccountIdentityPolicy -Bucket {bucket} -Access ReadWrite | Set-XAccountIdentityPolicy -UserName '{server.B.IamUserName("user")}' -PolicyName S3CrossAccountMethod1 {server.CmdletArgs(profiles, "B")}";
            Assert.Equal(true, ps.Run(identity).ShouldSucceed().Output.Single().Properties["Changed"].Value);
            Assert.Equal(false, ps.Run(identity).ShouldSucceed().Output.Single().Properties["Changed"].Value);
            var userPolicy = (await server.Raw(server.B).IamAsync("GetUserPolicy", new Dictionary<string, string> { ["UserName"] = server.B.IamUserName("user"), ["PolicyName"] = "S3CrossAccountMethod1" })).ShouldSucceed();
            Assert.Equal($"{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\",\"s3:PutObjectAcl\"],\"Resource\":\"arn:aws:s3:::{bucket}/*\"}}]}}",
                WebUtility.UrlDecode(userPolicy.Element("PolicyDocument")));
            (await server.Raw(server.B).IamAsync("DeleteUserPolicy", new Dictionary<string, string> { ["UserName"] = server.B.IamUserName("user"), ["PolicyName"] = "S3CrossAccountMethod1" })).ShouldSucceed();

            // -WhatIf shows what would go (Verbose carries the statement diff) and writes nothing.
            var whatIf = ps.Run($"Remove-XAccountBucketPolicyStatement -Bucket {bucket} -Principal {server.B.UserArn} {asA} -WhatIf -Verbose").ShouldSucceed();
            Assert.Empty(S3WriteLines(whatIf));
            Assert.Contains(whatIf.Verbose, v => v.StartsWith($"Removed statement {sid}: ", StringComparison.Ordinal));
            Assert.Equal(merged, await StoredPolicyAsync(server, bucket));

            // Remove by principal takes only the module's statement; the foreign one is back byte for byte.
            var removed = ps.Run($"Remove-XAccountBucketPolicyStatement -Bucket {bucket} -Principal {server.B.UserArn} {asA} -Confirm:$false -PassThru -Verbose").ShouldSucceed();
            Assert.Equal(new[] { $"S3 GetBucketPolicy {bucket}", $"S3 PutBucketPolicy {bucket}", $"S3 GetBucketPolicy {bucket}" }, S3Lines(removed));
            Assert.Equal("Put", removed.Output.Single().Properties["Write"].Value.ToString());
            Assert.Equal(foreign, await StoredPolicyAsync(server, bucket));
            var removedAgain = ps.Run($"Remove-XAccountBucketPolicyStatement -Bucket {bucket} -Principal {server.B.UserArn} {asA} -Confirm:$false -Verbose").ShouldSucceed();
            Assert.Empty(S3WriteLines(removedAgain));
            Assert.Empty(removedAgain.Output);
        }

        [SkippableFact]
        public async Task Method1_OnABucketWithoutPolicy_RemovingTheOnlyGrantDeletesThePolicy_AndPassThruUndoes()
        {
            var server = _rgw.Require();
            using var s3A = server.S3(server.A);
            var bucket = UniqueNames.Bucket("method1del");
            await s3A.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
            using var profiles = server.CreateProfileFile();
            var asA = server.CmdletArgs(profiles, "A");
            using var ps = new PowerShellSession();

            // No policy: Get outputs nothing and says so, without an error.
            var none = ps.Run($"Get-XAccountBucketPolicy -Bucket {bucket} {asA} -Verbose").ShouldSucceed();
            Assert.Empty(none.Output);
            Assert.Contains($"Bucket {bucket} has no bucket policy.", none.Verbose);

            // JSON text works as -Policy; account B by its ID (stored as given).
            var json = $"'{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Effect\":\"Allow\",\"Principal\":{{\"AWS\":\"{server.B.AccountId}\"}},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::{bucket}/*\"}}]}}'";
            ps.Run($"{json} | Set-XAccountBucketPolicy -Bucket {bucket} {asA}").ShouldSucceed();
            var granted = await StoredPolicyAsync(server, bucket);
            Assert.NotNull(granted);

            // -PassThru returns the previous policy; piped back with -Replace it undoes a second change.
            var previous = ps.Run($"$prev = New-XAccountBucketPolicy -Bucket {bucket} -Principal {server.C.AdminArn} | Set-XAccountBucketPolicy -Bucket {bucket} -PassThru {asA}; $prev").ShouldSucceed();
            Assert.Equal(bucket, previous.Output.Single().Properties["BucketName"].Value);
            Assert.NotEqual(granted, await StoredPolicyAsync(server, bucket));
            ps.Run($"$prev | Set-XAccountBucketPolicy -Replace -Confirm:$false {asA}").ShouldSucceed();
            Assert.Equal(granted, await StoredPolicyAsync(server, bucket));

            // Removing exactly that grant leaves nothing: the policy is deleted, not written empty.
            var removed = ps.Run($"{json} | Remove-XAccountBucketPolicyStatement -Bucket {bucket} {asA} -Confirm:$false -PassThru -Verbose").ShouldSucceed();
            Assert.Equal(new[] { $"S3 GetBucketPolicy {bucket}", $"S3 DeleteBucketPolicy {bucket}", $"S3 GetBucketPolicy {bucket}" }, S3Lines(removed));
            Assert.Equal("Delete", removed.Output.Single().Properties["Write"].Value.ToString());
            Assert.Null(await StoredPolicyAsync(server, bucket));
        }

        /// <summary>
        /// Seed 001 step 1.2 and step 2: A's bucket policy lets B's user upload only with
        /// x-amz-acl = bucket-owner-full-control (the form radosgw enforces). The uploader is B's plain
        /// user, a principal of another tenant: the .NET SDK cannot sign radosgw's "tenant:bucket"
        /// addressing (rgw README), so its requests go through the fault proxy with bucket routing, which
        /// rewrites the plain bucket name to A's bucket and re-signs with B's own key. The cmdlet then
        /// runs exactly as against AWS, where bucket names are global.
        /// </summary>
        [SkippableFact]
        public async Task Seed001_ConditionalUploadPolicy_DeniesAPlainUpload_AndAllowsSendXAccountObject()
        {
            var server = _rgw.Require();
            using var s3A = server.S3(server.A);
            var bucket = UniqueNames.Bucket("seed001");
            await s3A.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
            using var profiles = server.CreateProfileFile();
            using var ps = new PowerShellSession();
            ps.Run($"New-XAccountBucketPolicy -Bucket {bucket} -Principal {server.B.UserArn} -Access Write -RequireBucketOwnerFullControl | Set-XAccountBucketPolicy -Bucket {bucket} {server.CmdletArgs(profiles, "A")}").ShouldSucceed();
            var stored = await StoredPolicyAsync(server, bucket);
            Assert.Contains("{\"StringNotEquals\":{\"s3:x-amz-acl\":\"bucket-owner-full-control\"}}", stored);

            await using var proxy = await FaultProxy.StartAsync(server);
            proxy.RouteBucket(bucket, server.A);
            using var s3BUser = server.S3(server.B.UserCredentials, proxy.Endpoint, maxErrorRetry: 0);
            var plain = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3BUser.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "plain.txt", ContentBody = "x" }));
            Assert.Equal("AccessDenied", plain.ErrorCode);

            var asBUser = server.CmdletArgs(profiles, "B-user", proxy.Endpoint);
            var sent = ps.Run($"Send-XAccountObject -Bucket {bucket} -Key HappyFace.txt -Content 'smile' {asBUser} -Verbose").ShouldSucceed();
            Assert.Equal(new[] { $"S3 PutObject {bucket}/HappyFace.txt" }, S3Lines(sent));
            var upload = sent.Output.Single();
            Assert.Equal("x-amz-acl: bucket-owner-full-control", upload.Properties["OwnerGrant"].Value);
            Assert.False(string.IsNullOrEmpty((string)upload.Properties["ETag"].Value));

            // B's user owns the object, A's admin has full control and reads it.
            var acl = await s3A.GetObjectAclAsync(new GetObjectAclRequest { BucketName = bucket, Key = "HappyFace.txt" });
            Assert.Equal(server.B.UserCanonicalId, acl.Owner.Id);
            Assert.Contains(acl.Grants, g => g.Grantee.CanonicalUser == server.A.AdminCanonicalId && g.Permission == S3Permission.FULL_CONTROL);
            using var get = await s3A.GetObjectAsync(bucket, "HappyFace.txt");
            using var reader = new StreamReader(get.ResponseStream);
            Assert.Equal("smile", await reader.ReadToEndAsync());

            // A file as Get-ChildItem outputs it (a FileInfo; the hosted engine has no Management module), keyed by its name.
            var file = Path.Combine(Path.GetTempPath(), "s3xa-" + Guid.NewGuid().ToString("N") + ".csv");
            File.WriteAllText(file, "a,b");
            try
            {
                var fromFile = ps.Run($"[System.IO.FileInfo]::new('{file}') | Send-XAccountObject -Bucket {bucket} {asBUser}").ShouldSucceed();
                Assert.Equal(Path.GetFileName(file), fromFile.Output.Single().Properties["Key"].Value);
            }
            finally
            {
                File.Delete(file);
            }

            // -WhatIf uploads nothing.
            proxy.ClearRecords();
            ps.Run($"Send-XAccountObject -Bucket {bucket} -Key never.txt -Content x {asBUser} -WhatIf").ShouldSucceed();
            Assert.Empty(proxy.Requests);
        }

        [SkippableFact]
        public async Task Faults_ATransientSlowDownIsRetried_APersistentInternalErrorFailsClearly_AndLeavesThePolicyAsItWas()
        {
            var server = _rgw.Require();
            using var s3A = server.S3(server.A);
            var bucket = UniqueNames.Bucket("bpfault");
            await s3A.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
            var foreign = ForeignPolicy(server, bucket);
            await s3A.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = foreign });
            using var profiles = server.CreateProfileFile();
            await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
            var asA = server.CmdletArgs(profiles, "A", proxy.Endpoint);
            using var ps = new PowerShellSession();

            // Transient: the first PutBucketPolicy gets 503 SlowDown, the SDK's retry completes it.
            proxy.Inject(FaultKind.SlowDown, times: 1, method: "PUT", queryContains: "policy");
            var set = ps.Run($"New-XAccountBucketPolicy -Bucket {bucket} -Principal {server.B.UserArn} | Set-XAccountBucketPolicy -Bucket {bucket} {asA} -Verbose").ShouldSucceed();
            Assert.Equal("Put", set.Output.Single().Properties["Write"].Value.ToString());
            Assert.Equal(new[] { 503, 204 }, proxy.Requests.Where(r => r.Method == "PUT" && r.Query == "policy").Select(r => r.Status));
            var afterRetry = await StoredPolicyAsync(server, bucket);
            Assert.StartsWith(foreign.Substring(0, foreign.Length - 2) + ",{\"Sid\":\"XAccount", afterRetry);
            Assert.Contains(server.B.UserArn, afterRetry);

            // Persistent: every PutBucketPolicy gets 500; the command ends with a clear error and the
            // policy is exactly what it was.
            proxy.ClearFaults();
            proxy.ClearRecords();
            proxy.Inject(FaultKind.InternalError, FaultRule.Always, method: "PUT", queryContains: "policy");
            var failed = ps.Run($"New-XAccountBucketPolicy -Bucket {bucket} -Principal {server.C.AdminArn} -Access Write | Set-XAccountBucketPolicy -Bucket {bucket} {asA} -Verbose");
            _output.WriteLine(failed.FirstError?.Exception.Message);
            Assert.Equal("ServiceError,S3CrossAccount.Commands.Buckets.SetXAccountBucketPolicyCommand", failed.FirstError!.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.ResourceUnavailable, failed.FirstError.CategoryInfo.Category);
            Assert.Equal(bucket, failed.FirstError.TargetObject);
            Assert.StartsWith($"S3 PutBucketPolicy {bucket} failed: InternalError", failed.FirstError.Exception.Message);
            Assert.Contains(". Acting as ", failed.FirstError.Exception.Message);
            Assert.Empty(failed.Output);
            Assert.True(proxy.Count("PUT", queryContains: "policy") > 1, "the SDK retries a 500 before giving up");
            Assert.Empty(proxy.Writes);
            Assert.Equal(afterRetry, await StoredPolicyAsync(server, bucket));
        }
    }
}
