using System;
using System.Collections.Concurrent;
using System.Threading;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3;
using Amazon.S3.Model;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Aws.Clients
{
    /// <summary>
    /// The S3 clients of one command: against AWS, one client per bucket region, so that every call on a bucket is
    /// signed for the bucket's own region whatever -Region says (S3 answers a request signed for another region with
    /// a 301 PermanentRedirect or a 400 AuthorizationHeaderMalformed, and the bucket's subresources, policy and ACL
    /// included, are served only by its own region's endpoint). With -EndpointUrl there is one endpoint and no lookup.
    /// Every bucket call (bucket policy, ACLs, Object Ownership, listing, upload, live probe) takes its client here;
    /// only ListBuckets does not, since it names no bucket and any region's endpoint answers it (S3AccountService).
    /// Thread-safe: a bucket's region is looked up once however many workers ask.
    /// https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html
    /// </summary>
    internal sealed class S3ClientPool : IDisposable
    {
        private const string UsEast1 = "us-east-1";

        private readonly AwsSession _session;
        private readonly AwsCalls _calls;
        private readonly Func<string, AmazonS3Client> _clientForRegion;
        private readonly bool _lookUpRegions;
        private readonly ConcurrentDictionary<string, Lazy<AmazonS3Client>> _clients = new ConcurrentDictionary<string, Lazy<AmazonS3Client>>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Lazy<string>> _bucketRegions = new ConcurrentDictionary<string, Lazy<string>>(StringComparer.Ordinal);

        internal S3ClientPool(AwsSession session, AwsCalls calls)
            : this(session, calls, session.EndpointUrl == null,
                region => AwsClientFactory.CreateS3Client(session.ForRegion(region, "the bucket's location")))
        {
        }

        /// <summary>Tests: <paramref name="clientForRegion"/> builds the client for a region (e.g. one that talks to a canned server).</summary>
        internal S3ClientPool(AwsSession session, AwsCalls calls, bool lookUpRegions, Func<string, AmazonS3Client> clientForRegion)
        {
            _session = session;
            _calls = calls;
            _lookUpRegions = lookUpRegions;
            _clientForRegion = clientForRegion;
        }

        /// <summary>The client for requests on <paramref name="bucket"/>.</summary>
        internal AmazonS3Client For(string bucket, CancellationToken ct)
        {
            if (!_lookUpRegions)
            {
                return Client(_session.Region);
            }

            var lookup = _bucketRegions.GetOrAdd(bucket, b => new Lazy<string>(() => LookUpRegion(b, ct)));
            try
            {
                return Client(lookup.Value);
            }
            catch (Exception)
            {
                // A failed lookup (cancelled, unreachable) is not remembered: the next call on the bucket asks again.
                _bucketRegions.TryRemove(bucket, out _);
                throw;
            }
        }

        /// <summary>
        /// GetBucketLocation, sent in the session's region. When that region refuses it for another reason
        /// than AccessDenied or NoSuchBucket (a redirect: the request was signed for the wrong region), it is
        /// asked again in us-east-1, whose endpoint answers GetBucketLocation for buckets of every region of
        /// the aws partition. AccessDenied is what another account's principal usually gets (a grantee, an
        /// uploader, a live probe: GetBucketLocation is governed by the bucket policy, and only in the bucket's
        /// own region); then the x-amz-bucket-region header of HeadBucket, which S3 sends whether or not the
        /// request is authorized, names the region (https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html).
        /// Without that header the session's region is used, with a Verbose note.
        /// </summary>
        private string LookUpRegion(string bucket, CancellationToken ct)
        {
            try
            {
                return Locate(bucket, _session.Region, ct);
            }
            catch (XAccountException ex) when (ex.Code == ErrorCode.AccessDenied)
            {
                var fromHead = RegionFromHeadBucket(bucket, ct);
                if (fromHead != null)
                {
                    _calls.Note($"Bucket {bucket} is in {fromHead} (HeadBucket's x-amz-bucket-region; GetBucketLocation was denied).");
                    return fromHead;
                }

                _calls.Note($"The region of bucket {bucket} could not be looked up (AccessDenied on GetBucketLocation); using {_session.Region}.");
                return _session.Region;
            }
            catch (XAccountException ex) when (ex.Code != ErrorCode.NoSuchBucket && ex.Code != ErrorCode.CredentialsRejected && _session.Region != UsEast1)
            {
                _calls.Note($"GetBucketLocation in {_session.Region} failed ({ex.Message}); asking {UsEast1}.");
                return Locate(bucket, UsEast1, ct);
            }
        }

        private string Locate(string bucket, string askIn, CancellationToken ct)
        {
            var client = Client(askIn);
            var response = _calls.Run("S3", "GetBucketLocation", bucket, () => client.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = bucket }, ct));
            var region = RegionOfLocation(response.Location?.Value);
            _calls.Note($"Bucket {bucket} is in {region}.");
            return region;
        }

        private string? RegionFromHeadBucket(string bucket, CancellationToken ct)
        {
            var client = Client(_session.Region);
            try
            {
                var response = _calls.Run("S3", "HeadBucket", bucket, () => client.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket }, ct));
                return string.IsNullOrEmpty(response.BucketRegion) ? null : response.BucketRegion;
            }
            catch (XAccountException ex) when (ex.InnerException is AmazonServiceException service && service.InnerException is HttpErrorResponseException http)
            {
                // A refused HeadBucket has no body, but S3 still names the bucket's region in this header.
                var region = http.Response?.GetHeaderValue("x-amz-bucket-region");
                return string.IsNullOrEmpty(region) ? null : region;
            }
            catch (XAccountException)
            {
                return null;
            }
        }

        /// <summary>
        /// A LocationConstraint as a region name: empty means us-east-1 and the legacy "EU" means eu-west-1.
        /// https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html#API_GetBucketLocation_ResponseSyntax
        /// </summary>
        internal static string RegionOfLocation(string? location) =>
            string.IsNullOrEmpty(location) ? UsEast1 : string.Equals(location, "EU", StringComparison.Ordinal) ? "eu-west-1" : location!;

        private AmazonS3Client Client(string region) =>
            _clients.GetOrAdd(region, r => new Lazy<AmazonS3Client>(() => _clientForRegion(r))).Value;

        public void Dispose()
        {
            foreach (var client in _clients.Values)
            {
                if (client.IsValueCreated)
                {
                    client.Value.Dispose();
                }
            }

            _clients.Clear();
        }
    }
}
