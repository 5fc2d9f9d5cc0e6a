using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace S3CrossAccount.Aws.Iam.Internal
{
    /// <summary>
    /// Endpoint rules for IAM reduced to what IAM needs: one URL per client, with the SigV4
    /// auth scheme attributes (signing name, signing region) the SDK's BaseEndpointResolver
    /// applies to the request, exactly as a generated rules engine would return them.
    /// </summary>
    internal sealed class IamEndpointProvider : IEndpointProvider
    {
        private readonly IamEndpoint _endpoint;

        public IamEndpointProvider(IamEndpoint endpoint) => _endpoint = endpoint;

        public Endpoint ResolveEndpoint(EndpointParameters parameters)
        {
            var attributes = "{\"authSchemes\":[{\"name\":\"sigv4\",\"signingName\":\"" + IamSdkConfig.SigningName
                + "\",\"signingRegion\":\"" + _endpoint.SigningRegion + "\"}]}";
            return new Endpoint(_endpoint.Url.ToString(), attributes, "{}");
        }
    }

    /// <summary>The pipeline stage that asks the endpoint provider (generated clients have one per service).</summary>
    internal sealed class IamEndpointResolver : BaseEndpointResolver
    {
        protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext)
        {
            var parameters = new EndpointParameters();
            parameters["Region"] = requestContext.ClientConfig.RegionEndpoint?.SystemName;
            parameters["Endpoint"] = requestContext.ClientConfig.ServiceURL;
            return parameters;
        }
    }

    /// <summary>Every IAM operation is SigV4-signed (IAM's service model: no anonymous operation).</summary>
    internal sealed class IamAuthSchemeHandler : BaseAuthResolverHandler
    {
        protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext)
            => AuthSchemeOption.DEFAULT_SIGV4;
    }

    internal sealed class IamServiceMetadata : IServiceMetadata
    {
        public string ServiceId => "IAM";

        public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
    }
}
