using System;
using System.Collections.Generic;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Aws.Clients
{
    /// <summary>
    /// The one table from the error codes AWS services send (the Code of an S3 &lt;Error&gt;, of an IAM or STS
    /// &lt;ErrorResponse&gt;) to the module's <see cref="ErrorCode"/>, the same for S3, STS and IAM. A code that is
    /// not here is <see cref="ErrorCode.ServiceError"/>.
    /// S3: https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
    /// IAM: https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html and each action's Errors section
    /// STS: https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
    /// Throttling, whatever the service calls it, is the SDK's retryable throttling set:
    /// https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
    /// </summary>
    internal static class AwsErrorCodes
    {
        private static readonly IReadOnlyDictionary<string, ErrorCode> Table = new Dictionary<string, ErrorCode>(StringComparer.Ordinal)
        {
            // The caller's policies (or a resource policy, SCP, boundary) do not allow the action.
            ["AccessDenied"] = ErrorCode.AccessDenied,
            ["AccessDeniedException"] = ErrorCode.AccessDenied,
            ["AllAccessDisabled"] = ErrorCode.AccessDenied,

            // The request's signature or credentials are not accepted: an unknown, deleted or expired key or token.
            ["InvalidClientTokenId"] = ErrorCode.CredentialsRejected,
            ["InvalidAccessKeyId"] = ErrorCode.CredentialsRejected,
            ["SignatureDoesNotMatch"] = ErrorCode.CredentialsRejected,
            ["IncompleteSignature"] = ErrorCode.CredentialsRejected,
            ["InvalidToken"] = ErrorCode.CredentialsRejected,
            ["ExpiredToken"] = ErrorCode.CredentialsRejected,
            ["ExpiredTokenException"] = ErrorCode.CredentialsRejected,
            ["TokenRefreshRequired"] = ErrorCode.CredentialsRejected,
            ["UnrecognizedClientException"] = ErrorCode.CredentialsRejected,

            ["NoSuchBucket"] = ErrorCode.NoSuchBucket,
            ["NoSuchBucketPolicy"] = ErrorCode.NoSuchBucketPolicy,
            ["NoSuchKey"] = ErrorCode.NoSuchKey,
            ["NoSuchEntity"] = ErrorCode.NoSuchEntity,
            ["EntityAlreadyExists"] = ErrorCode.EntityAlreadyExists,
            ["MalformedPolicy"] = ErrorCode.MalformedPolicy,
            ["MalformedPolicyDocument"] = ErrorCode.MalformedPolicy,
            ["LimitExceeded"] = ErrorCode.LimitExceeded,
            ["DeleteConflict"] = ErrorCode.DeleteConflict,

            ["Throttling"] = ErrorCode.Throttled,
            ["ThrottlingException"] = ErrorCode.Throttled,
            ["ThrottledException"] = ErrorCode.Throttled,
            ["SlowDown"] = ErrorCode.Throttled,
            ["TooManyRequestsException"] = ErrorCode.Throttled,
            ["RequestLimitExceeded"] = ErrorCode.Throttled,
            ["RequestThrottled"] = ErrorCode.Throttled,
            ["RequestThrottledException"] = ErrorCode.Throttled,

            // The bucket's Object Ownership is BucketOwnerEnforced (ObjectOwnershipRules): ACLs are disabled.
            ["AccessControlListNotSupported"] = ErrorCode.AclNotSupported,
        };

        /// <summary>Every AWS code the table knows, with its ErrorCode.</summary>
        internal static IReadOnlyDictionary<string, ErrorCode> All => Table;

        /// <summary>The module's code for an AWS error code (ServiceError when the table does not name it).</summary>
        internal static ErrorCode ToErrorCode(string? awsCode) =>
            awsCode != null && Table.TryGetValue(awsCode, out var code) ? code : ErrorCode.ServiceError;
    }
}
