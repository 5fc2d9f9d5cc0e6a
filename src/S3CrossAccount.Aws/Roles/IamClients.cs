using S3CrossAccount.Aws.Iam;

namespace S3CrossAccount.Aws.Roles
{
    /// <summary>The IAM client for a resolved session (same keys, region and endpoint as the S3 and STS clients).</summary>
    internal static class IamClients
    {
        internal static IIamClient ForSession(AwsSession session)
        {
            var keys = session.Credentials.GetCredentials();
            return IamClientFactory.Create(new IamClientOptions
            {
                AccessKey = keys.AccessKey,
                SecretKey = keys.SecretKey,
                SessionToken = string.IsNullOrEmpty(keys.Token) ? null : keys.Token,
                Region = session.Region,
                EndpointUrl = session.EndpointUrl,
            });
        }
    }
}
