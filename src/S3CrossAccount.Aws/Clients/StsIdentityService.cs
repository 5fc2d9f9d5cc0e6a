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
        private readonly AwsCalls _calls;

        public StsIdentityService(AwsSession session)
            : this(session, null)
        {
        }

        /// <param name="verbose">Receives one line per call (WriteVerbose).</param>
        public StsIdentityService(AwsSession session, Action<string>? verbose)
        {
            _session = session ?? throw new ArgumentNullException(nameof(session));
            _calls = new AwsCalls(verbose, session);
        }

        /// <summary>STS GetCallerIdentity: the account, ARN and unique ID of the session's credentials.</summary>
        public XAccountIdentity GetCallerIdentity(CancellationToken cancellationToken = default)
        {
            using var client = AwsClientFactory.CreateStsClient(_session);
            var response = _calls.Run("STS", "GetCallerIdentity", string.Empty,
                () => client.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken), _session.EndpointUrl ?? _session.Region);
            // Known now at no extra cost: later messages of this session name the acting account.
            _session.AccountId = response.Account;
            return new XAccountIdentity(response.Account, response.Arn, response.UserId);
        }
    }
}
