using System;
using System.Threading;
using Amazon.S3.Model;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Sessions;

namespace S3CrossAccount.Aws.Clients
{
    /// <summary>Account-level S3 facts, with module-owned inputs and outputs only.</summary>
    public sealed class S3AccountService
    {
        private readonly AwsSession _session;

        public S3AccountService(AwsSession session) => _session = session ?? throw new ArgumentNullException(nameof(session));

        /// <summary>
        /// The canonical user ID of the credentials' account: ListBuckets' Owner.ID (needs
        /// s3:ListAllMyBuckets; https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html).
        /// </summary>
        public XAccountCanonicalUser GetCanonicalId(CancellationToken cancellationToken = default)
        {
            using var client = AwsClientFactory.CreateS3Client(_session);
            ListBucketsResponse response;
            try
            {
                // One bucket is enough: the owner is the same for the whole listing.
                response = client.ListBucketsAsync(new ListBucketsRequest { MaxBuckets = 1 }, cancellationToken).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                throw AwsErrorMapper.Map(ex, _session.EndpointUrl ?? _session.Region, "S3 ListBuckets");
            }

            var owner = response.Owner;
            if (owner == null || string.IsNullOrEmpty(owner.Id))
            {
                throw new XAccountException(ErrorCode.ServiceError,
                    "S3 ListBuckets returned no owner, so the canonical user ID is unknown.",
                    _session.EndpointUrl ?? _session.Region,
                    "Retry against the S3 endpoint of the account's region.");
            }

            return new XAccountCanonicalUser(owner.Id, owner.DisplayName);
        }
    }
}
