using System.Linq;
using S3CrossAccount.Aws.Acls;
using S3CrossAccount.Aws.Probes;
using S3CrossAccount.Aws.Tests.Iam;
using S3CrossAccount.Core.Probes;
using Xunit;
using static S3CrossAccount.Aws.Tests.Clients.CannedS3;

namespace S3CrossAccount.Aws.Tests.Clients
{
    /// <summary>
    /// Every call on a bucket is signed for the bucket's own region, not the session's: against AWS a request signed
    /// for another region is refused (301 PermanentRedirect, 400 AuthorizationHeaderMalformed) before any permission
    /// is looked at. Before the ACL and probe paths took their clients from the pool, these were signed for the
    /// session's region (us-east-1 here).
    /// </summary>
    public class BucketRegionSigningTests
    {
        private const string Bucket = "reports-bucket";
        private const string OwnerId = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";

        private static string Acl() =>
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><AccessControlPolicy xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            + $"<Owner><ID>{OwnerId}</ID></Owner><AccessControlList><Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\"><ID>{OwnerId}</ID></Grantee>"
            + "<Permission>FULL_CONTROL</Permission></Grant></AccessControlList></AccessControlPolicy>";

        [Fact]
        public void AclCalls_OnABucketInAnotherRegion_AreSignedForTheBucketsRegion()
        {
            using var server = new CannedIamServer().Respond(200, Location("eu-west-3")).Respond(200, Acl()).Respond(200, string.Empty);
            var (pool, calls, regions, verbose) = LookingUpPool(server, "us-east-1");
            using var api = new SdkS3AclApi(pool, calls, ownsClients: true);

            var acl = api.GetObjectAcl(Bucket, "k1", default);
            api.PutObjectAcl(Bucket, "k1", acl.Grants, default);

            Assert.Equal(new[] { "GET /reports-bucket/?location", "GET /reports-bucket/k1?acl", "PUT /reports-bucket/k1?acl" }, server.Received.Select(r => r.Method + " " + r.Path));
            Assert.Contains("/us-east-1/s3/aws4_request", server.Received[0].Header("Authorization"));
            Assert.Contains("/eu-west-3/s3/aws4_request", server.Received[1].Header("Authorization"));
            Assert.Contains("/eu-west-3/s3/aws4_request", server.Received[2].Header("Authorization"));
            Assert.Equal(new[] { "us-east-1", "eu-west-3" }, regions);
            Assert.Equal(new[] { "S3 GetBucketLocation reports-bucket", "Bucket reports-bucket is in eu-west-3.", "S3 GetObjectAcl reports-bucket/k1", "S3 PutObjectAcl reports-bucket/k1" }, verbose);
        }

        /// <summary>
        /// Another account's principal is usually refused GetBucketLocation; S3 still names the bucket's region in
        /// HeadBucket's x-amz-bucket-region header, authorized or not (API_HeadBucket).
        /// </summary>
        [Fact]
        public void AGranteeRefusedGetBucketLocation_TakesTheRegionFromHeadBucketsHeader()
        {
            using var server = new CannedIamServer()
                .Respond(403, Error("AccessDenied", "Access Denied"))
                .Respond(403, string.Empty, new System.Collections.Generic.Dictionary<string, string> { ["x-amz-bucket-region"] = "sa-east-1" })
                .Respond(200, Acl());
            var (pool, calls, regions, verbose) = LookingUpPool(server, "us-east-1");
            using var api = new SdkS3AclApi(pool, calls, ownsClients: true);

            api.GetObjectAcl(Bucket, "k1", default);

            Assert.Equal(new[] { "GET /reports-bucket/?location", "HEAD /reports-bucket/", "GET /reports-bucket/k1?acl" }, server.Received.Select(r => r.Method + " " + r.Path));
            Assert.Contains("/sa-east-1/s3/aws4_request", server.Received[2].Header("Authorization"));
            Assert.Equal(new[] { "us-east-1", "sa-east-1" }, regions);
            Assert.Contains("Bucket reports-bucket is in sa-east-1 (HeadBucket's x-amz-bucket-region; GetBucketLocation was denied).", verbose);
        }

        [Fact]
        public void Probes_OnABucketInAnotherRegion_AreSignedForTheBucketsRegion()
        {
            // The three reads run together, so each gets the same answer whatever the order they arrive in.
            using var server = new CannedIamServer().Respond(200, Location("ap-southeast-2"));
            for (var i = 0; i < 4; i++)
            {
                server.Respond(403, Error("AccessDenied", "Access Denied"));
            }

            var (pool, calls, regions, verbose) = LookingUpPool(server, "us-east-1");
            using (pool)
            {
                var results = AccessProber.Probe(pool, calls, new LiveProbePlan(Bucket) { Key = "k1" }, default);

                Assert.Equal(new[] { ProbeOutcome.Denied, ProbeOutcome.Denied, ProbeOutcome.Denied, ProbeOutcome.Denied }, results.Select(r => r.Outcome));
            }

            Assert.Equal(5, server.Received.Count);
            Assert.Equal("/reports-bucket/?location", server.Received[0].Path);
            Assert.All(server.Received.Skip(1), r => Assert.Contains("/ap-southeast-2/s3/aws4_request", r.Header("Authorization")));
            Assert.Equal(new[] { "us-east-1", "ap-southeast-2" }, regions);
            Assert.Equal(5, calls.Requests);
        }
    }
}
