namespace S3CrossAccount.Core.Evaluation.Results
{
    /// <summary>
    /// The rule of the evaluation cascade that decided a request: the decision as data, so that a test or a pipeline
    /// can ask why without reading the English reason.
    /// </summary>
    public enum DecisionRule
    {
        /// <summary>A Deny statement of some policy applies.</summary>
        ExplicitDeny,

        /// <summary>STS: root user credentials cannot assume a role.</summary>
        RootUserCannotAssumeRole,

        /// <summary>SCPs were given and none allows the action.</summary>
        NoServiceControlPolicyAllows,

        /// <summary>RCPs were given and none allows the action.</summary>
        NoResourceControlPolicyAllows,

        /// <summary>S3: only the bucket owner's account may get, put or delete the bucket policy (405 for anyone else).</summary>
        BucketPolicyActionFromAnotherAccount,

        AnonymousAllowed,

        AnonymousNotAllowed,

        /// <summary>S3: the bucket owner's root user may always manage the bucket policy, whatever it denies.</summary>
        BucketOwnerRootManagesBucketPolicy,

        /// <summary>Same account: the account's root user.</summary>
        SameAccountRootUser,

        SameAccountIdentityPolicyAllows,

        /// <summary>Same account: the resource policy names the caller (or its role, within its guardrails).</summary>
        SameAccountResourcePolicyAllows,

        /// <summary>Same account: the resource policy names only the account, which delegates to identity policies that do not allow.</summary>
        SameAccountResourcePolicyNamesOnlyTheAccount,

        SameAccountNothingAllows,

        /// <summary>Cross account: the resource owner (resource policy or ACL) and the caller's account both allow.</summary>
        CrossAccountBothAllow,

        /// <summary>Cross account: the resource owner allows, the caller's identity policies (or guardrails) do not.</summary>
        CrossAccountIdentityNotAllowed,

        /// <summary>Cross account: the caller's account allows, the resource owner does not.</summary>
        CrossAccountResourceOwnerNotAllowed,

        CrossAccountNeitherAllows,
    }

    /// <summary>The decision each rule gives.</summary>
    public static class DecisionRules
    {
        public static Decision DecisionOf(this DecisionRule rule)
        {
            switch (rule)
            {
                case DecisionRule.ExplicitDeny:
                    return Decision.ExplicitDeny;
                case DecisionRule.AnonymousAllowed:
                case DecisionRule.BucketOwnerRootManagesBucketPolicy:
                case DecisionRule.SameAccountRootUser:
                case DecisionRule.SameAccountIdentityPolicyAllows:
                case DecisionRule.SameAccountResourcePolicyAllows:
                case DecisionRule.CrossAccountBothAllow:
                    return Decision.Allowed;
                default:
                    return Decision.ImplicitDeny;
            }
        }
    }
}
