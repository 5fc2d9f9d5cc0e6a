using System;
using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace S3CrossAccount.Aws.Iam.Internal
{
    /// <summary>
    /// Client configuration for the hand-written IAM Query client, shaped like a generated
    /// AWSSDK v4 service config (AmazonSecurityTokenServiceConfig is the template): service id,
    /// signing name <c>iam</c>, API version 2010-05-08 and a fixed endpoint provider.
    /// </summary>
    internal sealed class IamSdkConfig : ClientConfig
    {
        internal const string ApiVersion = "2010-05-08";
        internal const string SigningName = "iam";

        public IamSdkConfig(IamEndpoint endpoint)
            : base(new DefaultConfigurationProvider(DefaultConfigurations()))
        {
            base.ServiceId = "IAM";
            AuthenticationServiceName = SigningName;
            Endpoint = endpoint;
            RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(endpoint.SigningRegion);
            EndpointProvider = new IamEndpointProvider(endpoint);
            // The endpoint is decided by the caller (-EndpointUrl or the partition), never silently by
            // AWS_ENDPOINT_URL* or endpoint_url in the shared config file: the resolver passes it in.
            IgnoreConfiguredEndpointUrls = true;
        }

        public IamEndpoint Endpoint { get; }

        public override string RegionEndpointServiceName => SigningName;

        public override string ServiceVersion => ApiVersion;

        public override string UserAgent => "S3CrossAccount-iam-query";

        public override Amazon.Runtime.Endpoints.Endpoint DetermineServiceOperationEndpoint(Amazon.Runtime.Endpoints.ServiceOperationEndpointParameters parameters)
            => EndpointProvider.ResolveEndpoint(new Amazon.Runtime.Endpoints.EndpointParameters());

        // Every defaults mode the SDK knows resolves to the "standard" values (standard retry
        // mode with throttling-aware backoff), so AWS_DEFAULTS_MODE can never name a missing one.
        private static IEnumerable<IDefaultConfiguration> DefaultConfigurations()
        {
            foreach (DefaultConfigurationMode mode in Enum.GetValues(typeof(DefaultConfigurationMode)))
            {
                yield return new DefaultConfiguration
                {
                    Name = mode,
                    RetryMode = RequestRetryMode.Standard,
                    ConnectTimeout = TimeSpan.FromMilliseconds(3100),
                    TlsNegotiationTimeout = TimeSpan.FromMilliseconds(3100),
                };
            }
        }
    }
}
