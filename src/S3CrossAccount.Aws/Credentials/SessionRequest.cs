namespace S3CrossAccount.Aws.Credentials
{
    /// <summary>The AWS Tools common parameters as a cmdlet received them (null = not given).</summary>
    public sealed class SessionRequest
    {
        public string? AccessKey { get; set; }

        public string? SecretKey { get; set; }

        public string? SessionToken { get; set; }

        public string? ProfileName { get; set; }

        public string? ProfileLocation { get; set; }

        /// <summary>
        /// An XAccountCredential, an AWSCredentials of this module's or of another AWSSDK.Core copy
        /// (AWS Tools), AWS Tools' AWSPSCredentials, or a dictionary with AccessKey/SecretKey[/SessionToken].
        /// </summary>
        public object? Credential { get; set; }

        /// <summary>A region system name, or an object with a SystemName or Region property (AWS Tools' AWSRegion).</summary>
        public object? Region { get; set; }

        public string? EndpointUrl { get; set; }
    }
}
