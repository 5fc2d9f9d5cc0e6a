using System;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Aws.Iam.Internal
{
    /// <summary>Where IAM requests go and which region signs them.</summary>
    internal sealed class IamEndpoint
    {
        internal IamEndpoint(Uri url, string signingRegion)
        {
            Url = url;
            SigningRegion = signingRegion;
        }

        public Uri Url { get; }

        public string SigningRegion { get; }

        /// <summary>
        /// IAM is a global service with one endpoint per partition, each signed for a fixed region
        /// (the SDKs' partition tables, e.g. aws-sdk-js-v3 clients/client-iam/src/endpoints.ts:
        /// aws-global = iam.amazonaws.com / us-east-1, aws-cn-global = iam.cn-north-1.amazonaws.com.cn /
        /// cn-north-1, aws-us-gov-global = iam.us-gov.amazonaws.com / us-gov-west-1,
        /// aws-iso-global = iam.us-iso-east-1.c2s.ic.gov / us-iso-east-1,
        /// aws-iso-b-global = iam.us-isob-east-1.sc2s.sgov.gov / us-isob-east-1;
        /// https://docs.aws.amazon.com/general/latest/gr/iam-service.html).
        /// An explicit endpoint URL (radosgw, a proxy, a VPC endpoint) is used as given and signed
        /// for the given region, or us-east-1 when none is given.
        /// </summary>
        public static IamEndpoint Resolve(string? region, string? endpointUrl)
        {
            if (!string.IsNullOrWhiteSpace(endpointUrl))
            {
                if (!Uri.TryCreate(endpointUrl!.Trim(), UriKind.Absolute, out var url)
                    || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                {
                    throw new XAccountException(ErrorCode.InvalidParameterCombination,
                        $"The endpoint URL '{endpointUrl}' is not an absolute http or https URL.",
                        endpointUrl, "Pass a URL such as https://iam.amazonaws.com or http://127.0.0.1:8000.");
                }
                return new IamEndpoint(url, string.IsNullOrWhiteSpace(region) ? "us-east-1" : region!.Trim());
            }

            var r = (region ?? string.Empty).Trim().ToLowerInvariant();
            if (r.StartsWith("cn-", StringComparison.Ordinal))
                return new IamEndpoint(new Uri("https://iam.cn-north-1.amazonaws.com.cn"), "cn-north-1");
            if (r.StartsWith("us-gov-", StringComparison.Ordinal))
                return new IamEndpoint(new Uri("https://iam.us-gov.amazonaws.com"), "us-gov-west-1");
            if (r.StartsWith("us-isob-", StringComparison.Ordinal))
                return new IamEndpoint(new Uri("https://iam.us-isob-east-1.sc2s.sgov.gov"), "us-isob-east-1");
            if (r.StartsWith("us-iso-", StringComparison.Ordinal))
                return new IamEndpoint(new Uri("https://iam.us-iso-east-1.c2s.ic.gov"), "us-iso-east-1");
            return new IamEndpoint(new Uri("https://iam.amazonaws.com"), "us-east-1");
        }
    }
}
