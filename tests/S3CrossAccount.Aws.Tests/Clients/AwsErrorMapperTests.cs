using System;
using System.Net;
using System.Net.Http;
using Amazon.Runtime;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Core.Errors;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Clients
{
    public class AwsErrorMapperTests
    {
        private static AmazonServiceException Service(string code, HttpStatusCode status = HttpStatusCode.BadRequest) =>
            new AmazonServiceException("message from AWS", ErrorType.Sender, code, "req-1", status);

        [Theory]
        [InlineData("AccessDenied", ErrorCode.AccessDenied)]
        [InlineData("AccessDeniedException", ErrorCode.AccessDenied)]
        [InlineData("InvalidClientTokenId", ErrorCode.CredentialsRejected)]
        [InlineData("SignatureDoesNotMatch", ErrorCode.CredentialsRejected)]
        [InlineData("ExpiredToken", ErrorCode.CredentialsRejected)]
        [InlineData("NoSuchBucket", ErrorCode.NoSuchBucket)]
        [InlineData("NoSuchBucketPolicy", ErrorCode.NoSuchBucketPolicy)]
        [InlineData("NoSuchKey", ErrorCode.NoSuchKey)]
        [InlineData("NoSuchEntity", ErrorCode.NoSuchEntity)]
        [InlineData("EntityAlreadyExists", ErrorCode.EntityAlreadyExists)]
        [InlineData("MalformedPolicyDocument", ErrorCode.MalformedPolicy)]
        [InlineData("MalformedPolicy", ErrorCode.MalformedPolicy)]
        [InlineData("LimitExceeded", ErrorCode.LimitExceeded)]
        [InlineData("DeleteConflict", ErrorCode.DeleteConflict)]
        [InlineData("Throttling", ErrorCode.Throttled)]
        [InlineData("SlowDown", ErrorCode.Throttled)]
        [InlineData("AccessControlListNotSupported", ErrorCode.AclNotSupported)]
        [InlineData("MethodNotAllowed", ErrorCode.ServiceError)]
        public void ServiceErrorCodes_MapToStableErrorCodes(string awsCode, ErrorCode expected)
        {
            var mapped = AwsErrorMapper.Map(Service(awsCode), "bucket-a", "S3 GetBucketPolicy");
            Assert.Equal(expected, mapped.Code);
            Assert.Equal("bucket-a", mapped.Target);
            Assert.Equal("S3 GetBucketPolicy failed: " + awsCode + ": message from AWS", mapped.Message);
        }

        [Fact]
        public void TransportFailure_IsEndpointUnreachable()
        {
            var wrapped = new AmazonClientException("request failed", new HttpRequestException("Connection refused"));
            var mapped = AwsErrorMapper.Map(wrapped, "http://127.0.0.1:9", "STS GetCallerIdentity");
            Assert.Equal(ErrorCode.EndpointUnreachable, mapped.Code);
            Assert.Equal(ErrorKind.ConnectionError, ErrorCodeCategories.KindOf(mapped.Code));
            Assert.Contains("Connection refused", mapped.Message);
        }

        [Fact]
        public void ServiceErrorWithoutCode_KeepsTheHttpStatus()
        {
            var mapped = AwsErrorMapper.Map(new AmazonServiceException("Method Not Allowed") { StatusCode = HttpStatusCode.MethodNotAllowed }, null, "STS GetCallerIdentity");
            Assert.Equal(ErrorCode.ServiceError, mapped.Code);
            Assert.Contains("HTTP 405", mapped.Message);
        }

        [Fact]
        public void ServiceError_NamesTheCall_ItsTarget_WhoActed_AndWhatToDo()
        {
            var mapped = AwsErrorMapper.Map(Service("NoSuchBucket", HttpStatusCode.NotFound), "reports-111122223333", "S3 GetBucketPolicy reports-111122223333",
                acting: "account 111122223333 (profile AccountA)");
            Assert.Equal("S3 GetBucketPolicy reports-111122223333 failed: NoSuchBucket: message from AWS. Acting as account 111122223333 (profile AccountA).", mapped.Message);
            Assert.Contains("Check the bucket name", mapped.RecommendedAction);
        }

        [Fact]
        public void AccessDenied_WithoutAMessage_SaysWhichIdentityWasRefused()
        {
            var empty = new AmazonServiceException(string.Empty, ErrorType.Sender, "AccessDenied", "req-1", HttpStatusCode.Forbidden);
            var mapped = AwsErrorMapper.Map(empty, "reports-111122223333", "S3 PutBucketPolicy reports-111122223333", acting: "profile AccountB");
            Assert.Equal("S3 PutBucketPolicy reports-111122223333 failed: AccessDenied: the service gave no message. Refused to profile AccountB.", mapped.Message);
        }
    }
}
