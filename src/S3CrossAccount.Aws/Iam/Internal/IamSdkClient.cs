using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace S3CrossAccount.Aws.Iam.Internal
{
    /// <summary>
    /// The IAM service client on AWSSDK.Core's pipeline, wired like a generated v4 client
    /// (AmazonSecurityTokenServiceClient): SigV4 through the auth scheme handler, the endpoint
    /// resolver after the marshaller, the SDK's retry handler (standard mode, throttling-aware),
    /// its HTTP handler and error unmarshalling. Only the Query marshalling is ours.
    /// </summary>
    internal sealed class IamSdkClient : AmazonServiceClient
    {
        private static readonly IServiceMetadata Metadata = new IamServiceMetadata();

        public IamSdkClient(AWSCredentials credentials, IamSdkConfig config)
            : base(credentials, config)
        {
        }

        protected override IServiceMetadata ServiceMetadata => Metadata;

        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            pipeline.RemoveHandler<EndpointResolver>();
            pipeline.AddHandlerAfter<Marshaller>(new IamEndpointResolver());
            pipeline.AddHandlerAfter<Marshaller>(new IamAuthSchemeHandler());
            Clients.AwsCalls.CountAttempts(pipeline);
        }

        public Task<IamQueryResponse> CallAsync(IamQueryRequest request, CancellationToken cancellationToken)
        {
            var options = new InvokeOptions
            {
                RequestMarshaller = IamQueryRequestMarshaller.Instance,
                ResponseUnmarshaller = IamXmlResponseUnmarshaller.Instance,
            };
            return InvokeAsync<IamQueryResponse>(request, options, cancellationToken);
        }
    }
}
