using System;
using System.Collections.Generic;
using S3CrossAccount.Core.Policies;

namespace S3CrossAccount.Core.Roles
{
    /// <summary>
    /// A cross-account IAM role as New-XAccountRole left it (seed method 3). <see cref="RoleArn"/>
    /// binds by property name into Grant-XAccountAssumeRole, Use-XAccountRole and Remove-XAccountRole.
    /// </summary>
    public sealed class XAccountRole
    {
        public XAccountRole(string roleName, string roleArn, string accountId, PolicyDocument trustPolicy, PolicyDocument? accessPolicy,
            string? accessPolicyName, string? managedPolicyArn, int? maxSessionDuration, IReadOnlyList<string> changes)
        {
            RoleName = roleName ?? throw new ArgumentNullException(nameof(roleName));
            RoleArn = roleArn ?? throw new ArgumentNullException(nameof(roleArn));
            AccountId = accountId ?? throw new ArgumentNullException(nameof(accountId));
            TrustPolicy = trustPolicy ?? throw new ArgumentNullException(nameof(trustPolicy));
            AccessPolicy = accessPolicy;
            AccessPolicyName = accessPolicyName;
            ManagedPolicyArn = managedPolicyArn;
            MaxSessionDuration = maxSessionDuration;
            Changes = changes ?? Array.Empty<string>();
        }

        public string RoleName { get; }

        public string RoleArn { get; }

        /// <summary>The account that owns the role (the bucket owner's account in seed method 3).</summary>
        public string AccountId { get; }

        /// <summary>Every principal the trust policy names (Allow statements for sts:AssumeRole).</summary>
        public IReadOnlyList<string> TrustedPrincipals => TrustPolicy.Principals;

        /// <summary>The role's trust policy as it is now (after any merge).</summary>
        public PolicyDocument TrustPolicy { get; }

        /// <summary>The access (permissions) policy this command manages, inline or managed; null when none was asked for.</summary>
        public PolicyDocument? AccessPolicy { get; }

        /// <summary>The inline policy name, or the managed policy name.</summary>
        public string? AccessPolicyName { get; }

        /// <summary>The managed policy's ARN when -ManagedPolicy was used.</summary>
        public string? ManagedPolicyArn { get; }

        public int? MaxSessionDuration { get; }

        /// <summary>The IAM write operations this run made ("CreateRole", "PutRolePolicy", ...); empty when the role already matched.</summary>
        public IReadOnlyList<string> Changes { get; }

        public bool Changed => Changes.Count > 0;

        public override string ToString() => RoleArn;
    }

    /// <summary>Which kind of IAM identity carries an inline policy.</summary>
    public enum IamIdentityType
    {
        User,
        Role,
        Group,
    }

    /// <summary>An inline identity policy as Set-XAccountIdentityPolicy or Grant-XAccountAssumeRole left it.</summary>
    public sealed class XAccountIdentityPolicy
    {
        public XAccountIdentityPolicy(IamIdentityType identityType, string identityName, string policyName, PolicyDocument policy, bool changed)
        {
            IdentityType = identityType;
            IdentityName = identityName ?? throw new ArgumentNullException(nameof(identityName));
            PolicyName = policyName ?? throw new ArgumentNullException(nameof(policyName));
            Policy = policy ?? throw new ArgumentNullException(nameof(policy));
            Changed = changed;
        }

        public IamIdentityType IdentityType { get; }

        public string IdentityName { get; }

        public string PolicyName { get; }

        /// <summary>The inline policy as it is now (existing statements kept, new ones added).</summary>
        public PolicyDocument Policy { get; }

        /// <summary>False when the policy already contained everything asked for and nothing was written.</summary>
        public bool Changed { get; }

        public override string ToString() => IdentityType + " " + IdentityName + ": " + PolicyName;
    }
}
