using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace S3CrossAccount.Aws.Iam.Internal
{
    /// <summary>
    /// One IAM Query-protocol call: the Action and its parameters, already flattened to the
    /// Query names (e.g. <c>Tags.member.1.Key</c>). The module-owned request types are turned into
    /// this by <see cref="IamClient"/>; the SDK pipeline turns it into a signed POST.
    /// </summary>
    internal sealed class IamQueryRequest : AmazonWebServiceRequest
    {
        public IamQueryRequest(string action) => Action = action;

        public string Action { get; }

        /// <summary>Query parameters in the order they were added (the SDK sorts them by name).</summary>
        public List<KeyValuePair<string, string>> Parameters { get; } = new List<KeyValuePair<string, string>>();

        public IamQueryRequest Add(string name, string? value)
        {
            if (value != null) Parameters.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }
    }

    /// <summary>
    /// Marshals an <see cref="IamQueryRequest"/> the way generated Query-protocol marshallers do
    /// (AssumeRoleRequestMarshaller): a POST whose form body the SDK builds from the parameters,
    /// percent-encoding per RFC 3986 (a space is %20, never '+').
    /// </summary>
    internal sealed class IamQueryRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        public static readonly IamQueryRequestMarshaller Instance = new IamQueryRequestMarshaller();

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var query = (IamQueryRequest)input;
            IRequest request = new DefaultRequest(query, "Amazon.IdentityManagement");
            request.HttpMethod = "POST";
            request.Parameters.Add("Action", query.Action);
            request.Parameters.Add("Version", IamSdkConfig.ApiVersion);
            foreach (var p in query.Parameters)
            {
                request.Parameters.Add(p.Key, p.Value);
            }
            return request;
        }
    }
}
