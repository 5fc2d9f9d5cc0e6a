using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Amazon.S3;
using Amazon.S3.Model;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Core.Buckets;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Identifiers;

namespace S3CrossAccount.Aws.Buckets
{
    /// <summary>
    /// Uploads into another account's bucket so that the bucket owner gets full control of the object
    /// (seed 001, step 2): without it, the uploader's account owns the object and the bucket owner's
    /// policy does not apply to it.
    /// https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-walkthroughs-managing-access-example3.html
    /// </summary>
    public sealed class ObjectUploadService : IDisposable
    {
        /// <summary>The canned ACL of seed 001 step 2.</summary>
        public const string BucketOwnerFullControl = "bucket-owner-full-control";

        private readonly AwsCalls _calls;
        private readonly S3ClientPool _clients;

        public ObjectUploadService(AwsSession session, Action<string>? verbose = null)
        {
            if (session == null) throw new ArgumentNullException(nameof(session));
            _calls = new AwsCalls(verbose, session);
            _clients = new S3ClientPool(session, _calls);
        }

        /// <summary>Tests: clients from <paramref name="clients"/>.</summary>
        internal ObjectUploadService(S3ClientPool clients, AwsCalls calls)
        {
            _calls = calls;
            _clients = clients;
        }

        /// <summary>The grant as it is sent, for -WhatIf messages and the result.</summary>
        public static string DescribeGrant(string? bucketOwnerCanonicalId) => bucketOwnerCanonicalId == null
            ? "x-amz-acl: " + BucketOwnerFullControl
            : "x-amz-grant-full-control: id=\"" + CanonicalUserId.Parse(bucketOwnerCanonicalId).Value + "\"";

        /// <summary>Validates what can be checked before any call (bucket name, key, canonical ID, file).</summary>
        public static void Validate(ObjectUploadRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            BucketName.Parse(request.Bucket);
            if (string.IsNullOrEmpty(request.Key) || System.Text.Encoding.UTF8.GetByteCount(request.Key) > 1024)
            {
                // https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html
                throw new XAccountException(ErrorCode.InvalidObjectKey, $"'{request.Key}' is not an object key: a key has 1 to 1,024 bytes of UTF-8.", request.Key,
                    "Give a shorter, non-empty -Key.");
            }

            if (request.BucketOwnerCanonicalId != null)
            {
                CanonicalUserId.Parse(request.BucketOwnerCanonicalId);
            }

            if (request.FilePath != null && !File.Exists(request.FilePath))
            {
                throw new XAccountException(ErrorCode.InputFileNotFound, $"The file '{request.FilePath}' does not exist.", request.FilePath, "Give the path of an existing file to -File.");
            }
        }

        public XAccountObjectUpload Upload(ObjectUploadRequest request, CancellationToken cancellationToken = default)
        {
            Validate(request);
            var put = new PutObjectRequest { BucketName = request.Bucket, Key = request.Key };
            if (request.FilePath != null)
            {
                put.FilePath = request.FilePath;
            }
            else
            {
                put.ContentBody = request.Content ?? string.Empty;
            }

            if (request.BucketOwnerCanonicalId == null)
            {
                put.CannedACL = S3CannedACL.BucketOwnerFullControl;
            }
            else
            {
                // The SDK sends a FULL_CONTROL grant to a canonical user as x-amz-grant-full-control: id="...".
                put.Grants = new List<S3Grant>
                {
                    new S3Grant { Grantee = new S3Grantee { CanonicalUser = CanonicalUserId.Parse(request.BucketOwnerCanonicalId).Value }, Permission = S3Permission.FULL_CONTROL },
                };
            }

            var client = _clients.For(request.Bucket, cancellationToken);
            var target = request.Bucket + "/" + request.Key;
            var response = _calls.Run("S3", "PutObject", target, () => client.PutObjectAsync(put, cancellationToken), request.Bucket,
                $"The uploader's identity policy must allow s3:PutObject on arn:aws:s3:::{target}, and the bucket owner's bucket policy must allow it for the uploader's account; "
                + "if the bucket policy requires the bucket owner's full control in the other form (x-amz-acl or x-amz-grant-full-control), use that form (-BucketOwnerCanonicalId sends x-amz-grant-full-control).");
            return new XAccountObjectUpload(request.Bucket, request.Key, response.ETag, string.IsNullOrEmpty(response.VersionId) ? null : response.VersionId,
                DescribeGrant(request.BucketOwnerCanonicalId));
        }

        public void Dispose() => _clients.Dispose();
    }
}
