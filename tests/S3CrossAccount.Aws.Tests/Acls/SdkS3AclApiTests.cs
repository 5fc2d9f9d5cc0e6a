using System;
using System.Linq;
using S3CrossAccount.Aws.Acls;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Aws.Credentials;
using S3CrossAccount.Aws.Tests.Credentials;
using S3CrossAccount.Aws.Tests.Iam;
using S3CrossAccount.Core.Acls;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation;
using S3CrossAccount.Core.Evaluation.Acls;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Acls
{
    /// <summary>
    /// The SDK adapter against a canned HTTP responder, for what radosgw cannot show: the ownership
    /// controls responses of the S3 API Reference (GetBucketOwnershipControls, PutBucketOwnershipControls,
    /// OwnershipControlsNotFoundError, AccessControlListNotSupported), and the exact requests sent.
    /// </summary>
    public class SdkS3AclApiTests : IDisposable
    {
        private const string Ns = "http://s3.amazonaws.com/doc/2006-03-01/";
        private const string OwnerId = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a";
        private readonly CannedIamServer _server = new CannedIamServer();
        private readonly SdkS3AclApi _api;
        private readonly System.Collections.Generic.List<string> _verbose = new System.Collections.Generic.List<string>();

        public SdkS3AclApiTests()
        {
            using var box = new ProfileSandbox();
            _api = new SdkS3AclApi(box.Resolve(new SessionRequest { AccessKey = "AKIAIOSFODNN7EXAMPLE", SecretKey = "secret", Region = "us-east-1", EndpointUrl = _server.Url }), new AwsCalls(_verbose.Add));
        }

        public void Dispose()
        {
            _api.Dispose();
            _server.Dispose();
        }

        private static string Error(string code, string message) =>
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message><BucketName>amzn-s3-demo-bucket</BucketName><RequestId>656c76696e6727732072657175657374</RequestId><HostId>Uuag1LuByRx9e6j5Onimru9pO4ZVKnJ2Qz7/C1NPcfTWAtRPfTaOFg==</HostId></Error>";

        [Theory]
        [InlineData("BucketOwnerEnforced", ObjectOwnership.BucketOwnerEnforced)]
        [InlineData("BucketOwnerPreferred", ObjectOwnership.BucketOwnerPreferred)]
        [InlineData("ObjectWriter", ObjectOwnership.ObjectWriter)]
        public void GetOwnership_ReadsTheDocumentedResponse(string value, ObjectOwnership expected)
        {
            _server.Respond(200, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><OwnershipControls xmlns=\"{Ns}\"><Rule><ObjectOwnership>{value}</ObjectOwnership></Rule></OwnershipControls>");

            var reading = _api.GetOwnership("amzn-s3-demo-bucket", default);

            Assert.Equal(expected, reading.ObjectOwnership);
            Assert.Equal(OwnershipSource.Configured, reading.Source);
            var request = _server.Received.Single();
            Assert.Equal("GET", request.Method);
            Assert.Equal("/amzn-s3-demo-bucket/?ownershipControls", request.Path);
        }

        [Fact]
        public void GetOwnership_OwnershipControlsNotFoundError_IsThePre2023Default_ObjectWriter()
        {
            _server.Respond(404, Error("OwnershipControlsNotFoundError", "The bucket ownership controls were not found"));

            var reading = _api.GetOwnership("amzn-s3-demo-bucket", default);

            Assert.Equal(ObjectOwnership.ObjectWriter, reading.ObjectOwnership);
            Assert.Equal(OwnershipSource.NotConfigured, reading.Source);
        }

        [Fact]
        public void GetOwnership_ARadosgwListObjectsBody_IsUnrecognized_NotAnError()
        {
            // radosgw ignores ?ownershipControls and answers the bucket listing (shared/rgw probe-results).
            _server.Respond(200, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"{Ns}\"><Name>amzn-s3-demo-bucket</Name><Prefix></Prefix><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated><Contents><Key>k1</Key><Size>4</Size></Contents></ListBucketResult>");

            var reading = _api.GetOwnership("amzn-s3-demo-bucket", default);

            Assert.Equal(OwnershipSource.Unrecognized, reading.Source);
            Assert.Equal(ObjectOwnership.ObjectWriter, reading.ObjectOwnership);
        }

        [Fact]
        public void GetOwnership_AccessDenied_IsMapped()
        {
            _server.Respond(403, Error("AccessDenied", "Access Denied"));
            var ex = Assert.Throws<XAccountException>(() => _api.GetOwnership("amzn-s3-demo-bucket", default));
            Assert.Equal(ErrorCode.AccessDenied, ex.Code);
            Assert.Equal("amzn-s3-demo-bucket", ex.Target);
        }

        [Fact]
        public void PutOwnership_SendsTheDocumentedBody()
        {
            _server.Respond(200, string.Empty);

            _api.PutOwnership("amzn-s3-demo-bucket", ObjectOwnership.BucketOwnerPreferred, default);

            var request = _server.Received.Single();
            Assert.Equal("PUT", request.Method);
            Assert.Equal("/amzn-s3-demo-bucket/?ownershipControls", request.Path);
            Assert.Contains("<OwnershipControls xmlns=\"" + Ns + "\"><Rule><ObjectOwnership>BucketOwnerPreferred</ObjectOwnership></Rule></OwnershipControls>", request.Body);
        }

        [Fact]
        public void PutOwnership_InvalidBucketAclWithObjectOwnership_SaysToRemoveTheForeignGrantsFirst()
        {
            _server.Respond(400, Error("InvalidBucketAclWithObjectOwnership", "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting"));

            var ex = Assert.Throws<XAccountException>(() => _api.PutOwnership("amzn-s3-demo-bucket", ObjectOwnership.BucketOwnerEnforced, default));

            Assert.Equal(ErrorCode.BucketAclGrantsOutsideAccount, ex.Code);
            Assert.Equal(ErrorKind.InvalidOperation, ErrorCodeCategories.KindOf(ex.Code));
            Assert.Equal("amzn-s3-demo-bucket", ex.Target);
            Assert.Contains("Revoke-XAccountAcl -Bucket amzn-s3-demo-bucket", ex.RecommendedAction);
        }

        [Fact]
        public void GetObjectAcl_ParsesCanonicalUserGroupAndEmailGrantees_InOrder()
        {
            _server.Respond(200, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><AccessControlPolicy xmlns=\"{Ns}\"><Owner><ID>{OwnerId}</ID><DisplayName>mtd@amazon.com</DisplayName></Owner><AccessControlList>"
                + $"<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\"><ID>{OwnerId}</ID><DisplayName>mtd@amazon.com</DisplayName></Grantee><Permission>FULL_CONTROL</Permission></Grant>"
                + "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"Group\"><URI>http://acs.amazonaws.com/groups/s3/LogDelivery</URI></Grantee><Permission>WRITE</Permission></Grant>"
                + "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"AmazonCustomerByEmail\"><EmailAddress>Someone@Example.com</EmailAddress></Grantee><Permission>READ_ACP</Permission></Grant>"
                + "</AccessControlList></AccessControlPolicy>");

            var acl = _api.GetObjectAcl("amzn-s3-demo-bucket", "dir/my image.jpg", default);

            Assert.Equal(OwnerId, acl.OwnerCanonicalId);
            Assert.Equal(new[]
            {
                new AclGrant(AclGranteeKind.CanonicalUser, OwnerId, AclPermission.FullControl),
                new AclGrant(AclGranteeKind.Group, "http://acs.amazonaws.com/groups/s3/LogDelivery", AclPermission.Write),
                new AclGrant(AclGranteeKind.Email, "someone@example.com", AclPermission.ReadAcp),
            }, acl.Grants);
            Assert.Equal("/amzn-s3-demo-bucket/dir/my%20image.jpg?acl", _server.Received.Single().Path);
        }

        [Fact]
        public void PutObjectAcl_SendsEveryGrantAsXAmzGrantHeaders_AndNoAclBody()
        {
            _server.Respond(200, string.Empty);

            _api.PutObjectAcl("amzn-s3-demo-bucket", "k1", new[]
            {
                new AclGrant(AclGranteeKind.CanonicalUser, OwnerId, AclPermission.FullControl),
                new AclGrant(AclGranteeKind.CanonicalUser, "222233334444$admin", AclPermission.Read),
                new AclGrant(AclGranteeKind.Group, "http://acs.amazonaws.com/groups/global/AuthenticatedUsers", AclPermission.Read),
            }, default);

            var request = _server.Received.Single();
            Assert.Equal("PUT", request.Method);
            Assert.Equal("/amzn-s3-demo-bucket/k1?acl", request.Path);
            Assert.Equal("id=\"222233334444$admin\", uri=\"http://acs.amazonaws.com/groups/global/AuthenticatedUsers\"", request.Header("x-amz-grant-read"));
            Assert.Equal("id=\"" + OwnerId + "\"", request.Header("x-amz-grant-full-control"));
            Assert.Equal(string.Empty, request.Header("x-amz-grant-write-acp"));
            Assert.Equal(string.Empty, request.Header("x-amz-acl"));
            Assert.DoesNotContain("AccessControlPolicy", request.Body);
        }

        [Fact]
        public void PutBucketAcl_AccessControlListNotSupported_IsAclNotSupported()
        {
            _server.Respond(400, Error("AccessControlListNotSupported", "The bucket does not allow ACLs"));

            var ex = Assert.Throws<XAccountException>(() => _api.PutBucketAcl("amzn-s3-demo-bucket", new[] { new AclGrant(AclGranteeKind.CanonicalUser, OwnerId, AclPermission.FullControl) }, default));

            Assert.Equal(ErrorCode.AclNotSupported, ex.Code);
            Assert.Equal("amzn-s3-demo-bucket", ex.Target);
            Assert.Equal("id=\"" + OwnerId + "\"", _server.Received.Single().Header("x-amz-grant-full-control"));
        }

        [Fact]
        public void ListObjects_ReturnsKeysAndTheNextToken_OnlyWhenTruncated()
        {
            _server.Respond(200, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"{Ns}\"><Name>amzn-s3-demo-bucket</Name><Prefix>p/</Prefix><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys><IsTruncated>true</IsTruncated><NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken><Contents><Key>p/a</Key></Contents><Contents><Key>p/b</Key></Contents></ListBucketResult>");
            _server.Respond(200, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"{Ns}\"><Name>amzn-s3-demo-bucket</Name><Prefix>p/</Prefix><KeyCount>0</KeyCount><MaxKeys>2</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>");

            var first = _api.ListObjects("amzn-s3-demo-bucket", "p/", null, default);
            var last = _api.ListObjects("amzn-s3-demo-bucket", "p/", first.NextToken, default);

            Assert.Equal(new[] { "p/a", "p/b" }, first.Keys);
            Assert.Equal("1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=", first.NextToken);
            Assert.Empty(last.Keys);
            Assert.Null(last.NextToken);
            Assert.Contains("continuation-token=1ueGcxLPRx1Tr%2FXYExHnhbYLgveDs2J%2Fwm36Hy4vbOwM%3D", _server.Received[1].Path);
            Assert.Contains("list-type=2", _server.Received[0].Path);
            Assert.Equal(new[] { "S3 ListObjectsV2 amzn-s3-demo-bucket prefix 'p/'", "S3 ListObjectsV2 amzn-s3-demo-bucket prefix 'p/' (next page)" }, _verbose);
        }
    }
}
