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
    /// Turns SDK and transport failures into <see cref="XAccountException"/> so the cmdlets report stable
    /// ErrorIds; the service codes go through <see cref="AwsErrorCodes"/>, the one table for every service.
    /// </summary>
    internal static class AwsErrorMapper
    {
        /// <param name="accessDeniedAction">
        /// What to do about an AccessDenied for this operation (which account's policy must allow what);
        /// the generic sentence is used when null.
        /// </param>
        /// <param name="acting">Who made the call ("account 111122223333 (profile AccountA)"), named in a service error.</param>
        internal static XAccountException Map(Exception exception, object? target, string operation, string? accessDeniedAction = null, string? acting = null)
        {
            if (exception is XAccountException already)
            {
                return already;
            }

            if (exception is AggregateException aggregate && aggregate.InnerExceptions.Count == 1)
            {
                return Map(aggregate.InnerException!, target, operation, accessDeniedAction, acting);
            }

            if (exception is AmazonServiceException service && !string.IsNullOrEmpty(service.ErrorCode))
            {
                return FromServiceError(service, target, operation, accessDeniedAction, acting);
            }

            if (IsConnectionFailure(exception))
            {
                return Unreachable(exception, target, operation);
            }

            if (exception is AmazonServiceException status)
            {
                return new XAccountException(ErrorCode.ServiceError,
                    operation + " failed with HTTP " + (int)status.StatusCode + ": " + status.Message,
                    target, null, exception);
            }

            return new XAccountException(ErrorCode.ServiceError, operation + " failed: " + exception.Message, target, null, exception);
        }

        /// <summary>What to do about each kind of service error, when the operation has no better advice.</summary>
        internal static string? Advice(ErrorCode code, string? accessDeniedAction)
        {
            switch (code)
            {
                case ErrorCode.AccessDenied:
                    return accessDeniedAction ?? "Check the identity policy of the caller and the resource policy of the target.";
                case ErrorCode.CredentialsRejected:
                    return "The credentials are wrong or expired: obtain fresh ones (Use-XAccountRole, aws sso login) and retry.";
                case ErrorCode.Throttled:
                    return "Wait and retry.";
                case ErrorCode.NoSuchBucket:
                    return "Check the bucket name (Get-XAccountBucketPolicy's -Bucket completes the names these credentials can list), and that the credentials are for the account that owns it.";
                case ErrorCode.NoSuchKey:
                    return "Check the key and the bucket (keys are case-sensitive), and that the object was uploaded.";
                case ErrorCode.NoSuchEntity:
                    return "Check the name, and that the credentials are for the account that holds it (IAM names are per account).";
                case ErrorCode.AclNotSupported:
                    return "The bucket's Object Ownership is BucketOwnerEnforced (ACLs disabled): use a bucket policy instead.";
                default:
                    return null;
            }
        }

        /// <summary>A refused, reset or timed-out connection: the SDK's retries did not get an answer.</summary>
        internal static bool IsConnectionFailure(Exception exception)
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

        internal static XAccountException Unreachable(Exception exception, object? target, string operation) =>
            new XAccountException(ErrorCode.EndpointUnreachable,
                operation + " could not reach the service: " + Innermost(exception).Message,
                target,
                "Check the network, the -Region and, if given, the -EndpointUrl.", exception);

        private static XAccountException FromServiceError(AmazonServiceException ex, object? target, string operation, string? accessDeniedAction, string? acting)
        {
            var code = AwsErrorCodes.ToErrorCode(ex.ErrorCode);
            // S3 and S3-compatible servers often send AccessDenied with no message (or a generic one): the refused
            // identity is then the one thing the admin needs to know.
            var detail = string.IsNullOrWhiteSpace(ex.Message) ? "the service gave no message" : ex.Message;
            var message = operation + " failed: " + ex.ErrorCode + ": " + detail
                + (acting == null ? string.Empty : (detail.EndsWith(".") ? " " : ". ") + (code == ErrorCode.AccessDenied ? "Refused to " : "Acting as ") + acting + ".");
            return new XAccountException(code, message, target, Advice(code, accessDeniedAction), ex);
        }

        private static Exception Innermost(Exception exception)
        {
            var current = exception;
            while (current.InnerException != null) current = current.InnerException;
            return current;
        }
    }
}
