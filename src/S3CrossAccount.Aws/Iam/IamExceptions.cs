using System;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Aws.Iam
{
    /// <summary>
    /// An error IAM returned (https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html
    /// and each action's Errors section). <see cref="XAccountException.Code"/> is the module's
    /// stable ErrorId; <see cref="AwsErrorCode"/> is IAM's own code (e.g. NoSuchEntity).
    /// Subclasses exist per code the cmdlets react to; anything else is this class with
    /// <see cref="ErrorCode.ServiceError"/>.
    /// </summary>
    public class IamServiceException : XAccountException
    {
        public IamServiceException(ErrorCode code, string message, string? awsErrorCode, string? requestId, int statusCode,
            object? target = null, string? recommendedAction = null, Exception? inner = null)
            : base(code, message, target, recommendedAction, inner)
        {
            AwsErrorCode = awsErrorCode;
            RequestId = requestId;
            StatusCode = statusCode;
        }

        /// <summary>IAM's error code as sent (Error/Code), e.g. "NoSuchEntity", "Throttling".</summary>
        public string? AwsErrorCode { get; }

        /// <summary>IAM's request id, for AWS support.</summary>
        public string? RequestId { get; }

        /// <summary>HTTP status (0 when no response was received).</summary>
        public int StatusCode { get; }
    }

    /// <summary>NoSuchEntity: the role, user, group, policy or version does not exist.</summary>
    public sealed class IamNoSuchEntityException : IamServiceException
    {
        public IamNoSuchEntityException(string message, string? awsErrorCode, string? requestId, int statusCode, object? target = null, string? recommendedAction = null, Exception? inner = null)
            : base(ErrorCode.NoSuchEntity, message, awsErrorCode, requestId, statusCode, target, recommendedAction, inner) { }
    }

    /// <summary>EntityAlreadyExists: a role or policy of that name exists already.</summary>
    public sealed class IamEntityAlreadyExistsException : IamServiceException
    {
        public IamEntityAlreadyExistsException(string message, string? awsErrorCode, string? requestId, int statusCode, object? target = null, string? recommendedAction = null, Exception? inner = null)
            : base(ErrorCode.EntityAlreadyExists, message, awsErrorCode, requestId, statusCode, target, recommendedAction, inner) { }
    }

    /// <summary>MalformedPolicyDocument: IAM rejected the policy JSON (syntax, unknown principal, ...).</summary>
    public sealed class IamMalformedPolicyDocumentException : IamServiceException
    {
        public IamMalformedPolicyDocumentException(string message, string? awsErrorCode, string? requestId, int statusCode, object? target = null, string? recommendedAction = null, Exception? inner = null)
            : base(ErrorCode.MalformedPolicy, message, awsErrorCode, requestId, statusCode, target, recommendedAction, inner) { }
    }

    /// <summary>LimitExceeded: a quota (policy size, five versions, attached policies, ...) was hit.</summary>
    public sealed class IamLimitExceededException : IamServiceException
    {
        public IamLimitExceededException(string message, string? awsErrorCode, string? requestId, int statusCode, object? target = null, string? recommendedAction = null, Exception? inner = null)
            : base(ErrorCode.LimitExceeded, message, awsErrorCode, requestId, statusCode, target, recommendedAction, inner) { }
    }

    /// <summary>DeleteConflict: the entity still has attached or inline policies, or versions.</summary>
    public sealed class IamDeleteConflictException : IamServiceException
    {
        public IamDeleteConflictException(string message, string? awsErrorCode, string? requestId, int statusCode, object? target = null, string? recommendedAction = null, Exception? inner = null)
            : base(ErrorCode.DeleteConflict, message, awsErrorCode, requestId, statusCode, target, recommendedAction, inner) { }
    }

    /// <summary>Throttling that outlasted the SDK's retries.</summary>
    public sealed class IamThrottledException : IamServiceException
    {
        public IamThrottledException(string message, string? awsErrorCode, string? requestId, int statusCode, object? target = null, string? recommendedAction = null, Exception? inner = null)
            : base(ErrorCode.Throttled, message, awsErrorCode, requestId, statusCode, target, recommendedAction, inner) { }
    }

    /// <summary>AccessDenied: the caller's policies do not allow the IAM action.</summary>
    public sealed class IamAccessDeniedException : IamServiceException
    {
        public IamAccessDeniedException(string message, string? awsErrorCode, string? requestId, int statusCode, object? target = null, string? recommendedAction = null, Exception? inner = null)
            : base(ErrorCode.AccessDenied, message, awsErrorCode, requestId, statusCode, target, recommendedAction, inner) { }
    }

    /// <summary>The endpoint does not implement the action (405 MethodNotAllowed / 501 NotImplemented, e.g. radosgw).</summary>
    public sealed class IamOperationNotSupportedException : IamServiceException
    {
        public IamOperationNotSupportedException(string message, string? awsErrorCode, string? requestId, int statusCode, object? target = null, string? recommendedAction = null, Exception? inner = null)
            : base(ErrorCode.ServiceError, message, awsErrorCode, requestId, statusCode, target, recommendedAction, inner) { }
    }
}
