namespace S3CrossAccount.Core.Setup
{
    /// <summary>The three ways the seed documents give another account access to S3 objects.</summary>
    public enum SetupMethod
    {
        /// <summary>A bucket policy in the bucket account plus an identity policy in the other account (seeds 000, 002).</summary>
        BucketPolicy,

        /// <summary>Bucket and object ACL grants to the other account's canonical user ID (seeds 000, 002).</summary>
        Acl,

        /// <summary>A role in the bucket account that the other account assumes (seeds 000, 001, 002, 003).</summary>
        Role,
    }

    /// <summary>Whose credentials a step runs with.</summary>
    public enum SetupSide
    {
        /// <summary>The account that owns the bucket (account A in the seeds).</summary>
        BucketAccount,

        /// <summary>The account being given access (account B in the seeds).</summary>
        GranteeAccount,
    }

    /// <summary>What happened to one step of Invoke-XAccountSetup or Remove-XAccountSetup.</summary>
    public enum SetupStepStatus
    {
        /// <summary>-WhatIf: the step would run; nothing was called.</summary>
        Planned,

        /// <summary>The step wrote to AWS.</summary>
        Changed,

        /// <summary>AWS already held what the step asks for: read, nothing written.</summary>
        Unchanged,

        /// <summary>The step does not apply (see Detail) or was declined at a -Confirm prompt.</summary>
        Skipped,

        /// <summary>The step failed; the steps after it did not run.</summary>
        Failed,

        /// <summary>An earlier step failed, so this one was not attempted.</summary>
        NotRun,
    }

    /// <summary>Which building block a step uses.</summary>
    public enum SetupStepKind
    {
        BucketPolicy,
        IdentityPolicy,
        CanonicalId,
        BucketAcl,
        ObjectAcl,
        Role,
        RoleAccessPolicy,
        AssumeRolePolicy,
        AssumeRole,
    }
}
