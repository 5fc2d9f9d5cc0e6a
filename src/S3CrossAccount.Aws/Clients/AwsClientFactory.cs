using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3;
using Amazon.SecurityToken;

namespace S3CrossAccount.Aws.Clients
{
    /// <summary>
    /// Builds SDK clients from a resolved <see cref="AwsSession"/>. Internal: every public adapter
    /// takes the session and hides the SDK.
    /// -EndpointUrl works as in AWS Tools (BaseCmdlets.cs): ServiceURL is the endpoint and the resolved
    /// region becomes AuthenticationRegion (the signing region). Every client counts its HTTP attempts
    /// for <see cref="AwsCalls"/> and keeps the SDK's retry policy (standard mode).
    /// </summary>
    internal static class AwsClientFactory
    {
        internal static AmazonS3Client CreateS3Client(AwsSession session)
        {
            var config = new AmazonS3Config
            {
                // S3-compatible endpoints (and radosgw) need path-style; checksums only when the API
                // requires them, since the SDK v4 default trips radosgw (XAmzContentSHA256Mismatch).
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            };
            Apply(config, session);
            if (session.EndpointUrl != null)
            {
                config.ForcePathStyle = true;
            }

            return new CountedS3Client(session.Credentials, config);
        }

        internal static AmazonSecurityTokenServiceClient CreateStsClient(AwsSession session)
        {
            var config = new AmazonSecurityTokenServiceConfig();
            Apply(config, session);
            return new CountedStsClient(session.Credentials, config);
        }

        /// <summary>Region or endpoint on any client config (the IAM adapter uses it too).</summary>
        internal static void Apply(ClientConfig config, AwsSession session)
        {
            if (session.EndpointUrl != null)
            {
                config.ServiceURL = session.EndpointUrl;
                config.AuthenticationRegion = session.Region;
            }
            else
            {
                config.RegionEndpoint = RegionEndpoint.GetBySystemName(session.Region);
            }
        }
    }

    /// <summary>The S3 client with its attempts counted for <see cref="AwsCalls"/>.</summary>
    internal sealed class CountedS3Client : AmazonS3Client
    {
        internal CountedS3Client(AWSCredentials credentials, AmazonS3Config config)
            : base(credentials, config)
        {
        }

        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            base.CustomizeRuntimePipeline(pipeline);
            AwsCalls.CountAttempts(pipeline);
        }
    }

    /// <summary>The STS client with its attempts counted for <see cref="AwsCalls"/>.</summary>
    internal sealed class CountedStsClient : AmazonSecurityTokenServiceClient
    {
        internal CountedStsClient(AWSCredentials credentials, AmazonSecurityTokenServiceConfig config)
            : base(credentials, config)
        {
        }

        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            base.CustomizeRuntimePipeline(pipeline);
            AwsCalls.CountAttempts(pipeline);
        }
    }
}
