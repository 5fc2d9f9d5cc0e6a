using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Core.Acls;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation.Acls;
using CoreOwnership = S3CrossAccount.Core.Evaluation.ObjectOwnership;

namespace S3CrossAccount.Aws.Acls
{
    /// <summary>
    /// <see cref="IS3AclApi"/> over AWSSDK.S3: each call on the module's one call path (<see cref="AwsCalls"/>: Verbose
    /// line, retries, mapped errors) with the client of the bucket's region (<see cref="S3ClientPool"/>). ACLs are
    /// written with the x-amz-grant-* headers only (see <see cref="AclGrantHeaders"/>), never with the
    /// AccessControlPolicy body or a canned ACL.
    /// </summary>
    internal sealed class SdkS3AclApi : IS3AclApi, IDisposable
    {
        private readonly S3ClientPool _clients;
        private readonly AwsCalls _calls;
        private readonly bool _ownsClients;

        internal SdkS3AclApi(AwsSession session, AwsCalls calls)
            : this(new S3ClientPool(session, calls), calls, ownsClients: true)
        {
        }

        /// <param name="ownsClients">False when the pool is shared with other services of the command, which dispose it.</param>
        internal SdkS3AclApi(S3ClientPool clients, AwsCalls calls, bool ownsClients)
        {
            _clients = clients;
            _calls = calls;
            _ownsClients = ownsClients;
        }

        public AccessControlList GetBucketAcl(string bucket, CancellationToken ct)
        {
            var client = _clients.For(bucket, ct);
            var response = _calls.Run("S3", "GetBucketAcl", bucket, () => client.GetBucketAclAsync(new GetBucketAclRequest { BucketName = bucket }, ct));
            return ToAcl(response.Owner, response.Grants);
        }

        public AccessControlList GetObjectAcl(string bucket, string key, CancellationToken ct)
        {
            var client = _clients.For(bucket, ct);
            var response = _calls.Run("S3", "GetObjectAcl", bucket + "/" + key, () => client.GetObjectAclAsync(new GetObjectAclRequest { BucketName = bucket, Key = key }, ct));
            return ToAcl(response.Owner, response.Grants);
        }

        public void PutBucketAcl(string bucket, IReadOnlyList<AclGrant> grants, CancellationToken ct)
        {
            var headers = AclGrantHeaders.ToHeaders(grants);
            var request = new PutBucketAclRequest
            {
                BucketName = bucket,
                GrantRead = Header(headers, AclGrantHeaders.Read),
                GrantWrite = Header(headers, AclGrantHeaders.Write),
                GrantReadACP = Header(headers, AclGrantHeaders.ReadAcp),
                GrantWriteACP = Header(headers, AclGrantHeaders.WriteAcp),
                GrantFullControl = Header(headers, AclGrantHeaders.FullControl),
            };
            var client = _clients.For(bucket, ct);
            _calls.Run("S3", "PutBucketAcl", bucket, () => client.PutBucketAclAsync(request, ct));
        }

        public void PutObjectAcl(string bucket, string key, IReadOnlyList<AclGrant> grants, CancellationToken ct)
        {
            var headers = AclGrantHeaders.ToHeaders(grants);
            var request = new PutObjectAclRequest
            {
                BucketName = bucket,
                Key = key,
                GrantRead = Header(headers, AclGrantHeaders.Read),
                GrantWrite = Header(headers, AclGrantHeaders.Write),
                GrantReadACP = Header(headers, AclGrantHeaders.ReadAcp),
                GrantWriteACP = Header(headers, AclGrantHeaders.WriteAcp),
                GrantFullControl = Header(headers, AclGrantHeaders.FullControl),
            };
            var client = _clients.For(bucket, ct);
            _calls.Run("S3", "PutObjectAcl", bucket + "/" + key, () => client.PutObjectAclAsync(request, ct));
        }

        /// <summary>
        /// GetBucketOwnershipControls (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketOwnershipControls.html):
        /// 200 with &lt;OwnershipControls&gt;&lt;Rule&gt;&lt;ObjectOwnership&gt;; 404 OwnershipControlsNotFoundError when the
        /// bucket has none (created before April 2023 or deleted: ObjectWriter). A 200 without a readable rule
        /// is what S3-compatible servers give (radosgw answers the ListObjects body): Unrecognized.
        /// </summary>
        public OwnershipReading GetOwnership(string bucket, CancellationToken ct)
        {
            var client = _clients.For(bucket, ct);
            GetBucketOwnershipControlsResponse response;
            try
            {
                response = _calls.Run("S3", "GetBucketOwnershipControls", bucket, () => client.GetBucketOwnershipControlsAsync(new GetBucketOwnershipControlsRequest { BucketName = bucket }, ct));
            }
            catch (XAccountException ex) when (AwsCode(ex) == "OwnershipControlsNotFoundError")
            {
                return new OwnershipReading(CoreOwnership.ObjectWriter, OwnershipSource.NotConfigured);
            }

            var value = response.OwnershipControls?.Rules?.Select(r => r?.ObjectOwnership?.Value).FirstOrDefault(v => !string.IsNullOrEmpty(v));
            return value != null && Enum.TryParse<CoreOwnership>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(typeof(CoreOwnership), parsed)
                ? new OwnershipReading(parsed, OwnershipSource.Configured)
                : new OwnershipReading(CoreOwnership.ObjectWriter, OwnershipSource.Unrecognized);
        }

        public void PutOwnership(string bucket, CoreOwnership objectOwnership, CancellationToken ct)
        {
            var request = new PutBucketOwnershipControlsRequest
            {
                BucketName = bucket,
                OwnershipControls = new OwnershipControls
                {
                    Rules = new List<OwnershipControlsRule> { new OwnershipControlsRule { ObjectOwnership = ObjectOwnership.FindValue(objectOwnership.ToString()) } },
                },
            };
            var client = _clients.For(bucket, ct);
            try
            {
                _calls.Run("S3", "PutBucketOwnershipControls", bucket, () => client.PutBucketOwnershipControlsAsync(request, ct));
            }
            catch (XAccountException ex) when (AwsCode(ex) == "InvalidBucketAclWithObjectOwnership")
            {
                // https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-ownership-error-responses.html: ACLs can
                // only be disabled while the bucket ACL gives full control to the owner alone.
                throw new XAccountException(ErrorCode.BucketAclGrantsOutsideAccount,
                    $"ACLs cannot be disabled on bucket '{bucket}' while its bucket ACL grants access to other accounts or groups.", bucket,
                    $"Move that access to a bucket policy, remove the grants with Revoke-XAccountAcl -Bucket {bucket}, then retry.", ex.InnerException);
            }
        }

        public KeyPage ListObjects(string bucket, string prefix, string? continuationToken, CancellationToken ct)
        {
            var client = _clients.For(bucket, ct);
            var response = _calls.Run("S3", "ListObjectsV2", $"{bucket} prefix '{prefix}'" + (continuationToken == null ? string.Empty : " (next page)"),
                () => client.ListObjectsV2Async(new ListObjectsV2Request
                {
                    BucketName = bucket,
                    Prefix = prefix,
                    ContinuationToken = continuationToken,
                }, ct),
                bucket);
            var keys = (response.S3Objects ?? new List<S3Object>()).Select(o => o.Key).ToList();
            var next = response.IsTruncated == true && !string.IsNullOrEmpty(response.NextContinuationToken) ? response.NextContinuationToken : null;
            return new KeyPage(keys, next);
        }

        public void Dispose()
        {
            if (_ownsClients)
            {
                _clients.Dispose();
            }
        }

        /// <summary>The module's view of an S3 ACL: the owner's canonical ID and every grant, in S3's order.</summary>
        internal static AccessControlList ToAcl(Owner? owner, IEnumerable<S3Grant>? grants)
        {
            var list = new List<AclGrant>();
            foreach (var grant in grants ?? Enumerable.Empty<S3Grant>())
            {
                var grantee = grant.Grantee;
                if (grantee == null || grant.Permission == null)
                {
                    continue;
                }

                // Decided by which identifier is present rather than by Type alone: the xsi:type attribute
                // is what S3 sends, but a grantee always carries exactly one of the three identifiers.
                var permission = AclGrant.ParsePermission(grant.Permission.Value);
                if (!string.IsNullOrEmpty(grantee.URI))
                {
                    list.Add(new AclGrant(AclGranteeKind.Group, grantee.URI, permission));
                }
                else if (string.IsNullOrEmpty(grantee.CanonicalUser) && !string.IsNullOrEmpty(grantee.EmailAddress))
                {
                    list.Add(new AclGrant(AclGranteeKind.Email, grantee.EmailAddress.ToLowerInvariant(), permission));
                }
                else if (!string.IsNullOrEmpty(grantee.CanonicalUser))
                {
                    list.Add(new AclGrant(AclGranteeKind.CanonicalUser, grantee.CanonicalUser, permission));
                }
            }

            var ownerId = owner?.Id ?? string.Empty;
            return new AccessControlList(ownerId, list, owner?.Id);
        }

        /// <summary>The code S3 sent, for the codes this adapter reads as an answer rather than a failure.</summary>
        private static string? AwsCode(XAccountException ex) => (ex.InnerException as AmazonServiceException)?.ErrorCode;

        /// <summary>A header's value, or null (the SDK then sends no such header).</summary>
        private static string? Header(IReadOnlyList<KeyValuePair<string, string>> headers, string name) =>
            headers.Where(h => h.Key == name).Select(h => h.Value).FirstOrDefault();
    }
}
