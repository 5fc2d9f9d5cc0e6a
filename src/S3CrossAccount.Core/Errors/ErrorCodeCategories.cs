using System;

namespace S3CrossAccount.Core.Errors
{
    /// <summary>The kind of failure an <see cref="ErrorCode"/> is, independent of PowerShell.</summary>
    public enum ErrorKind
    {
        InvalidArgument,
        InvalidData,
        AuthenticationError,
        PermissionDenied,
        ObjectNotFound,
        ResourceExists,
        LimitsExceeded,
        ResourceUnavailable,
        InvalidOperation,
        ConnectionError,
    }

    /// <summary>
    /// The kind of every <see cref="ErrorCode"/>, spelled out one by one: there is no default, so a new code
    /// has to be placed here (ErrorCodeTests fails for a code this switch does not name).
    /// </summary>
    public static class ErrorCodeCategories
    {
        public static ErrorKind KindOf(ErrorCode code)
        {
            switch (code)
            {
                case ErrorCode.InvalidAccountId:
                case ErrorCode.InvalidArn:
                case ErrorCode.InvalidPrincipal:
                case ErrorCode.InvalidCanonicalUserId:
                case ErrorCode.InvalidBucketName:
                case ErrorCode.InvalidObjectKey:
                case ErrorCode.InvalidAction:
                case ErrorCode.InvalidParameterCombination:
                case ErrorCode.InvalidRegion:
                case ErrorCode.InvalidRoleName:
                case ErrorCode.InvalidExternalId:
                case ErrorCode.InvalidSessionName:
                case ErrorCode.NoRegion:
                case ErrorCode.InvalidOrganizationId:
                case ErrorCode.UnknownConditionOperator:
                case ErrorCode.InvalidAccessRequest:
                case ErrorCode.InvalidAclGrant:
                case ErrorCode.GranteeAccountMismatch:
                case ErrorCode.InvalidSetupGrantee:
                    return ErrorKind.InvalidArgument;
                case ErrorCode.InvalidPolicyJson:
                case ErrorCode.InvalidPolicyDocument:
                case ErrorCode.MalformedPolicy:
                case ErrorCode.VerificationFailed:
                    return ErrorKind.InvalidData;
                case ErrorCode.PolicyTooLarge:
                case ErrorCode.AclGrantLimitExceeded:
                case ErrorCode.LimitExceeded:
                case ErrorCode.Throttled:
                    return ErrorKind.LimitsExceeded;
                case ErrorCode.NoCredentials:
                case ErrorCode.InvalidCredentialObject:
                case ErrorCode.SsoTokenExpired:
                case ErrorCode.CredentialsRejected:
                    return ErrorKind.AuthenticationError;
                case ErrorCode.EndpointUnreachable:
                    return ErrorKind.ConnectionError;
                case ErrorCode.AccessDenied:
                case ErrorCode.PublicPrincipalNotAllowed:
                case ErrorCode.RoleNotAssumable:
                    return ErrorKind.PermissionDenied;
                case ErrorCode.ProfileNotFound:
                case ErrorCode.PolicyFileNotFound:
                case ErrorCode.InputFileNotFound:
                case ErrorCode.NoSuchBucket:
                case ErrorCode.NoSuchBucketPolicy:
                case ErrorCode.NoSuchKey:
                case ErrorCode.NoSuchEntity:
                    return ErrorKind.ObjectNotFound;
                case ErrorCode.EntityAlreadyExists:
                    return ErrorKind.ResourceExists;
                // A local file that could not be written (the backup of a bucket policy, a credential profile) is,
                // like a refused state change, an operation that cannot be done as asked.
                case ErrorCode.AclNotSupported:
                case ErrorCode.EmptyAcl:
                case ErrorCode.BucketAclGrantsOutsideAccount:
                case ErrorCode.DeleteConflict:
                case ErrorCode.BackupFailed:
                case ErrorCode.ProfileWriteFailed:
                    return ErrorKind.InvalidOperation;
                case ErrorCode.ServiceError:
                case ErrorCode.ConcurrentModification:
                case ErrorCode.TargetLockUnavailable:
                    return ErrorKind.ResourceUnavailable;
                default:
                    throw new ArgumentOutOfRangeException(nameof(code), code, "ErrorCode " + code + " has no kind: add it to ErrorCodeCategories.KindOf.");
            }
        }
    }
}
