using System.Collections.Generic;
using System.Linq;
using System.Net;
using Amazon.Runtime;
using S3CrossAccount.Aws.Acls;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Aws.Iam;
using S3CrossAccount.Aws.Iam.Internal;
using S3CrossAccount.Aws.Tests.Iam;
using S3CrossAccount.Core.Errors;
using Xunit;
using static S3CrossAccount.Aws.Tests.Clients.CannedS3;

namespace S3CrossAccount.Aws.Tests.Clients
{
    /// <summary>The one call path: Verbose line, attempts counted through the SDK's retries, one error table for every service.</summary>
    public class AwsCallsTests
    {
        [Fact]
        public void ARetriedCall_IsCountedPerAttempt_AndSaysSoOnVerbose()
        {
            using var server = new CannedIamServer().Respond(500, Error("InternalError", "We encountered an internal error. Please try again.")).Respond(200, string.Empty);
            var verbose = new List<string>();
            var calls = new AwsCalls(verbose.Add);
            using var api = new SdkS3AclApi(new S3ClientPool(Session(server), calls), calls, ownsClients: true);

            api.PutBucketAcl("reports-bucket", new[] { new Core.Evaluation.Acls.AclGrant(Core.Evaluation.Acls.AclGranteeKind.CanonicalUser, "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be", Core.Evaluation.Acls.AclPermission.FullControl) }, default);

            Assert.Equal(2, server.Received.Count);
            Assert.Equal(1, calls.Calls);
            Assert.Equal(2, calls.Requests);
            Assert.Equal(new[]
            {
                "S3 PutBucketAcl reports-bucket",
                "The SDK retried S3 PutBucketAcl reports-bucket: 2 attempts (a throttled, failed or unanswered request was sent again).",
            }, verbose);
        }

        [Fact]
        public void StsThrottling_BeyondTheRetries_IsThrottled_AfterThreeAttempts()
        {
            using var server = new CannedIamServer();
            for (var i = 0; i < 3; i++)
            {
                server.Respond(400, IamDocExamples.Error("Throttling", "Rate exceeded"));
            }

            var verbose = new List<string>();
            var ex = Assert.Throws<XAccountException>(() => new StsIdentityService(Session(server), verbose.Add).GetCallerIdentity());

            Assert.Equal(ErrorCode.Throttled, ex.Code);
            Assert.Equal(3, server.Received.Count);
            Assert.StartsWith("STS GetCallerIdentity failed: Throttling: Rate exceeded", ex.Message);
            Assert.Equal("STS GetCallerIdentity", verbose[0]);
        }

        [Fact]
        public void EntityAlreadyExists_AfterAResentCreate_SaysTheLostAttemptMostLikelyCreatedIt()
        {
            using var server = new CannedIamServer()
                .Respond(500, IamDocExamples.Error("ServiceFailure", "Internal failure", type: "Receiver"))
                .Respond(409, IamDocExamples.Error("EntityAlreadyExists", "Role with name r already exists."));
            using var iam = server.CreateClient();
            var calls = new AwsCalls(null);

            var ex = Assert.Throws<XAccountException>(() => calls.Run("IAM", "CreateRole", "r", () => iam.CreateRoleAsync(new CreateRoleRequest { RoleName = "r", AssumeRolePolicyDocument = "{}" })));

            Assert.Equal(ErrorCode.EntityAlreadyExists, ex.Code);
            Assert.Equal("IAM CreateRole r was sent 2 times (an earlier attempt got no answer) and the last attempt found it already there: most likely the earlier attempt created it.", ex.Message);
            Assert.StartsWith("Run the command again", ex.RecommendedAction);
            Assert.IsType<IamEntityAlreadyExistsException>(ex.InnerException);
        }

        [Fact]
        public void EntityAlreadyExists_OnTheFirstAttempt_IsIamsOwnError()
        {
            using var server = new CannedIamServer().Respond(409, IamDocExamples.Error("EntityAlreadyExists", "Role with name r already exists."));
            using var iam = server.CreateClient();

            var ex = Assert.Throws<IamEntityAlreadyExistsException>(() => new AwsCalls(null).Run("IAM", "CreateRole", "r", () => iam.CreateRoleAsync(new CreateRoleRequest { RoleName = "r", AssumeRolePolicyDocument = "{}" })));

            Assert.Equal("IAM CreateRole failed: Role with name r already exists. (EntityAlreadyExists)", ex.Message);
        }

        [Fact]
        public void ARefusedConnection_IsEndpointUnreachable_FromIamAsFromS3AndSts()
        {
            var port = new CannedIamServer();
            var url = port.Url;
            port.Dispose();
            using var iam = IamClientFactory.Create(new IamClientOptions { AccessKey = "AKIAIOSFODNN7EXAMPLE", SecretKey = "secret", Region = "us-east-1", EndpointUrl = url, MaxErrorRetry = 0 });

            var ex = Assert.Throws<IamServiceException>(() => new AwsCalls(null).Run("IAM", "GetRole", "r", () => iam.GetRoleAsync(new GetRoleRequest { RoleName = "r" })));

            Assert.Equal(ErrorCode.EndpointUnreachable, ex.Code);
            Assert.StartsWith("IAM GetRole could not reach the service: ", ex.Message);
        }

        public static IEnumerable<object[]> TableRows() => AwsErrorCodes.All.Select(row => new object[] { row.Key, row.Value });

        /// <summary>S3 and STS errors (AwsErrorMapper) and IAM errors (IamErrorMapper) read every code through the same table.</summary>
        [Theory]
        [MemberData(nameof(TableRows))]
        public void EveryServiceMapsACode_ToTheSameErrorCode(string awsCode, ErrorCode expected)
        {
            var error = new AmazonServiceException("m", ErrorType.Sender, awsCode, "req", HttpStatusCode.BadRequest);
            Assert.Equal(expected, AwsErrorMapper.Map(error, "t", "S3 GetBucketPolicy").Code);
            Assert.Equal(expected, AwsErrorMapper.Map(error, "t", "STS AssumeRole").Code);
            Assert.Equal(expected, IamErrorMapper.Map(error, "GetRole", "t").Code);
        }

        [Theory]
        [InlineData("InvalidClientTokenId")]
        [InlineData("ExpiredToken")]
        [InlineData("SignatureDoesNotMatch")]
        public void ARejectedKey_IsCredentialsRejected_FromS3StsAndIam(string awsCode)
        {
            var error = new AmazonServiceException("m", ErrorType.Sender, awsCode, "req", HttpStatusCode.Forbidden);
            Assert.Equal(ErrorCode.CredentialsRejected, AwsErrorMapper.Map(error, "t", "S3 GetBucketAcl").Code);
            Assert.Equal(ErrorCode.CredentialsRejected, IamErrorMapper.Map(error, "PutRolePolicy", "t").Code);
        }

        [Fact]
        public void AnUnknownCode_IsServiceError()
        {
            var error = new AmazonServiceException("m", ErrorType.Sender, "SomethingNew", "req", HttpStatusCode.BadRequest);
            Assert.Equal(ErrorCode.ServiceError, AwsErrorMapper.Map(error, "t", "S3 GetBucketAcl").Code);
            Assert.Equal(ErrorCode.ServiceError, IamErrorMapper.Map(error, "GetRole", "t").Code);
        }
    }
}
