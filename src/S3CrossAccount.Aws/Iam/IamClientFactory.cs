using System;
using Amazon.Runtime;
using S3CrossAccount.Aws.Iam.Internal;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Aws.Iam
{
    /// <summary>
    /// What the IAM client needs, as primitives, so credential resolution (profiles, AWS Tools
    /// objects, SSO) can stay elsewhere and hand over plain keys. Secrets never appear in ToString.
    /// </summary>
    public sealed class IamClientOptions
    {
        /// <summary>Access key id (required).</summary>
        public string AccessKey { get; set; } = string.Empty;

        /// <summary>Secret access key (required). Never logged or printed.</summary>
        public string SecretKey { get; set; } = string.Empty;

        /// <summary>Session token of temporary credentials; null for long-term keys. Never logged or printed.</summary>
        public string? SessionToken { get; set; }

        /// <summary>
        /// Any region of the target partition (e.g. eu-west-1, cn-northwest-1, us-gov-east-1): IAM is
        /// global, so it only selects the partition's endpoint. With <see cref="EndpointUrl"/> it is the
        /// SigV4 signing region. Null means the aws partition (us-east-1).
        /// </summary>
        public string? Region { get; set; }

        /// <summary>An explicit endpoint (e.g. http://127.0.0.1:8000 for radosgw); null for AWS.</summary>
        public string? EndpointUrl { get; set; }

        /// <summary>Retries after the first attempt (the SDK's standard mode default is 2, i.e. 3 attempts); null keeps the SDK default.</summary>
        public int? MaxErrorRetry { get; set; }

        /// <summary>Per-attempt HTTP timeout; null keeps the SDK default.</summary>
        public TimeSpan? Timeout { get; set; }

        public override string ToString()
            => $"IamClientOptions(AccessKey={AccessKey}, Region={Region ?? "(default)"}, EndpointUrl={EndpointUrl ?? "(partition default)"}, SessionToken={(SessionToken == null ? "none" : "set")})";
    }

    /// <summary>Builds the IAM client from primitive inputs.</summary>
    public static class IamClientFactory
    {
        /// <summary>
        /// Creates an <see cref="IIamClient"/> on AWSSDK.Core's pipeline: SigV4 for service "iam",
        /// the partition's global IAM endpoint for <see cref="IamClientOptions.Region"/> (or
        /// <see cref="IamClientOptions.EndpointUrl"/>), standard retry mode with throttling backoff.
        /// Throws <see cref="XAccountException"/> (NoCredentials, InvalidParameterCombination) for bad input.
        /// </summary>
        public static IIamClient Create(IamClientOptions options)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (string.IsNullOrWhiteSpace(options.AccessKey) || string.IsNullOrEmpty(options.SecretKey))
            {
                throw new XAccountException(ErrorCode.NoCredentials,
                    "The IAM client needs an access key and a secret key.", "IAM",
                    "Pass -ProfileName or -Credential, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.");
            }

            var endpoint = IamEndpoint.Resolve(options.Region, options.EndpointUrl);
            var config = new IamSdkConfig(endpoint);
            if (options.MaxErrorRetry.HasValue) config.MaxErrorRetry = options.MaxErrorRetry.Value;
            if (options.Timeout.HasValue) config.Timeout = options.Timeout.Value;

            AWSCredentials credentials = string.IsNullOrEmpty(options.SessionToken)
                ? new BasicAWSCredentials(options.AccessKey, options.SecretKey)
                : new SessionAWSCredentials(options.AccessKey, options.SecretKey, options.SessionToken);
            return new IamClient(new IamSdkClient(credentials, config));
        }
    }
}
