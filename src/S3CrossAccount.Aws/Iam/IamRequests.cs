using System.Collections.Generic;

namespace S3CrossAccount.Aws.Iam
{
    // Request types named and shaped like Amazon.IdentityManagement.Model's. Policy documents are
    // plain JSON text; the client sends them compact (whitespace outside strings removed).
    // Reference: https://docs.aws.amazon.com/IAM/latest/APIReference/API_Operations.html

    /// <summary>Marker/MaxItems pagination (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRolePolicies.html).</summary>
    public abstract class IamPagedRequest
    {
        /// <summary>The Marker of the previous truncated page; null for the first page.</summary>
        public string? Marker { get; set; }

        /// <summary>1-1000; null lets IAM choose (100).</summary>
        public int? MaxItems { get; set; }
    }

    public sealed class CreateRoleRequest
    {
        public string RoleName { get; set; } = string.Empty;

        public string AssumeRolePolicyDocument { get; set; } = string.Empty;

        public string? Path { get; set; }

        public string? Description { get; set; }

        /// <summary>3600-43200 seconds.</summary>
        public int? MaxSessionDuration { get; set; }

        public string? PermissionsBoundary { get; set; }

        public List<Tag> Tags { get; set; } = new List<Tag>();
    }

    public sealed class GetRoleRequest
    {
        public string RoleName { get; set; } = string.Empty;
    }

    public sealed class UpdateAssumeRolePolicyRequest
    {
        public string RoleName { get; set; } = string.Empty;

        public string PolicyDocument { get; set; } = string.Empty;
    }

    /// <summary>UpdateRole: Description and/or MaxSessionDuration (https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateRole.html).</summary>
    public sealed class UpdateRoleRequest
    {
        public string RoleName { get; set; } = string.Empty;

        public string? Description { get; set; }

        public int? MaxSessionDuration { get; set; }
    }

    public sealed class DeleteRoleRequest
    {
        public string RoleName { get; set; } = string.Empty;
    }

    public sealed class TagRoleRequest
    {
        public string RoleName { get; set; } = string.Empty;

        public List<Tag> Tags { get; set; } = new List<Tag>();
    }

    public sealed class ListRoleTagsRequest : IamPagedRequest
    {
        public string RoleName { get; set; } = string.Empty;
    }

    public sealed class PutRolePolicyRequest
    {
        public string RoleName { get; set; } = string.Empty;

        public string PolicyName { get; set; } = string.Empty;

        public string PolicyDocument { get; set; } = string.Empty;
    }

    public sealed class GetRolePolicyRequest
    {
        public string RoleName { get; set; } = string.Empty;

        public string PolicyName { get; set; } = string.Empty;
    }

    public sealed class ListRolesRequest : IamPagedRequest
    {
        /// <summary>Only roles whose path starts with this ("/" or null: all roles).</summary>
        public string? PathPrefix { get; set; }
    }

    public sealed class ListRolePoliciesRequest : IamPagedRequest
    {
        public string RoleName { get; set; } = string.Empty;
    }

    public sealed class DeleteRolePolicyRequest
    {
        public string RoleName { get; set; } = string.Empty;

        public string PolicyName { get; set; } = string.Empty;
    }

    public sealed class CreatePolicyRequest
    {
        public string PolicyName { get; set; } = string.Empty;

        public string PolicyDocument { get; set; } = string.Empty;

        public string? Path { get; set; }

        public string? Description { get; set; }

        public List<Tag> Tags { get; set; } = new List<Tag>();
    }

    public sealed class GetPolicyRequest
    {
        public string PolicyArn { get; set; } = string.Empty;
    }

    public sealed class GetPolicyVersionRequest
    {
        public string PolicyArn { get; set; } = string.Empty;

        public string VersionId { get; set; } = string.Empty;
    }

    public sealed class ListPolicyVersionsRequest : IamPagedRequest
    {
        public string PolicyArn { get; set; } = string.Empty;
    }

    public sealed class CreatePolicyVersionRequest
    {
        public string PolicyArn { get; set; } = string.Empty;

        public string PolicyDocument { get; set; } = string.Empty;

        public bool? SetAsDefault { get; set; }
    }

    public sealed class DeletePolicyVersionRequest
    {
        public string PolicyArn { get; set; } = string.Empty;

        public string VersionId { get; set; } = string.Empty;
    }

    public sealed class DeletePolicyRequest
    {
        public string PolicyArn { get; set; } = string.Empty;
    }

    public sealed class AttachRolePolicyRequest
    {
        public string RoleName { get; set; } = string.Empty;

        public string PolicyArn { get; set; } = string.Empty;
    }

    public sealed class DetachRolePolicyRequest
    {
        public string RoleName { get; set; } = string.Empty;

        public string PolicyArn { get; set; } = string.Empty;
    }

    public sealed class ListAttachedRolePoliciesRequest : IamPagedRequest
    {
        public string RoleName { get; set; } = string.Empty;

        public string? PathPrefix { get; set; }
    }

    public sealed class PutUserPolicyRequest
    {
        public string UserName { get; set; } = string.Empty;

        public string PolicyName { get; set; } = string.Empty;

        public string PolicyDocument { get; set; } = string.Empty;
    }

    public sealed class GetUserPolicyRequest
    {
        public string UserName { get; set; } = string.Empty;

        public string PolicyName { get; set; } = string.Empty;
    }

    public sealed class DeleteUserPolicyRequest
    {
        public string UserName { get; set; } = string.Empty;

        public string PolicyName { get; set; } = string.Empty;
    }

    public sealed class ListUserPoliciesRequest : IamPagedRequest
    {
        public string UserName { get; set; } = string.Empty;
    }

    public sealed class PutGroupPolicyRequest
    {
        public string GroupName { get; set; } = string.Empty;

        public string PolicyName { get; set; } = string.Empty;

        public string PolicyDocument { get; set; } = string.Empty;
    }

    public sealed class GetGroupPolicyRequest
    {
        public string GroupName { get; set; } = string.Empty;

        public string PolicyName { get; set; } = string.Empty;
    }

    public sealed class DeleteGroupPolicyRequest
    {
        public string GroupName { get; set; } = string.Empty;

        public string PolicyName { get; set; } = string.Empty;
    }

    /// <summary>GetUser; UserName null means the user whose credentials sign the request.</summary>
    public sealed class GetUserRequest
    {
        public string? UserName { get; set; }
    }
}
