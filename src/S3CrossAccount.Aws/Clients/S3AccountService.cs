using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Amazon.S3;
using Amazon.S3.Model;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Sessions;

namespace S3CrossAccount.Aws.Clients
{
    /// <summary>
    /// Account-level S3 facts, with module-owned inputs and outputs only. Its one call, ListBuckets, names no
    /// bucket and is answered by the S3 endpoint of any region for every bucket of the account, so it is sent
    /// in the session's region and needs no <see cref="S3ClientPool"/>.
    /// https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html
    /// </summary>
    public sealed class S3AccountService
    {
        private readonly AwsSession _session;
        private readonly AwsCalls _calls;

        public S3AccountService(AwsSession session)
            : this(session, null)
        {
        }

        /// <param name="verbose">Receives one line per call (WriteVerbose).</param>
        public S3AccountService(AwsSession session, Action<string>? verbose)
        {
            _session = session ?? throw new ArgumentNullException(nameof(session));
            _calls = new AwsCalls(verbose, session);
        }

        /// <summary>
        /// The canonical user ID of the credentials' account: ListBuckets' Owner.ID (needs
        /// s3:ListAllMyBuckets; https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html).
        /// </summary>
        public XAccountCanonicalUser GetCanonicalId(CancellationToken cancellationToken = default)
        {
            using var client = AwsClientFactory.CreateS3Client(_session);

            // One bucket is enough: the owner is the same for the whole listing.
            var response = ListBuckets(client, new ListBucketsRequest { MaxBuckets = 1 }, cancellationToken);
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

        /// <summary>
        /// The names of the account's buckets that start with <paramref name="prefix"/> (ListBuckets, first page;
        /// for tab completion, so one call and no paging). The prefix is also filtered here, since S3-compatible
        /// servers may ignore ListBuckets' Prefix.
        /// </summary>
        public IReadOnlyList<string> ListBucketNames(string prefix, int max, CancellationToken cancellationToken)
        {
            using var client = AwsClientFactory.CreateS3Client(_session);
            var request = new ListBucketsRequest { MaxBuckets = max };
            if (prefix.Length > 0)
            {
                request.Prefix = prefix;
            }

            return Names(ListBuckets(client, request, cancellationToken))
                .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
                .ToList();
        }

        /// <summary>
        /// Every bucket of the account, page by page (ListBuckets' ContinuationToken,
        /// https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html). A server that answers without a
        /// token, or repeats one, has given its last page.
        /// </summary>
        public IReadOnlyList<string> ListAllBucketNames(CancellationToken cancellationToken)
        {
            using var client = AwsClientFactory.CreateS3Client(_session);
            var names = new List<string>();
            string? token = null;
            do
            {
                var page = ListBuckets(client, new ListBucketsRequest { MaxBuckets = 10000, ContinuationToken = token }, cancellationToken);
                names.AddRange(Names(page));
                token = page.ContinuationToken == token ? null : page.ContinuationToken;
            }
            while (!string.IsNullOrEmpty(token));

            return names;
        }

        private ListBucketsResponse ListBuckets(IAmazonS3 client, ListBucketsRequest request, CancellationToken cancellationToken) =>
            _calls.Run("S3", "ListBuckets", string.Empty, () => client.ListBucketsAsync(request, cancellationToken), _session.EndpointUrl ?? _session.Region);

        private static IEnumerable<string> Names(ListBucketsResponse response) =>
            (response.Buckets ?? new List<S3Bucket>()).Select(b => b.BucketName);
    }
}
