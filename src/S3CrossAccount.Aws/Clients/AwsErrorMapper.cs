using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Amazon.Runtime;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Aws.Clients
{
    /// <summary>
    /// Maps SDK and transport failures to <see cref="XAccountException"/> so the cmdlets report stable
    /// ErrorIds. Service error codes: https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html,
    /// https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html.
    /// </summary>
    internal static class AwsErrorMapper
    {
        /// <param name="accessDeniedAction">
        /// What to do about an AccessDenied for this operation (which account's policy must allow what);
        /// the generic sentence is used when null.
        /// </param>
        internal static XAccountException Map(Exception exception, object? target, string operation, string? accessDeniedAction = null)
        {
            if (exception is XAccountException already)
            {
                return already;
            }

            if (exception is AggregateException aggregate && aggregate.InnerExceptions.Count == 1)
            {
                return Map(aggregate.InnerException!, target, operation, accessDeniedAction);
            }

            if (exception is AmazonServiceException service && !string.IsNullOrEmpty(service.ErrorCode))
            {
                return FromServiceError(service, target, operation, accessDeniedAction);
            }

            if (IsConnectionFailure(exception))
            {
                return new XAccountException(ErrorCode.EndpointUnreachable,
                    operation + " could not reach the service: " + Innermost(exception).Message,
                    target,
                    "Check the network, the -Region and, if given, the -EndpointUrl.", exception);
            }

            if (exception is AmazonServiceException status)
            {
                return new XAccountException(ErrorCode.ServiceError,
                    operation + " failed with HTTP " + (int)status.StatusCode + ": " + status.Message,
                    target, null, exception);
            }

            return new XAccountException(ErrorCode.ServiceError, operation + " failed: " + exception.Message, target, null, exception);
        }

        private static XAccountException FromServiceError(AmazonServiceException ex, object? target, string operation, string? accessDeniedAction)
        {
            var code = ex.ErrorCode;
            var message = operation + " failed: " + code + ": " + ex.Message;
            switch (code)
            {
                case "AccessDenied":
                case "AccessDeniedException":
                case "AllAccessDisabled":
                    return new XAccountException(ErrorCode.AccessDenied, message, target,
                        accessDeniedAction ?? "Check the identity policy of the caller and the resource policy of the target.", ex);
                case "InvalidClientTokenId":
                case "InvalidAccessKeyId":
                case "SignatureDoesNotMatch":
                case "ExpiredToken":
                case "ExpiredTokenException":
                case "TokenRefreshRequired":
                case "UnrecognizedClientException":
                    return new XAccountException(ErrorCode.CredentialsRejected, message, target,
                        "The credentials are wrong or expired: obtain fresh ones (Use-XAccountRole, aws sso login) and retry.", ex);
                case "NoSuchBucket":
                    return new XAccountException(ErrorCode.NoSuchBucket, message, target, null, ex);
                case "NoSuchBucketPolicy":
                    return new XAccountException(ErrorCode.NoSuchBucketPolicy, message, target, null, ex);
                case "NoSuchKey":
                    return new XAccountException(ErrorCode.NoSuchKey, message, target, null, ex);
                case "NoSuchEntity":
                    return new XAccountException(ErrorCode.NoSuchEntity, message, target, null, ex);
                case "EntityAlreadyExists":
                    return new XAccountException(ErrorCode.EntityAlreadyExists, message, target, null, ex);
                case "MalformedPolicy":
                case "MalformedPolicyDocument":
                    return new XAccountException(ErrorCode.MalformedPolicy, message, target, null, ex);
                case "LimitExceeded":
                    return new XAccountException(ErrorCode.LimitExceeded, message, target, null, ex);
                case "DeleteConflict":
                    return new XAccountException(ErrorCode.DeleteConflict, message, target, null, ex);
                case "Throttling":
                case "ThrottlingException":
                case "SlowDown":
                case "TooManyRequestsException":
                case "RequestLimitExceeded":
                    return new XAccountException(ErrorCode.Throttled, message, target, "Wait and retry.", ex);
                case "AccessControlListNotSupported":
                    return new XAccountException(ErrorCode.AclNotSupported, message, target,
                        "The bucket's Object Ownership is BucketOwnerEnforced (ACLs disabled): use a bucket policy instead.", ex);
                default:
                    return new XAccountException(ErrorCode.ServiceError, message, target, null, ex);
            }
        }

        private static bool IsConnectionFailure(Exception exception)
        {
            for (var current = exception; current != null; current = current.InnerException)
            {
                if (current is HttpRequestException || current is SocketException || current is WebException || current is IOException)
                {
                    return true;
                }
            }

            return false;
        }

        private static Exception Innermost(Exception exception)
        {
            var current = exception;
            while (current.InnerException != null) current = current.InnerException;
            return current;
        }
    }
}
