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
        internal AwsSession(AWSCredentials credentials, string credentialSource, string region, string regionSource, string? endpointUrl, string? profileName = null)
        {
            ProfileName = profileName;
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

        /// <summary>The credential profile the credentials came from, when they came from one.</summary>
        public string? ProfileName { get; }

        /// <summary>
        /// The account the credentials belong to, once a call has told it (STS GetCallerIdentity); null until then.
        /// No call is made just to learn it: it only names the acting account in messages.
        /// </summary>
        public string? AccountId
        {
            get => _accountId;
            internal set => _accountId = value;
        }

        private volatile string? _accountId;

        /// <summary>Who acts with this session, for errors and -WhatIf texts: "account 111122223333 (profile AccountA)".</summary>
        public string Acting
        {
            get
            {
                var who = ProfileName != null ? "profile " + ProfileName : "credentials from " + CredentialSource;
                return AccountId != null ? "account " + AccountId + " (" + who + ")" : who;
            }
        }

        /// <summary>The same identity for another region (the bucket's own, for S3 calls).</summary>
        internal AwsSession ForRegion(string region, string regionSource) =>
            new AwsSession(Credentials, CredentialSource, region, regionSource, EndpointUrl, ProfileName) { AccountId = AccountId };

        /// <summary>The credentials' kind without any secret (the SDK type name).</summary>
        public string CredentialKind => Credentials.GetType().Name;

        public override string ToString() => "AWS session: credentials from " + CredentialSource + "; region " + Region + " from " + RegionSource;
    }
}
