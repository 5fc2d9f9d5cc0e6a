using System;
using System.Linq;
using System.Net;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace S3CrossAccount.Aws.Iam.Internal
{
    /// <summary>The raw result of one IAM call: the &lt;ActionResult&gt; element (null for actions without one).</summary>
    internal sealed class IamQueryResponse : AmazonWebServiceResponse
    {
        public XElement? Result { get; set; }
    }

    /// <summary>
    /// Reads IAM's XML responses (&lt;ActionResponse&gt;&lt;ActionResult&gt;...&lt;/ActionResult&gt;
    /// &lt;ResponseMetadata&gt;&lt;RequestId&gt;) and errors (&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type&gt;
    /// &lt;Code&gt;&lt;Message&gt;&lt;/Error&gt;&lt;RequestId&gt;) through the SDK's own XML error reader, so the
    /// exception carries ErrorCode/ErrorType/RequestId the retry policy classifies (Throttling).
    /// </summary>
    internal sealed class IamXmlResponseUnmarshaller : XmlResponseUnmarshaller
    {
        public static readonly IamXmlResponseUnmarshaller Instance = new IamXmlResponseUnmarshaller();

        public override AmazonWebServiceResponse Unmarshall(XmlUnmarshallerContext context)
        {
            var response = new IamQueryResponse();
            if (context.IsEmptyResponse) return response;

            // The context reads lazily; nothing has consumed the stream yet, so parse it whole.
            var document = XDocument.Load(context.Stream);
            var root = document.Root;
            if (root == null) return response;
            response.Result = root.Elements().FirstOrDefault(e => e.Name.LocalName.EndsWith("Result", StringComparison.Ordinal));
            var requestId = root.Elements().FirstOrDefault(e => e.Name.LocalName == "ResponseMetadata")
                ?.Elements().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value;
            response.ResponseMetadata = new ResponseMetadata { RequestId = requestId };
            return response;
        }

        public override AmazonServiceException UnmarshallException(XmlUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
        {
            ErrorResponse error = XmlErrorResponseUnmarshaller.GetInstance().Unmarshall(context);
            return new AmazonServiceException(error.Message, innerException, error.Type, error.Code, error.RequestId, statusCode);
        }
    }
}
