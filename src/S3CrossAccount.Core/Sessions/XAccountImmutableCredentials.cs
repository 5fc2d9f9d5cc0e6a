namespace S3CrossAccount.Core.Sessions
{
    /// <summary>
    /// The keys of an <see cref="XAccountCredential"/>, shaped like AWS Tools' Amazon.Runtime.ImmutableCredentials
    /// (AccessKey, SecretKey, Token, UseToken), for the user who asked for them explicitly with GetCredentials():
    /// for example to pass -AccessKey/-SecretKey/-SessionToken to another tool.
    /// https://docs.aws.amazon.com/sdkfornet/v3/apidocs/items/Runtime/TImmutableCredentials.html
    /// </summary>
    public sealed class XAccountImmutableCredentials
    {
        public XAccountImmutableCredentials(string accessKey, string secretKey, string? token)
        {
            AccessKey = accessKey;
            SecretKey = secretKey;
            Token = string.IsNullOrEmpty(token) ? null : token;
        }

        public string AccessKey { get; }

        public string SecretKey { get; }

        /// <summary>The session token of temporary credentials; null for long-term keys.</summary>
        public string? Token { get; }

        public bool UseToken => Token != null;

        /// <summary>Text interpolation ("$keys") shows the access key only.</summary>
        public override string ToString() => "AccessKey " + AccessKey + (UseToken ? " (temporary)" : " (long-term)");
    }
}
