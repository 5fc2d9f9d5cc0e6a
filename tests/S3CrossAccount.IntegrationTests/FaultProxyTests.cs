using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SecurityToken.Model;
using S3CrossAccount.IntegrationTests.Faults;
using S3CrossAccount.IntegrationTests.Harness;
using Xunit;

namespace S3CrossAccount.IntegrationTests
{
    /// <summary>Proves the fault proxy: what it injects, that the AWS SDK retries it, and that it counts exactly.</summary>
    [Collection(RgwCollection.Name)]
    public class FaultProxyTests
    {
        private readonly RgwFixture _rgw;

        public FaultProxyTests(RgwFixture rgw) => _rgw = rgw;

        [SkippableFact]
        public async Task Recorder_ListsEveryRequest_InOrder_WithMethodPathQueryAndAction()
        {
            var server = _rgw.Require();
            await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
            using var s3 = server.S3(server.A.AdminCredentials, proxy.Endpoint);
            var bucket = UniqueNames.Bucket("rec");
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "d/k1", ContentBody = "x" });
            await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = ReadPolicy(server, bucket) });
            await s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = bucket });
            (await s3.GetObjectAsync(bucket, "d/k1")).Dispose();
            var role = await CreateReadRoleAsync(server, bucket);
            using var sts = server.Sts(server.C.AdminCredentials, proxy.Endpoint);
            await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = server.A.RoleArn(role), RoleSessionName = "rec" });

            Assert.Equal(
                new[]
                {
                    $"PUT /{bucket}/",
                    $"PUT /{bucket}/d/k1",
                    $"PUT /{bucket}/?policy",
                    $"GET /{bucket}/?policy",
                    $"GET /{bucket}/d/k1",
                    "POST / AssumeRole",
                },
                proxy.Requests.Select(r => r.ToString()));
            Assert.Equal(new[] { 200, 200, 204, 200, 200, 200 }, proxy.Requests.Select(r => r.Status));
            Assert.All(proxy.Requests, r => Assert.Null(r.Fault));
            Assert.Equal(1, proxy.CountAction("AssumeRole"));
            Assert.Equal(1, proxy.Count("PUT", queryContains: "policy"));
            Assert.Equal(new[] { $"PUT /{bucket}/", $"PUT /{bucket}/d/k1", $"PUT /{bucket}/?policy" }, proxy.Writes.Select(r => r.ToString()));
        }

        [SkippableFact]
        public async Task SlowDown_ForTheFirstTwoPuts_IsRetriedByTheSdk_AndTheObjectLands()
        {
            var server = _rgw.Require();
            await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
            using var s3 = server.S3(server.A.AdminCredentials, proxy.Endpoint, maxErrorRetry: 3);
            var bucket = UniqueNames.Bucket("slow");
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
            var rule = proxy.Inject(FaultKind.SlowDown, times: 2, method: "PUT", pathContains: "/k1");

            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k1", ContentBody = "landed" });

            var puts = proxy.Requests.Where(r => r.Path == $"/{bucket}/k1").ToList();
            Assert.Equal(new FaultKind?[] { FaultKind.SlowDown, FaultKind.SlowDown, null }, puts.Select(r => r.Fault));
            Assert.Equal(new[] { 503, 503, 200 }, puts.Select(r => r.Status));
            Assert.Equal(2, rule.Applied);
            Assert.Equal(0, rule.Remaining);
            Assert.Equal("landed", await ReadDirectAsync(server, bucket, "k1"));
        }

        [SkippableFact]
        public async Task InternalError_OnPutBucketPolicy_IsRetried_AndThePolicyIsSet()
        {
            var server = _rgw.Require();
            await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
            using var s3 = server.S3(server.A.AdminCredentials, proxy.Endpoint, maxErrorRetry: 3);
            var bucket = UniqueNames.Bucket("ierr");
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
            proxy.Inject(FaultKind.InternalError, times: 1, method: "PUT", queryContains: "policy");

            await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = ReadPolicy(server, bucket) });

            Assert.Equal(new[] { 500, 204 }, proxy.Requests.Where(r => r.Query == "policy").Select(r => r.Status));
            using var direct = server.S3(server.A);
            Assert.Equal(ReadPolicy(server, bucket), (await direct.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = bucket })).Policy);
        }

        [SkippableFact]
        public async Task PersistentInternalError_SurfacesAsAnError_AfterExactlyTheConfiguredAttempts_AndThePolicyIsUnchanged()
        {
            var server = _rgw.Require();
            await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
            var bucket = UniqueNames.Bucket("persist");
            using var direct = server.S3(server.A);
            await direct.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
            var before = ReadPolicy(server, bucket);
            await direct.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = before });
            proxy.Inject(FaultKind.InternalError, FaultRule.Always, method: "PUT", queryContains: "policy");
            using var s3 = server.S3(server.A.AdminCredentials, proxy.Endpoint, maxErrorRetry: 2);

            var changed = before.Replace("s3:GetObject", "s3:PutObject");
            var ex = await Assert.ThrowsAsync<AmazonS3Exception>(() =>
                s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = changed }));

            Assert.Equal("InternalError", ex.ErrorCode);
            Assert.Equal(System.Net.HttpStatusCode.InternalServerError, ex.StatusCode);
            Assert.Equal(3, proxy.Count("PUT", queryContains: "policy"));
            Assert.Empty(proxy.Writes);
            Assert.Equal(before, (await direct.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = bucket })).Policy);
        }

        [SkippableFact]
        public async Task IamStyleThrottling_OnAssumeRole_IsRetried_ThenPersistentThrottlingFails()
        {
            var server = _rgw.Require();
            var (bucket, s3A) = await HarnessTests.NewBucketWithObjectAsync(server, "throttle", "k1", "data");
            using var _ = s3A;
            var role = await CreateReadRoleAsync(server, bucket);
            await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
            using var sts = server.Sts(server.C.AdminCredentials, proxy.Endpoint, maxErrorRetry: 3);
            proxy.Inject(FaultKind.Throttling, times: 2, action: "AssumeRole");

            var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = server.A.RoleArn(role), RoleSessionName = "t1" });

            Assert.Equal($"arn:aws:sts::{server.A.Tenant}:assumed-role/{role}/t1", assumed.AssumedRoleUser.Arn);
            Assert.Equal(new[] { 400, 400, 200 }, proxy.Requests.Where(r => r.Action == "AssumeRole").Select(r => r.Status));

            proxy.ClearRecords();
            proxy.Inject(FaultKind.Throttling, FaultRule.Always, action: "AssumeRole");
            using var stsNoRetry = server.Sts(server.C.AdminCredentials, proxy.Endpoint, maxErrorRetry: 1);
            var ex = await Assert.ThrowsAnyAsync<AmazonServiceException>(() =>
                stsNoRetry.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = server.A.RoleArn(role), RoleSessionName = "t2" }));
            Assert.Equal("Throttling", ex.ErrorCode);
            Assert.Equal(2, proxy.CountAction("AssumeRole"));
        }

        [SkippableFact]
        public async Task ConnectionReset_BeforeOrAfterTheServerActs_IsRetried()
        {
            var server = _rgw.Require();
            await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
            using var s3 = server.S3(server.A.AdminCredentials, proxy.Endpoint, maxErrorRetry: 3);
            var bucket = UniqueNames.Bucket("reset");
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });

            proxy.Inject(FaultKind.ResetAfterForward, times: 1, method: "PUT", pathContains: "/k1");
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k1", ContentBody = "after" });
            var puts = proxy.Requests.Where(r => r.Path == $"/{bucket}/k1").ToList();
            Assert.Equal(new FaultKind?[] { FaultKind.ResetAfterForward, null }, puts.Select(r => r.Fault));
            Assert.True(puts.All(r => r.Forwarded), "both attempts reached the server");

            proxy.Inject(FaultKind.ResetBeforeForward, times: 1, method: "GET", pathContains: "/k1");
            using (var get = await s3.GetObjectAsync(bucket, "k1"))
            using (var reader = new StreamReader(get.ResponseStream))
            {
                Assert.Equal("after", await reader.ReadToEndAsync());
            }

            var gets = proxy.Requests.Where(r => r.Method == "GET" && r.Path == $"/{bucket}/k1").ToList();
            Assert.Equal(new FaultKind?[] { FaultKind.ResetBeforeForward, null }, gets.Select(r => r.Fault));
            Assert.Equal(new[] { 0, 200 }, gets.Select(r => r.Status));
        }

        [SkippableFact]
        public async Task Delay_HoldsTheResponse_ThenForwards()
        {
            var server = _rgw.Require();
            await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
            using var s3 = server.S3(server.A.AdminCredentials, proxy.Endpoint, maxErrorRetry: 0);
            var bucket = UniqueNames.Bucket("delay");
            proxy.Inject(FaultKind.Delay, times: 1, method: "PUT", delay: System.TimeSpan.FromMilliseconds(300));

            await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });

            var only = Assert.Single(proxy.Requests);
            Assert.Equal(FaultKind.Delay, only.Fault);
            Assert.Equal(200, only.Status);
            Assert.True(only.Forwarded);
            using var direct = server.S3(server.A);
            Assert.Contains((await direct.ListBucketsAsync(new ListBucketsRequest())).Buckets, b => b.BucketName == bucket);
        }

        [SkippableFact]
        public async Task Rules_ApplyOnlyToMatchingRequests()
        {
            var server = _rgw.Require();
            await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
            using var s3 = server.S3(server.A.AdminCredentials, proxy.Endpoint, maxErrorRetry: 0);
            var bucket = UniqueNames.Bucket("match");
            proxy.Inject(FaultKind.InternalError, FaultRule.Always, method: "PUT", queryContains: "acl");

            await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k1", ContentBody = "x" });
            var ex = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.PutBucketAclAsync(new PutBucketAclRequest { BucketName = bucket, ACL = S3CannedACL.Private }));

            Assert.Equal("InternalError", ex.ErrorCode);
            Assert.Equal(new FaultKind?[] { null, null, FaultKind.InternalError }, proxy.Requests.Select(r => r.Fault));
        }

        internal static string ReadPolicy(RgwServer server, string bucket) =>
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ReadForB\",\"Effect\":\"Allow\","
            + $"\"Principal\":{{\"AWS\":\"{server.B.AdminArn}\"}},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::{bucket}/*\"}}]}}";

        private static async Task<string> CreateReadRoleAsync(RgwServer server, string bucket)
        {
            var role = UniqueNames.Role("FaultReader");
            var iam = server.Raw(server.A);
            (await iam.IamAsync("CreateRole", new Dictionary<string, string>
            {
                ["RoleName"] = role,
                ["AssumeRolePolicyDocument"] = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + $"\"Principal\":{{\"AWS\":\"{server.C.AdminArn}\"}},\"Action\":\"sts:AssumeRole\"}}]}}",
            })).ShouldSucceed();
            (await iam.IamAsync("PutRolePolicy", new Dictionary<string, string>
            {
                ["RoleName"] = role,
                ["PolicyName"] = "read",
                ["PolicyDocument"] = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                    + $"\"Resource\":\"arn:aws:s3:::{bucket}/*\"}}]}}",
            })).ShouldSucceed();
            return role;
        }

        private static async Task<string> ReadDirectAsync(RgwServer server, string bucket, string key)
        {
            using var s3 = server.S3(server.A);
            using var get = await s3.GetObjectAsync(bucket, key);
            using var reader = new StreamReader(get.ResponseStream);
            return await reader.ReadToEndAsync();
        }
    }
}
