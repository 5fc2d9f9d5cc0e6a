using Amazon.Runtime;

namespace S3CrossAccount.Aws
{
    /// <summary>
    /// Resolved credentials, region and endpoint for one cmdlet invocation. Its public surface says
    /// where each came from (for Debug output) and never holds a secret in a public member; the SDK
    /// credentials stay internal to this assembly.
    /// </summary>
    public sealed class AwsSession
    {
        internal AwsSession(AWSCredentials credentials, string credentialSource, string region, string regionSource, string? endpointUrl)
        {
            Credentials = credentials;
            CredentialSource = credentialSource;
            Region = region;
            RegionSource = regionSource;
            EndpointUrl = endpointUrl;
        }

        internal AWSCredentials Credentials { get; }

        /// <summary>Where the credentials came from, e.g. "profile 'prod' in /home/u/.aws/credentials".</summary>
        public string CredentialSource { get; }

        /// <summary>The region system name (us-east-1, eu-west-3, ...).</summary>
        public string Region { get; }

        public string RegionSource { get; }

        /// <summary>-EndpointUrl, when the caller talks to something other than the AWS public endpoints.</summary>
        public string? EndpointUrl { get; }

        /// <summary>The credentials' kind without any secret (the SDK type name).</summary>
        public string CredentialKind => Credentials.GetType().Name;

        public override string ToString() => "AWS session: credentials from " + CredentialSource + "; region " + Region + " from " + RegionSource;
    }
}
