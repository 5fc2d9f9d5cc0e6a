using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Aws.Credentials;
using S3CrossAccount.Aws.Tests.Credentials;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Clients
{
    public class AwsClientFactoryTests
    {
        private static AwsSession Session(string region, string? endpoint)
        {
            using var box = new ProfileSandbox();
            return box.Resolve(new SessionRequest { AccessKey = "AKIA", SecretKey = "s", Region = region, EndpointUrl = endpoint });
        }

        [Fact]
        public void S3Client_WithEndpoint_UsesServiceUrlPathStyleAndSigningRegion()
        {
            using var client = AwsClientFactory.CreateS3Client(Session("eu-west-3", "http://127.0.0.1:7480"));
            var config = (AmazonS3Config)client.Config;
            Assert.Equal("http://127.0.0.1:7480/", config.ServiceURL.TrimEnd('/') + "/");
            Assert.True(config.ForcePathStyle);
            Assert.Equal("eu-west-3", config.AuthenticationRegion);
            Assert.Equal(RequestChecksumCalculation.WHEN_REQUIRED, config.RequestChecksumCalculation);
            Assert.Equal(ResponseChecksumValidation.WHEN_REQUIRED, config.ResponseChecksumValidation);
        }

        [Fact]
        public void S3Client_WithoutEndpoint_UsesTheRegionEndpoint()
        {
            using var client = AwsClientFactory.CreateS3Client(Session("eu-west-3", null));
            var config = (AmazonS3Config)client.Config;
            Assert.Equal("eu-west-3", config.RegionEndpoint.SystemName);
            Assert.Null(config.ServiceURL);
            Assert.False(config.ForcePathStyle);
            Assert.Equal(RequestChecksumCalculation.WHEN_REQUIRED, config.RequestChecksumCalculation);
        }

        [Fact]
        public void StsClient_WithEndpoint_SignsForTheResolvedRegion()
        {
            using var client = AwsClientFactory.CreateStsClient(Session("ap-south-1", "http://127.0.0.1:7480"));
            Assert.Equal("ap-south-1", client.Config.AuthenticationRegion);
            Assert.StartsWith("http://127.0.0.1:7480", client.Config.ServiceURL);
        }

        [Fact]
        public void Session_Describes_ItsSources_WithoutSecrets()
        {
            var session = Session("eu-west-3", null);
            var text = session + session.CredentialSource + session.RegionSource + session.CredentialKind;
            Assert.DoesNotContain("AKIA", session.ToString());
            Assert.Equal("AWS session: credentials from the -AccessKey and -SecretKey parameters; region eu-west-3 from the -Region parameter", session.ToString());
            Assert.DoesNotContain(" s;", text);
        }

        [Fact]
        public void ClosedPort_IsEndpointUnreachable()
        {
            var session = Session("us-east-1", "http://127.0.0.1:9");
            var ex = Assert.Throws<Core.Errors.XAccountException>(() => new StsIdentityService(session).GetCallerIdentity());
            Assert.Equal(Core.Errors.ErrorCode.EndpointUnreachable, ex.Code);
            Assert.Equal("http://127.0.0.1:9", ex.Target);
        }
    }
}
