using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using S3CrossAccount.IntegrationTests.Faults;
using S3CrossAccount.IntegrationTests.Harness;
using Xunit;

namespace S3CrossAccount.IntegrationTests
{
    /// <summary>
    /// The proxy's bucket routing: with it, the plain AWS SDK (and so the module's cmdlets) acting as B
    /// reaches A's bucket by its plain name, and the server's own decision (allow/deny) comes back.
    /// </summary>
    [Collection(RgwCollection.Name)]
    public class TenantRoutingTests
    {
        private readonly RgwFixture _rgw;

        public TenantRoutingTests(RgwFixture rgw) => _rgw = rgw;

        [SkippableFact]
        public async Task SdkClientOfB_ReachesARoutedBucketOfA_ByItsPlainName_WithTheServersDecisions()
        {
            var server = _rgw.Require();
            var (bucket, s3A) = await HarnessTests.NewBucketWithObjectAsync(server, "routed", "k1", "data");
            using var _ = s3A;
            await using var proxy = await FaultProxy.StartAsync(server);
            proxy.RouteBucket(bucket, server.A);
            using var s3B = server.S3(server.B.UserCredentials, proxy.Endpoint, maxErrorRetry: 0);

            var before = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3B.GetObjectAsync(bucket, "k1"));
            Assert.Equal("AccessDenied", before.ErrorCode);

            await s3A.PutBucketPolicyAsync(new PutBucketPolicyRequest
            {
                BucketName = bucket,
                Policy = "{\"Version\":\"2012-10-17\",\"Statement\":["
                    + $"{{\"Effect\":\"Allow\",\"Principal\":{{\"AWS\":\"{server.B.UserArn}\"}},\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":\"arn:aws:s3:::{bucket}/*\"}},"
                    + $"{{\"Effect\":\"Allow\",\"Principal\":{{\"AWS\":\"{server.B.UserArn}\"}},\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::{bucket}\"}},"
                    + $"{{\"Effect\":\"Deny\",\"Principal\":{{\"AWS\":\"{server.B.UserArn}\"}},\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::{bucket}/*\","
                    + "\"Condition\":{\"StringNotEquals\":{\"s3:x-amz-acl\":\"bucket-owner-full-control\"}}}]}",
            });

            using (var get = await s3B.GetObjectAsync(bucket, "k1"))
            using (var reader = new StreamReader(get.ResponseStream))
            {
                Assert.Equal("data", await reader.ReadToEndAsync());
            }

            var listed = await s3B.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "k" });
            Assert.Equal(new[] { "k1" }, listed.S3Objects.Select(o => o.Key));

            var plain = await Assert.ThrowsAsync<AmazonS3Exception>(() =>
                s3B.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "fromB", ContentBody = "b" }));
            Assert.Equal("AccessDenied", plain.ErrorCode);
            await s3B.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "fromB", ContentBody = "b", CannedACL = S3CannedACL.BucketOwnerFullControl });
            var acl = await s3A.GetObjectAclAsync(new GetObjectAclRequest { BucketName = bucket, Key = "fromB" });
            Assert.Equal(server.B.UserCanonicalId, acl.Owner.Id);

            // C is not in the policy: routed the same way, denied by the server.
            using var s3C = server.S3(server.C.AdminCredentials, proxy.Endpoint, maxErrorRetry: 0);
            Assert.Equal("AccessDenied", (await Assert.ThrowsAsync<AmazonS3Exception>(() => s3C.GetObjectAsync(bucket, "k1"))).ErrorCode);

            // The owner's own requests pass through untouched.
            using var s3AViaProxy = server.S3(server.A.AdminCredentials, proxy.Endpoint, maxErrorRetry: 0);
            using (var own = await s3AViaProxy.GetObjectAsync(bucket, "fromB"))
            {
                Assert.Equal(System.Net.HttpStatusCode.OK, own.HttpStatusCode);
            }

            Assert.Equal(
                new[] { true, true, true, true, true, true, false },
                proxy.Requests.Select(r => r.Rerouted));
        }

        [SkippableFact]
        public async Task UnroutedBucket_ResolvesInTheCallersOwnTenant_AsWithoutTheProxy()
        {
            var server = _rgw.Require();
            var (bucket, s3A) = await HarnessTests.NewBucketWithObjectAsync(server, "unrouted", "k1", "data");
            using var _ = s3A;
            await using var proxy = await FaultProxy.StartAsync(server);
            using var s3B = server.S3(server.B.AdminCredentials, proxy.Endpoint, maxErrorRetry: 0);

            var ex = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3B.GetObjectAsync(bucket, "k1"));
            Assert.Equal("NoSuchBucket", ex.ErrorCode);
        }
    }
}
