using System;
using System.Collections.Generic;
using System.Linq;
using Amazon.Runtime;
using S3CrossAccount.Aws.Buckets;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Aws.Tests.Iam;
using S3CrossAccount.Core.Buckets;
using static S3CrossAccount.Aws.Tests.Clients.CannedS3;
using S3CrossAccount.Core.Errors;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Buckets
{
    /// <summary>
    /// The S3 adapter over the real AWSSDK.S3 pipeline against canned responses shaped as the S3 API
    /// Reference documents them (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html):
    /// error paths, the "no policy" answer, the region lookup and the upload's owner grant.
    /// </summary>
    public class S3AdapterCannedTests
    {
        private const string Bucket = "reports-bucket";
        private const string Policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Foreign\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::333344445555:root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports-bucket/*\"}]}";
        private const string OwnerId = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";

        private static (S3BucketPolicyStore Store, List<string> Verbose) Store(CannedIamServer server)
        {
            var verbose = new List<string>();
            var calls = new AwsCalls(verbose.Add);
            return (new S3BucketPolicyStore(new S3ClientPool(Session(server), calls), calls), verbose);
        }

        [Fact]
        public void GetBucketPolicy_ReturnsTheTextExactly_AndNamesTheCall()
        {
            using var server = new CannedIamServer().Respond(200, Policy);
            var (store, verbose) = Store(server);

            Assert.Equal(Policy, store.Get(Bucket, default));
            Assert.Equal(new[] { "S3 GetBucketPolicy reports-bucket" }, verbose);
            var request = server.Received.Single();
            Assert.Equal("GET", request.Method);
            Assert.Equal("/reports-bucket/?policy", request.Path);
        }

        [Fact]
        public void NoSuchBucketPolicy_IsNoPolicy_NotAnError()
        {
            using var server = new CannedIamServer().Respond(404, Error("NoSuchBucketPolicy", "The bucket policy does not exist"));
            var (store, _) = Store(server);
            Assert.Null(store.Get(Bucket, default));
        }

        [Theory]
        [InlineData(403, "AccessDenied", ErrorCode.AccessDenied)]
        [InlineData(404, "NoSuchBucket", ErrorCode.NoSuchBucket)]
        [InlineData(403, "InvalidAccessKeyId", ErrorCode.CredentialsRejected)]
        public void GetBucketPolicyErrors_AreMappedWithTheBucketAsTarget(int status, string code, ErrorCode expected)
        {
            using var server = new CannedIamServer().Respond(status, Error(code));
            var (store, _) = Store(server);

            var ex = Assert.Throws<XAccountException>(() => store.Get(Bucket, default));

            Assert.Equal(expected, ex.Code);
            Assert.Equal(Bucket, ex.Target);
            // The call names its bucket, so a message read on its own says which one failed.
            Assert.StartsWith("S3 GetBucketPolicy " + Bucket + " failed: " + code, ex.Message);
        }

        [Fact]
        public void AccessDenied_SaysWhichAccountAndPermissionWouldAllowIt()
        {
            using var server = new CannedIamServer().Respond(403, Error("AccessDenied", "Access Denied"));
            var (store, _) = Store(server);

            var ex = Assert.Throws<XAccountException>(() => store.Put(Bucket, Policy, default));

            Assert.Equal(ErrorCode.AccessDenied, ex.Code);
            Assert.Equal("Run this as a user or role of the account that owns bucket 'reports-bucket', whose identity policy allows s3:PutBucketPolicy on arn:aws:s3:::reports-bucket "
                + "(and no Deny in the bucket policy, a service control policy or a permissions boundary refuses it).", ex.RecommendedAction);
        }

        [Fact]
        public void MethodNotAllowed_FromAnotherAccount_IsAccessDenied_NamingTheBucketOwner()
        {
            // S3 answers 405 when the caller has the permission but is not in the bucket owner's account.
            // https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html
            using var server = new CannedIamServer().Respond(405, Error("MethodNotAllowed", "The specified method is not allowed against this resource."));
            var (store, _) = Store(server);

            var ex = Assert.Throws<XAccountException>(() => store.Put(Bucket, Policy, default));

            Assert.Equal(ErrorCode.AccessDenied, ex.Code);
            Assert.Equal("S3 PutBucketPolicy failed: MethodNotAllowed: the caller is not in the account that owns bucket 'reports-bucket'.", ex.Message);
            Assert.StartsWith("Only the bucket owner's account", ex.RecommendedAction);
        }

        [Fact]
        public void MalformedPolicy_IsMalformedPolicy()
        {
            using var server = new CannedIamServer().Respond(400, Error("MalformedPolicy", "Invalid principal in policy"));
            var (store, _) = Store(server);
            Assert.Equal(ErrorCode.MalformedPolicy, Assert.Throws<XAccountException>(() => store.Put(Bucket, Policy, default)).Code);
        }

        [Fact]
        public void PutAndDelete_SendThePolicyAndTheSubresource()
        {
            using var server = new CannedIamServer().Respond(204, string.Empty).Respond(204, string.Empty);
            var (store, verbose) = Store(server);

            store.Put(Bucket, Policy, default);
            store.Delete(Bucket, default);

            Assert.Equal(new[] { "PUT /reports-bucket/?policy", "DELETE /reports-bucket/?policy" }, server.Received.Select(r => r.Method + " " + r.Path));
            Assert.Equal(Policy, server.Received[0].Body);
            Assert.Equal(new[] { "S3 PutBucketPolicy reports-bucket", "S3 DeleteBucketPolicy reports-bucket" }, verbose);
        }

        [Fact]
        public void ErrorXmlReturnedAsThePolicyText_IsReadAsTheErrorItIs()
        {
            // AWSSDK.S3 4.0.104.11 hands radosgw's 404 body back as the policy (HarnessTests); the adapter reads it.
            var none = new Amazon.S3.Model.GetBucketPolicyResponse { Policy = Error("NoSuchBucketPolicy"), HttpStatusCode = System.Net.HttpStatusCode.NotFound };
            Assert.Null(S3BucketPolicyStore.PolicyText(Bucket, none));

            var missing = new Amazon.S3.Model.GetBucketPolicyResponse { Policy = Error("NoSuchBucket", "The specified bucket does not exist"), HttpStatusCode = System.Net.HttpStatusCode.NotFound };
            var ex = Assert.Throws<XAccountException>(() => S3BucketPolicyStore.PolicyText(Bucket, missing));
            Assert.Equal(ErrorCode.NoSuchBucket, ex.Code);
            Assert.Equal(Bucket, ex.Target);
        }

        [Theory]
        [InlineData(null, "us-east-1")]
        [InlineData("", "us-east-1")]
        [InlineData("EU", "eu-west-1")]
        [InlineData("eu-west-3", "eu-west-3")]
        public void LocationConstraint_IsARegionName(string? location, string region) =>
            Assert.Equal(region, S3ClientPool.RegionOfLocation(location));

        [Fact]
        public void WithoutEndpointUrl_TheBucketsRegionIsLookedUpOnce_AndUsedForSigning()
        {
            using var server = new CannedIamServer().Respond(200, Location("eu-west-3")).Respond(200, Policy).Respond(200, Policy);
            var (pool, calls, regions, verbose) = LookingUpPool(server, "us-east-1");
            var store = new S3BucketPolicyStore(pool, calls);

            store.Get(Bucket, default);
            store.Get(Bucket, default);

            Assert.Equal(new[] { "us-east-1", "eu-west-3" }, regions);
            Assert.Equal("/reports-bucket/?location", server.Received[0].Path);
            Assert.Contains("/us-east-1/s3/aws4_request", server.Received[0].Header("Authorization"));
            Assert.Contains("/eu-west-3/s3/aws4_request", server.Received[1].Header("Authorization"));
            Assert.Contains("/eu-west-3/s3/aws4_request", server.Received[2].Header("Authorization"));
            Assert.Equal(new[] { "S3 GetBucketLocation reports-bucket", "Bucket reports-bucket is in eu-west-3.", "S3 GetBucketPolicy reports-bucket", "S3 GetBucketPolicy reports-bucket" }, verbose);
        }

        [Fact]
        public void RegionLookupDenied_AndNoRegionHeaderOnHeadBucket_FallsBackToTheSessionRegion_WithAVerboseNote()
        {
            using var server = new CannedIamServer().Respond(403, Error("AccessDenied")).Respond(403, string.Empty).Respond(200, Policy);
            var (pool, calls, regions, verbose) = LookingUpPool(server, "ap-south-1");
            new S3BucketPolicyStore(pool, calls).Get(Bucket, default);

            Assert.Equal(new[] { "GET /reports-bucket/?location", "HEAD /reports-bucket/", "GET /reports-bucket/?policy" }, server.Received.Select(r => r.Method + " " + r.Path));
            Assert.Equal(new[] { "ap-south-1" }, regions);
            Assert.Contains("The region of bucket reports-bucket could not be looked up (AccessDenied on GetBucketLocation); using ap-south-1.", verbose);
        }

        [Fact]
        public void RegionLookupRefusedInTheWrongRegion_IsAskedAgainInUsEast1()
        {
            using var server = new CannedIamServer()
                .Respond(400, Error("AuthorizationHeaderMalformed", "The authorization header is malformed; the region 'eu-west-1' is wrong; expecting 'sa-east-1'"))
                .Respond(200, Location("sa-east-1"))
                .Respond(200, Policy);
            var (pool, calls, regions, _) = LookingUpPool(server, "eu-west-1");
            new S3BucketPolicyStore(pool, calls).Get(Bucket, default);

            Assert.Equal(new[] { "eu-west-1", "us-east-1", "sa-east-1" }, regions);
            Assert.Contains("/sa-east-1/s3/aws4_request", server.Received[2].Header("Authorization"));
        }

        [Fact]
        public void NoSuchBucket_OnTheRegionLookup_IsTheError()
        {
            using var server = new CannedIamServer().Respond(404, Error("NoSuchBucket"));
            var (pool, calls, _, _) = LookingUpPool(server, "eu-west-1");
            var ex = Assert.Throws<XAccountException>(() => new S3BucketPolicyStore(pool, calls).Get(Bucket, default));
            Assert.Equal(ErrorCode.NoSuchBucket, ex.Code);
            Assert.Single(server.Received);
        }

        [Fact]
        public void Upload_ByDefault_SendsTheCannedAclBucketOwnerFullControl()
        {
            using var server = new CannedIamServer().Respond(200, string.Empty);
            var verbose = new List<string>();
            var calls = new AwsCalls(verbose.Add);
            using var service = new ObjectUploadService(new S3ClientPool(Session(server), calls), calls);

            var result = service.Upload(new ObjectUploadRequest { Bucket = Bucket, Key = "in/HappyFace.txt", Content = "hello" });

            var put = server.Received.Single();
            Assert.Equal("PUT /reports-bucket/in/HappyFace.txt", put.Method + " " + put.Path);
            Assert.Equal("bucket-owner-full-control", put.Header("x-amz-acl"));
            Assert.Equal(string.Empty, put.Header("x-amz-grant-full-control"));
            // Over http the SDK streams the body in signed aws-chunked encoding: "5;chunk-signature=...\r\nhello\r\n0;...".
            Assert.Contains("\r\nhello\r\n", put.Body);
            Assert.Equal("x-amz-acl: bucket-owner-full-control", result.OwnerGrant);
            Assert.Equal(new[] { "S3 PutObject reports-bucket/in/HappyFace.txt" }, verbose);
        }

        [Fact]
        public void Upload_WithTheOwnersCanonicalId_SendsGrantFullControl_AsSeed001Step2()
        {
            using var server = new CannedIamServer().Respond(200, string.Empty);
            using var service = new ObjectUploadService(new S3ClientPool(Session(server), new AwsCalls(null)), new AwsCalls(null));

            var result = service.Upload(new ObjectUploadRequest { Bucket = Bucket, Key = "HappyFace.jpg", Content = "x", BucketOwnerCanonicalId = OwnerId.ToUpperInvariant() });

            var put = server.Received.Single();
            Assert.Equal("id=\"" + OwnerId + "\"", put.Header("x-amz-grant-full-control"));
            Assert.Equal(string.Empty, put.Header("x-amz-acl"));
            Assert.Equal("x-amz-grant-full-control: id=\"" + OwnerId + "\"", result.OwnerGrant);
        }

        [Fact]
        public void UploadDenied_SaysBothPoliciesAndTheGrantForm()
        {
            using var server = new CannedIamServer().Respond(403, Error("AccessDenied"));
            using var service = new ObjectUploadService(new S3ClientPool(Session(server), new AwsCalls(null)), new AwsCalls(null));

            var ex = Assert.Throws<XAccountException>(() => service.Upload(new ObjectUploadRequest { Bucket = Bucket, Key = "k", Content = "x" }));

            Assert.Equal(ErrorCode.AccessDenied, ex.Code);
            Assert.Equal(Bucket, ex.Target);
            Assert.Contains("identity policy must allow s3:PutObject on arn:aws:s3:::reports-bucket/k", ex.RecommendedAction);
            Assert.Contains("bucket owner's bucket policy", ex.RecommendedAction);
        }

        [Theory]
        [InlineData("Bad_Bucket", "k", null, null, ErrorCode.InvalidBucketName)]
        [InlineData(Bucket, "", null, null, ErrorCode.InvalidObjectKey)]
        [InlineData(Bucket, "k", "not-a-canonical-id", null, ErrorCode.InvalidCanonicalUserId)]
        [InlineData(Bucket, "k", null, "/no/such/file.bin", ErrorCode.InputFileNotFound)]
        public void UploadInput_IsValidatedBeforeAnyCall(string bucket, string key, string? ownerId, string? file, ErrorCode expected)
        {
            var ex = Assert.Throws<XAccountException>(() => ObjectUploadService.Validate(new ObjectUploadRequest { Bucket = bucket, Key = key, BucketOwnerCanonicalId = ownerId, FilePath = file, Content = file == null ? "x" : null }));
            Assert.Equal(expected, ex.Code);
        }
    }
}
