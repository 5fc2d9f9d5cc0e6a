using System;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading;
using Amazon.S3;
using Amazon.S3.Model;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Aws.Buckets
{
    /// <summary>Get/Put/DeleteBucketPolicy through AWSSDK.S3, each on the module's one call path (<see cref="AwsCalls"/>), signed for the bucket's region.</summary>
    internal sealed class S3BucketPolicyStore : IBucketPolicyStore
    {
        private readonly S3ClientPool _clients;
        private readonly AwsCalls _calls;
        private readonly bool _ownsClients;

        /// <param name="ownsClients">False when the pool is shared with other services of the command, which dispose it.</param>
        internal S3BucketPolicyStore(S3ClientPool clients, AwsCalls calls, bool ownsClients = true)
        {
            _clients = clients;
            _calls = calls;
            _ownsClients = ownsClients;
        }

        public string? Get(string bucket, CancellationToken ct)
        {
            var client = _clients.For(bucket, ct);
            GetBucketPolicyResponse response;
            try
            {
                response = _calls.Run("S3", "GetBucketPolicy", bucket,
                    () => client.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = bucket }, ct), accessDeniedAction: Denied(bucket, "s3:GetBucketPolicy"));
            }
            catch (XAccountException ex) when (ex.Code == ErrorCode.NoSuchBucketPolicy)
            {
                return null;
            }
            catch (XAccountException ex) when (IsMethodNotAllowed(ex))
            {
                throw NotOwner(bucket, "GetBucketPolicy", ex);
            }

            return PolicyText(bucket, response, _calls.Acting);
        }

        public void Put(string bucket, string policyJson, CancellationToken ct)
        {
            var client = _clients.For(bucket, ct);
            try
            {
                _calls.Run("S3", "PutBucketPolicy", bucket,
                    () => client.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = policyJson }, ct), accessDeniedAction: Denied(bucket, "s3:PutBucketPolicy"));
            }
            catch (XAccountException ex) when (IsMethodNotAllowed(ex))
            {
                throw NotOwner(bucket, "PutBucketPolicy", ex);
            }
        }

        public void Delete(string bucket, CancellationToken ct)
        {
            var client = _clients.For(bucket, ct);
            try
            {
                _calls.Run("S3", "DeleteBucketPolicy", bucket,
                    () => client.DeleteBucketPolicyAsync(new DeleteBucketPolicyRequest { BucketName = bucket }, ct), accessDeniedAction: Denied(bucket, "s3:DeleteBucketPolicy"));
            }
            catch (XAccountException ex) when (IsMethodNotAllowed(ex))
            {
                throw NotOwner(bucket, "DeleteBucketPolicy", ex);
            }
        }

        /// <summary>
        /// The policy text of a GetBucketPolicy response, or null for "no policy". AWSSDK.S3 4.0.104.11
        /// does not always throw on an error status here: against radosgw it returns the 404 error XML
        /// as the policy text (HarnessTests.BucketPolicy_RoundTripsExactly_AndDeletes), so an XML body is
        /// read as the error it is.
        /// </summary>
        internal static string? PolicyText(string bucket, GetBucketPolicyResponse response, string? acting = null)
        {
            var text = response.Policy;
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (text.TrimStart().StartsWith("<", StringComparison.Ordinal))
            {
                var code = Regex.Match(text, "<Code>([^<]*)</Code>").Groups[1].Value;
                if (code == "NoSuchBucketPolicy" || (code.Length == 0 && response.HttpStatusCode == HttpStatusCode.NotFound))
                {
                    return null;
                }

                var message = Regex.Match(text, "<Message>([^<]*)</Message>").Groups[1].Value;
                var error = new AmazonS3Exception(message.Length > 0 ? message : "S3 answered with an error document.") { ErrorCode = code, StatusCode = response.HttpStatusCode };
                throw AwsErrorMapper.Map(error, bucket, "S3 GetBucketPolicy " + bucket, Denied(bucket, "s3:GetBucketPolicy"), acting);
            }

            return text;
        }

        /// <summary>
        /// Only the bucket owner's account may read or change a bucket policy, and its principals need the
        /// permission in their identity policy (the bucket policy alone cannot grant it to another account).
        /// https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html
        /// </summary>
        private static string Denied(string bucket, string action) =>
            $"Run this as a user or role of the account that owns bucket '{bucket}', whose identity policy allows {action} on arn:aws:s3:::{bucket} "
            + "(and no Deny in the bucket policy, a service control policy or a permissions boundary refuses it).";

        // S3 answers 405 MethodNotAllowed when the caller has the permission but is not in the bucket owner's account.
        private static bool IsMethodNotAllowed(XAccountException ex) => ex.InnerException is AmazonS3Exception s3 && s3.ErrorCode == "MethodNotAllowed";

        private static XAccountException NotOwner(string bucket, string operation, XAccountException ex) =>
            new XAccountException(ErrorCode.AccessDenied, $"S3 {operation} failed: MethodNotAllowed: the caller is not in the account that owns bucket '{bucket}'.", bucket,
                $"Only the bucket owner's account can read or change its bucket policy: run this with credentials of the account that owns '{bucket}'.", ex);

        public void Dispose()
        {
            if (_ownsClients)
            {
                _clients.Dispose();
            }
        }
    }
}
