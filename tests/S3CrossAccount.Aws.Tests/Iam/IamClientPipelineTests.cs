using System;
using System.Linq;
using System.Threading.Tasks;
using S3CrossAccount.Aws.Iam;
using S3CrossAccount.Core.Errors;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Iam
{
    /// <summary>The real client against a loopback responder: the whole SDK pipeline runs.</summary>
    public class IamClientPipelineTests
    {
        private const string TrustPretty = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [ {\n    \"Effect\": \"Allow\",\n    \"Principal\": { \"AWS\": \"arn:aws:iam::111122223333:root\" },\n    \"Action\": \"sts:AssumeRole\",\n    \"Condition\": { \"StringEquals\": { \"sts:ExternalId\": \"a b+c\" } }\n  } ]\n}";

        [Fact]
        public async Task GetRole_PostsQueryFormBody_SignsForIamInUsEast1_AndDecodesTrustPolicy()
        {
            using var server = new CannedIamServer().Respond(200, IamDocExamples.GetRole);
            using var client = server.CreateClient();

            var response = await client.GetRoleAsync(new GetRoleRequest { RoleName = "S3Access" });

            var request = Assert.Single(server.Received);
            Assert.Equal("POST", request.Method);
            Assert.Equal("/", request.Path);
            Assert.Equal("Action=GetRole&RoleName=S3Access&Version=2010-05-08", request.Body);
            Assert.StartsWith("application/x-www-form-urlencoded", request.Header("Content-Type"));
            Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/", request.Header("Authorization"));
            Assert.Contains("/us-east-1/iam/aws4_request", request.Header("Authorization"));

            var role = response.Role;
            Assert.Equal("arn:aws:iam::123456789012:role/application_abc/component_xyz/S3Access", role.Arn);
            Assert.Equal("S3Access", role.RoleName);
            Assert.Equal("AROADBQP57FF2AEXAMPLE", role.RoleId);
            Assert.Equal("/application_abc/component_xyz/", role.Path);
            Assert.Equal(new DateTime(2012, 5, 8, 23, 34, 1, DateTimeKind.Utc), role.CreateDate);
            Assert.Equal(3600, role.MaxSessionDuration);
            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"ec2.amazonaws.com\"]},\"Action\":[\"sts:AssumeRole\"]}]}", role.AssumeRolePolicyDocument);
            Assert.Equal("Department=Accounting", Assert.Single(role.Tags).ToString());
            Assert.Equal("df37e965-9967-11e1-a4c3-270EXAMPLE04", response.RequestId);
        }

        [Fact]
        public async Task CreateRole_SendsCompactTrustPolicyPercentEncodedWithSpaceAs20_AndTags()
        {
            using var server = new CannedIamServer().Respond(200, IamDocExamples.CreateRole);
            using var client = server.CreateClient();

            var response = await client.CreateRoleAsync(new CreateRoleRequest
            {
                RoleName = "xacct-reader",
                AssumeRolePolicyDocument = TrustPretty,
                Path = "/xacct/",
                MaxSessionDuration = 7200,
                Tags = { new Tag("created-by", "S3CrossAccount"), new Tag("purpose", "seed 003") },
            });

            var body = Assert.Single(server.Received).Body;
            Assert.Equal(
                "Action=CreateRole"
                + "&AssumeRolePolicyDocument=%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22AWS%22%3A%22arn%3Aaws%3Aiam%3A%3A111122223333%3Aroot%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%2C%22Condition%22%3A%7B%22StringEquals%22%3A%7B%22sts%3AExternalId%22%3A%22a%20b%2Bc%22%7D%7D%7D%5D%7D"
                + "&MaxSessionDuration=7200&Path=%2Fxacct%2F&RoleName=xacct-reader"
                + "&Tags.member.1.Key=created-by&Tags.member.1.Value=S3CrossAccount"
                + "&Tags.member.2.Key=purpose&Tags.member.2.Value=seed%20003"
                + "&Version=2010-05-08",
                body);
            Assert.DoesNotContain("+", body);
            Assert.Equal("AROADBQP57FF2AEXAMPLE", response.Role.RoleId);
        }

        [Fact]
        public async Task SessionToken_IsSentAsSecurityTokenHeader()
        {
            using var server = new CannedIamServer().Respond(200, IamDocExamples.Empty("DeleteRole"));
            using var client = server.CreateClient(sessionToken: "FQoGZXIvYXdzEXAMPLETOKEN");

            var response = await client.DeleteRoleAsync(new DeleteRoleRequest { RoleName = "r" });

            var request = Assert.Single(server.Received);
            Assert.Equal("FQoGZXIvYXdzEXAMPLETOKEN", request.Header("X-Amz-Security-Token"));
            Assert.Contains("x-amz-security-token", request.Header("Authorization"));
            Assert.Equal("DeleteRole-request-id", response.RequestId);
        }

        [Fact]
        public async Task ExplicitEndpoint_IsSignedForTheGivenRegion()
        {
            using var server = new CannedIamServer().Respond(200, IamDocExamples.Empty("DeleteRole"));
            using var client = server.CreateClient(region: "eu-west-1");

            await client.DeleteRoleAsync(new DeleteRoleRequest { RoleName = "r" });

            Assert.Contains("/eu-west-1/iam/aws4_request", Assert.Single(server.Received).Header("Authorization"));
        }

        [Fact]
        public async Task Throttling_IsRetriedByTheSdk_ThenSucceeds()
        {
            using var server = new CannedIamServer()
                .Respond(400, IamDocExamples.Error("Throttling", "Rate exceeded"))
                .Respond(400, IamDocExamples.Error("Throttling", "Rate exceeded"))
                .Respond(200, IamDocExamples.GetRole);
            using var client = server.CreateClient();

            var response = await client.GetRoleAsync(new GetRoleRequest { RoleName = "S3Access" });

            Assert.Equal(3, server.Received.Count);
            Assert.All(server.Received, r => Assert.Equal("Action=GetRole&RoleName=S3Access&Version=2010-05-08", r.Body));
            Assert.Equal("S3Access", response.Role.RoleName);
        }

        [Fact]
        public async Task Throttling_BeyondTheRetries_BecomesThrottled()
        {
            using var server = new CannedIamServer()
                .Respond(400, IamDocExamples.Error("Throttling", "Rate exceeded"))
                .Respond(400, IamDocExamples.Error("Throttling", "Rate exceeded"))
                .Respond(400, IamDocExamples.Error("Throttling", "Rate exceeded", requestId: "last-id"));
            using var client = server.CreateClient();

            var e = await Assert.ThrowsAsync<IamThrottledException>(() => client.GetRoleAsync(new GetRoleRequest { RoleName = "S3Access" }));

            Assert.Equal(3, server.Received.Count);
            Assert.Equal(ErrorCode.Throttled, e.Code);
            Assert.Equal("Throttling", e.AwsErrorCode);
            Assert.Equal("last-id", e.RequestId);
        }

        [Theory]
        [InlineData(404, "NoSuchEntity", typeof(IamNoSuchEntityException), ErrorCode.NoSuchEntity)]
        [InlineData(409, "EntityAlreadyExists", typeof(IamEntityAlreadyExistsException), ErrorCode.EntityAlreadyExists)]
        [InlineData(400, "MalformedPolicyDocument", typeof(IamMalformedPolicyDocumentException), ErrorCode.MalformedPolicy)]
        [InlineData(409, "LimitExceeded", typeof(IamLimitExceededException), ErrorCode.LimitExceeded)]
        [InlineData(409, "DeleteConflict", typeof(IamDeleteConflictException), ErrorCode.DeleteConflict)]
        [InlineData(403, "AccessDenied", typeof(IamAccessDeniedException), ErrorCode.AccessDenied)]
        [InlineData(405, "MethodNotAllowed", typeof(IamOperationNotSupportedException), ErrorCode.ServiceError)]
        [InlineData(400, "ValidationError", typeof(IamServiceException), ErrorCode.ServiceError)]
        // An unknown or expired key is CredentialsRejected from IAM as from S3 and STS (it was ServiceError from IAM alone).
        [InlineData(403, "InvalidClientTokenId", typeof(IamServiceException), ErrorCode.CredentialsRejected)]
        [InlineData(403, "SignatureDoesNotMatch", typeof(IamServiceException), ErrorCode.CredentialsRejected)]
        public async Task ErrorCodes_BecomeTypedExceptions(int status, string awsCode, Type expectedType, ErrorCode expectedCode)
        {
            using var server = new CannedIamServer().Respond(status, IamDocExamples.Error(awsCode, "The role with name S3Access cannot be found.", requestId: "req-42"));
            using var client = server.CreateClient();

            var e = await Assert.ThrowsAnyAsync<IamServiceException>(() => client.GetRoleAsync(new GetRoleRequest { RoleName = "S3Access" }));

            Assert.Single(server.Received);
            Assert.Equal(expectedType, e.GetType());
            Assert.IsAssignableFrom<XAccountException>(e);
            Assert.Equal(expectedCode, e.Code);
            Assert.Equal(awsCode, e.AwsErrorCode);
            Assert.Equal("req-42", e.RequestId);
            Assert.Equal(status, e.StatusCode);
            Assert.Equal("S3Access", e.Target);
            Assert.Contains("The role with name S3Access cannot be found.", e.Message);
            Assert.False(string.IsNullOrEmpty(e.RecommendedAction));
        }
    
        /// <summary>An identity policy names no principal: its MalformedPolicyDocument advice must not talk about principals; a trust policy's does.</summary>
        [Fact]
        public async Task MalformedPolicyDocument_Advice_FitsThePolicyKind()
        {
            using var server = new CannedIamServer().Respond(400, IamDocExamples.Error("MalformedPolicyDocument", "Syntax errors in policy.", requestId: "req-1"));
            using var client = server.CreateClient();
            var identity = await Assert.ThrowsAsync<IamMalformedPolicyDocumentException>(() => client.PutRolePolicyAsync(new PutRolePolicyRequest { RoleName = "S3Access", PolicyName = "p", PolicyDocument = "{}" }));
            Assert.DoesNotContain("principal it names", identity.RecommendedAction);
            Assert.Contains("identity policy", identity.RecommendedAction);

            server.Respond(400, IamDocExamples.Error("MalformedPolicyDocument", "Invalid principal in policy.", requestId: "req-2"));
            var trust = await Assert.ThrowsAsync<IamMalformedPolicyDocumentException>(() => client.CreateRoleAsync(new CreateRoleRequest { RoleName = "S3Access", AssumeRolePolicyDocument = "{}" }));
            Assert.Contains("every principal it names must exist", trust.RecommendedAction);
        }

        /// <summary>radosgw answers unimplemented IAM actions with 405 and an S3-style &lt;Error&gt; body.</summary>
        [Fact]
        public async Task MethodNotAllowed_InS3StyleErrorBody_IsOperationNotSupported()
        {
            using var server = new CannedIamServer().Respond(405, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>MethodNotAllowed</Code><RequestId>tx000-rgw</RequestId><HostId>rgw-host</HostId></Error>");
            using var client = server.CreateClient();

            var e = await Assert.ThrowsAsync<IamOperationNotSupportedException>(() => client.CreatePolicyAsync(new CreatePolicyRequest { PolicyName = "p", PolicyDocument = "{}" }));

            Assert.Single(server.Received);
            Assert.Equal(ErrorCode.ServiceError, e.Code);
            Assert.Equal("MethodNotAllowed", e.AwsErrorCode);
            Assert.Equal(405, e.StatusCode);
            Assert.Contains("CreatePolicy", e.RecommendedAction);
        }

        /// <summary>
        /// radosgw answers GetUserPolicy of a missing policy with the error document nested inside a
        /// GetUserPolicyResponse (seen on the integration server); the SDK cannot parse it, the client
        /// still finds the code.
        /// </summary>
        [Theory]
        [InlineData(404)]
        [InlineData(400)]
        public async Task NoSuchEntity_NestedInAResponseElement_IsStillNoSuchEntity(int status)
        {
            using var server = new CannedIamServer().Respond(status, "<GetUserPolicyResponse><ResponseMetadata><RequestId>tx0-rgw</RequestId></ResponseMetadata><GetUserPolicyResult>"
                + "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchEntity</Code><Message></Message><RequestId>tx0-rgw</RequestId><HostId>h</HostId></Error>");
            using var client = server.CreateClient();

            var e = await Assert.ThrowsAsync<IamNoSuchEntityException>(() => client.GetUserPolicyAsync(new GetUserPolicyRequest { UserName = "333344445555$admin", PolicyName = "p" }));

            Assert.Equal(ErrorCode.NoSuchEntity, e.Code);
            Assert.Equal("NoSuchEntity", e.AwsErrorCode);
            Assert.DoesNotContain("<", e.Message);
        }

        [Fact]
        public async Task MethodNotAllowed_WithEmptyBody_IsOperationNotSupported()
        {
            using var server = new CannedIamServer().Respond(405, "");
            using var client = server.CreateClient();

            var e = await Assert.ThrowsAsync<IamOperationNotSupportedException>(() => client.GetUserAsync(new GetUserRequest()));

            Assert.Equal(405, e.StatusCode);
            Assert.Contains("GetUser", e.Message);
        }
    
        [Fact]
        public async Task ServiceFailure500_IsRetriedByTheSdk_ThenSucceeds()
        {
            using var server = new CannedIamServer()
                .Respond(500, IamDocExamples.Error("ServiceFailure", "Internal failure", type: "Receiver"))
                .Respond(200, IamDocExamples.Empty("PutRolePolicy"));
            using var client = server.CreateClient();

            var response = await client.PutRolePolicyAsync(new PutRolePolicyRequest { RoleName = "r", PolicyName = "p", PolicyDocument = "{}" });

            Assert.Equal(2, server.Received.Count);
            Assert.Equal("PutRolePolicy-request-id", response.RequestId);
        }
    }
}
