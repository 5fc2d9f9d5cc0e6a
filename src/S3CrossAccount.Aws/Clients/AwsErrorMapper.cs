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

        private static XAccountException FromServiceError(AmazonServiceException ex, object? target, string operation, string? accessDeniedAction)
        {
            var code = AwsErrorCodes.ToErrorCode(ex.ErrorCode);
            return new XAccountException(code, operation + " failed: " + ex.ErrorCode + ": " + ex.Message, target, Advice(code, accessDeniedAction), ex);
        }

        private static Exception Innermost(Exception exception)
        {
            var current = exception;
            while (current.InnerException != null) current = current.InnerException;
            return current;
        }
    }
}
