using System;
using System.Collections.Generic;
using System.Threading;
using Amazon.S3;
using Amazon.S3.Model;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Aws.Buckets
{
    /// <summary>
    /// S3 clients for buckets: against AWS, one client per bucket region, so a cmdlet works whatever
    /// -Region says (S3 answers a request signed for the wrong region with a 301 or 400, and the bucket
    /// policy APIs must go to the bucket's own region). With -EndpointUrl there is one endpoint and no
    /// lookup.
    /// </summary>
    internal sealed class S3ClientPool : IDisposable
    {
        private const string UsEast1 = "us-east-1";

        private readonly AwsSession _session;
        private readonly S3Calls _calls;
        private readonly Func<string, AmazonS3Client> _clientForRegion;
        private readonly bool _lookUpRegions;
        private readonly Dictionary<string, AmazonS3Client> _clients = new Dictionary<string, AmazonS3Client>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _bucketRegions = new Dictionary<string, string>(StringComparer.Ordinal);

        internal S3ClientPool(AwsSession session, S3Calls calls)
            : this(session, calls, session.EndpointUrl == null,
                region => AwsClientFactory.CreateS3Client(new AwsSession(session.Credentials, session.CredentialSource, region, "the bucket's location", session.EndpointUrl)))
        {
        }

        /// <summary>Tests: <paramref name="clientForRegion"/> builds the client for a region (e.g. one that talks to a canned server).</summary>
        internal S3ClientPool(AwsSession session, S3Calls calls, bool lookUpRegions, Func<string, AmazonS3Client> clientForRegion)
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

            if (!_bucketRegions.TryGetValue(bucket, out var region))
            {
                region = LookUpRegion(bucket, ct);
                _bucketRegions[bucket] = region;
            }

            return Client(region);
        }

        /// <summary>
        /// GetBucketLocation, sent in the session's region. When that region refuses it for another reason
        /// than AccessDenied or NoSuchBucket (a redirect: the request was signed for the wrong region), it is
        /// asked again in us-east-1, whose endpoint answers GetBucketLocation for buckets of every region of
        /// the aws partition. AccessDenied (an uploader into another account's bucket is seldom allowed
        /// s3:GetBucketLocation) falls back to the session's region with a Verbose note.
        /// https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html
        /// </summary>
        private string LookUpRegion(string bucket, CancellationToken ct)
        {
            try
            {
                return Locate(bucket, _session.Region, ct);
            }
            catch (XAccountException ex) when (ex.Code == ErrorCode.AccessDenied)
            {
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
            var response = _calls.Run("GetBucketLocation", bucket, bucket, () => client.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = bucket }, ct));
            var region = RegionOfLocation(response.Location?.Value);
            _calls.Note($"Bucket {bucket} is in {region}.");
            return region;
        }

        /// <summary>
        /// A LocationConstraint as a region name: empty means us-east-1 and the legacy "EU" means eu-west-1.
        /// https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html#API_GetBucketLocation_ResponseSyntax
        /// </summary>
        internal static string RegionOfLocation(string? location) =>
            string.IsNullOrEmpty(location) ? UsEast1 : string.Equals(location, "EU", StringComparison.Ordinal) ? "eu-west-1" : location!;

        private AmazonS3Client Client(string region)
        {
            if (!_clients.TryGetValue(region, out var client))
            {
                client = _clientForRegion(region);
                _clients[region] = client;
            }

            return client;
        }

        public void Dispose()
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }

            _clients.Clear();
        }
    }
}
