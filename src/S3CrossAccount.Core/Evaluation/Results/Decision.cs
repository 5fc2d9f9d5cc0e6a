namespace S3CrossAccount.Core.Evaluation.Results
{
    /// <summary>
    /// The outcome of a request, in IAM's terms
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html).
    /// </summary>
    public enum Decision
    {
        Allowed,

        /// <summary>Nothing allows it (the default).</summary>
        ImplicitDeny,

        /// <summary>A Deny statement applies; nothing can override it.</summary>
        ExplicitDeny,
    }

    /// <summary>The policy layers the evaluator looks at.</summary>
    public enum PolicyLayer
    {
        IdentityPolicy,
        BucketPolicy,
        Acl,
        ObjectOwnership,
        PermissionsBoundary,
        SessionPolicy,
        ServiceControlPolicy,
        ResourceControlPolicy,
        TrustPolicy,
    }

    /// <summary>What one layer says about the request.</summary>
    public enum LayerOutcome
    {
        /// <summary>The layer was not given or does not take part for this request.</summary>
        NotApplicable,

        /// <summary>No statement of the layer applies.</summary>
        NoMatch,
        Allow,
        Deny,
    }

    /// <summary>How a Principal element matched the caller.</summary>
    public enum PrincipalMatch
    {
        NoMatch,

        /// <summary>The exact user, role, session, canonical user, service, or "*".</summary>
        Match,

        /// <summary>Matched through the account (ID or :root): the account's own policies must delegate.</summary>
        AccountLevelMatch,

        /// <summary>A role session matched by its role's ARN.</summary>
        SessionRoleMatch,
    }
}
