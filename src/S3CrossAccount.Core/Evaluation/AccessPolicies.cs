using System;
using System.Collections.Generic;
using S3CrossAccount.Core.Evaluation.Acls;
using S3CrossAccount.Core.Evaluation.Model;

namespace S3CrossAccount.Core.Evaluation
{
    /// <summary>
    /// Everything that can decide an S3 request: the caller's identity policies and guardrails, the bucket
    /// owner's bucket policy and ACLs, the Object Ownership setting, and SCPs/RCPs.
    /// </summary>
    public sealed record AccessPolicies
    {
        /// <summary>Policies attached to the calling user or role (for a role session: the role's).</summary>
        public IReadOnlyList<EvaluationPolicy> IdentityPolicies { get; init; } = Array.Empty<EvaluationPolicy>();

        public EvaluationPolicy? BucketPolicy { get; init; }

        /// <summary>The caller's permissions boundary; null = none.</summary>
        public EvaluationPolicy? PermissionsBoundary { get; init; }

        /// <summary>Session policies passed to AssumeRole; null = none.</summary>
        public EvaluationPolicy? SessionPolicy { get; init; }

        /// <summary>SCPs that apply to the caller's account; empty = no organization guardrail.</summary>
        public IReadOnlyList<EvaluationPolicy> ServiceControlPolicies { get; init; } = Array.Empty<EvaluationPolicy>();

        /// <summary>RCPs that apply to the bucket's account; empty = none.</summary>
        public IReadOnlyList<EvaluationPolicy> ResourceControlPolicies { get; init; } = Array.Empty<EvaluationPolicy>();

        /// <summary>The bucket ACL; null = the default private ACL (owner full control).</summary>
        public AccessControlList? BucketAcl { get; init; }

        /// <summary>The object ACL; null = the default private ACL of the object owner.</summary>
        public AccessControlList? ObjectAcl { get; init; }

        public ObjectOwnership ObjectOwnership { get; init; } = ObjectOwnership.BucketOwnerEnforced;
    }
}
