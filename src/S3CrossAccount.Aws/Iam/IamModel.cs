using System;
using System.Collections.Generic;

namespace S3CrossAccount.Aws.Iam
{
    // Module-owned mirrors of Amazon.IdentityManagement.Model types (same names and property names),
    // so the IAM adapter can later be swapped for AWSSDK.IdentityManagement without touching callers.
    // Policy documents are always DECODED JSON text here (IAM returns them URL-encoded).

    /// <summary>An IAM tag (https://docs.aws.amazon.com/IAM/latest/APIReference/API_Tag.html).</summary>
    public sealed class Tag
    {
        public Tag() { }

        public Tag(string key, string value)
        {
            Key = key;
            Value = value;
        }

        public string Key { get; set; } = string.Empty;

        public string Value { get; set; } = string.Empty;

        public override string ToString() => Key + "=" + Value;
    }

    /// <summary>An IAM role (https://docs.aws.amazon.com/IAM/latest/APIReference/API_Role.html).</summary>
    public sealed class Role
    {
        public string Arn { get; set; } = string.Empty;

        public string RoleName { get; set; } = string.Empty;

        public string RoleId { get; set; } = string.Empty;

        public string Path { get; set; } = "/";

        public DateTime CreateDate { get; set; }

        public string? Description { get; set; }

        /// <summary>Seconds; IAM omits it in some responses (null then).</summary>
        public int? MaxSessionDuration { get; set; }

        /// <summary>The trust policy, decoded JSON (null when the response does not carry it, e.g. ListRoles).</summary>
        public string? AssumeRolePolicyDocument { get; set; }

        /// <summary>ARN of the permissions boundary policy, if any.</summary>
        public string? PermissionsBoundaryArn { get; set; }

        public List<Tag> Tags { get; set; } = new List<Tag>();

        public override string ToString() => Arn;
    }

    /// <summary>A customer or AWS managed policy (https://docs.aws.amazon.com/IAM/latest/APIReference/API_Policy.html).</summary>
    public sealed class ManagedPolicy
    {
        public string PolicyName { get; set; } = string.Empty;

        public string PolicyId { get; set; } = string.Empty;

        public string Arn { get; set; } = string.Empty;

        public string Path { get; set; } = "/";

        public string DefaultVersionId { get; set; } = string.Empty;

        public int AttachmentCount { get; set; }

        public int PermissionsBoundaryUsageCount { get; set; }

        public bool IsAttachable { get; set; }

        public string? Description { get; set; }

        public DateTime CreateDate { get; set; }

        public DateTime UpdateDate { get; set; }

        public List<Tag> Tags { get; set; } = new List<Tag>();

        public override string ToString() => Arn;
    }

    /// <summary>One version of a managed policy (https://docs.aws.amazon.com/IAM/latest/APIReference/API_PolicyVersion.html).</summary>
    public sealed class PolicyVersion
    {
        public string VersionId { get; set; } = string.Empty;

        public bool IsDefaultVersion { get; set; }

        public DateTime CreateDate { get; set; }

        /// <summary>The policy JSON, decoded; null in ListPolicyVersions and CreatePolicyVersion results.</summary>
        public string? Document { get; set; }

        public override string ToString() => VersionId;
    }

    /// <summary>A managed policy attached to a role (https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachedPolicy.html).</summary>
    public sealed class AttachedPolicy
    {
        public string PolicyName { get; set; } = string.Empty;

        public string PolicyArn { get; set; } = string.Empty;

        public override string ToString() => PolicyArn;
    }

    /// <summary>An IAM user (https://docs.aws.amazon.com/IAM/latest/APIReference/API_User.html).</summary>
    public sealed class User
    {
        public string Arn { get; set; } = string.Empty;

        public string UserName { get; set; } = string.Empty;

        public string UserId { get; set; } = string.Empty;

        public string Path { get; set; } = "/";

        public DateTime CreateDate { get; set; }

        public DateTime? PasswordLastUsed { get; set; }

        public List<Tag> Tags { get; set; } = new List<Tag>();

        public override string ToString() => Arn;
    }
}
