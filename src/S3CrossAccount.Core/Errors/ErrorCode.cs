namespace S3CrossAccount.Core.Errors
{
    /// <summary>
    /// Stable error identifiers. The enum member name is the ErrorId users see and test against:
    /// never rename or reuse one. Add new members at the end of their group.
    /// </summary>
    public enum ErrorCode
    {
        // Input validation (InvalidArgument)
        InvalidAccountId,
        InvalidArn,
        InvalidPrincipal,
        InvalidCanonicalUserId,
        InvalidBucketName,
        InvalidObjectKey,
        InvalidAction,
        InvalidParameterCombination,
        InvalidRegion,
        InvalidRoleName,
        InvalidExternalId,
        InvalidSessionName,

        // Policy documents (InvalidData)
        InvalidPolicyJson,
        InvalidPolicyDocument,
        PolicyTooLarge,
        PublicPrincipalNotAllowed,

        // Credentials and configuration (AuthenticationError / ObjectNotFound)
        NoCredentials,
        ProfileNotFound,
        InvalidCredentialObject,
        NoRegion,
        SsoTokenExpired,

        // Remote service outcomes
        AccessDenied,
        NoSuchBucket,
        NoSuchBucketPolicy,
        NoSuchKey,
        NoSuchEntity,
        EntityAlreadyExists,
        MalformedPolicy,
        LimitExceeded,
        DeleteConflict,
        Throttled,
        AclNotSupported,
        ServiceError,
        VerificationFailed,
        RoleNotAssumable,

        // Policy core (parsing, builders, merge, lint): add new codes here
        InvalidOrganizationId,
        PolicyFileNotFound,
        // Evaluation: add new codes here
        UnknownConditionOperator,
        InvalidAccessRequest,
        InvalidAclGrant,
        // Credentials and sessions: add new codes here
        CredentialsRejected,
        EndpointUnreachable,
        // IAM client: add new codes here
        ProfileWriteFailed,
        // S3 and STS adapters and cmdlets: add new codes here
        BackupFailed,
        InputFileNotFound,
        // ACLs and Object Ownership: add new codes here
        AclGrantLimitExceeded,
        EmptyAcl,
        GranteeAccountMismatch,
        BucketAclGrantsOutsideAccount,
        // Setup (Invoke-/Remove-XAccountSetup): add new codes here
        InvalidSetupGrantee,
        // Concurrent writers (lock and converge): add new codes here
        ConcurrentModification,
        TargetLockUnavailable,
    }
}
