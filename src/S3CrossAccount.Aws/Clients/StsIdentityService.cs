using System;
using System.Threading;
using Amazon.SecurityToken.Model;
using S3CrossAccount.Core.Sessions;

namespace S3CrossAccount.Aws.Clients
{
    /// <summary>STS calls on behalf of the cmdlets, with module-owned inputs and outputs only.</summary>
    public sealed class StsIdentityService
    {
        private readonly AwsSession _session;

        public StsIdentityService(AwsSession session) => _session = session ?? throw new ArgumentNullException(nameof(session));

        /// <summary>STS GetCallerIdentity: the account, ARN and unique ID of the session's credentials.</summary>
        public XAccountIdentity GetCallerIdentity(CancellationToken cancellationToken = default)
        {
            using var client = AwsClientFactory.CreateStsClient(_session);
            try
            {
                var response = client.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).GetAwaiter().GetResult();
                return new XAccountIdentity(response.Account, response.Arn, response.UserId);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                throw AwsErrorMapper.Map(ex, _session.EndpointUrl ?? _session.Region, "STS GetCallerIdentity");
            }
        }
    }
}
