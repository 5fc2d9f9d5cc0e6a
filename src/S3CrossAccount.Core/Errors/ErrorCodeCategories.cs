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

    public static class ErrorCodeCategories
    {
        public static ErrorKind KindOf(ErrorCode code)
        {
            switch (code)
            {
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
                case ErrorCode.AclNotSupported:
                case ErrorCode.EmptyAcl:
                case ErrorCode.BucketAclGrantsOutsideAccount:
                case ErrorCode.DeleteConflict:
                case ErrorCode.BackupFailed:
                    return ErrorKind.InvalidOperation;
                case ErrorCode.ServiceError:
                case ErrorCode.ConcurrentModification:
                case ErrorCode.TargetLockUnavailable:
                    return ErrorKind.ResourceUnavailable;
                default:
                    return ErrorKind.InvalidArgument;
            }
        }
    }
}
