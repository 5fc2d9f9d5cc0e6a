using System.Collections.Generic;

namespace S3CrossAccount.Aws.Iam
{
    /// <summary>Common to every response: IAM's request id (ResponseMetadata/RequestId).</summary>
    public abstract class IamResponse
    {
        public string? RequestId { get; set; }
    }

    /// <summary>A page of a Marker/IsTruncated list: call again with Marker while IsTruncated.</summary>
    public abstract class IamPagedResponse : IamResponse
    {
        public bool IsTruncated { get; set; }

        public string? Marker { get; set; }
    }

    public sealed class CreateRoleResponse : IamResponse
    {
        public Role Role { get; set; } = new Role();
    }

    public sealed class GetRoleResponse : IamResponse
    {
        public Role Role { get; set; } = new Role();
    }

    public sealed class UpdateAssumeRolePolicyResponse : IamResponse { }

    public sealed class UpdateRoleResponse : IamResponse { }

    public sealed class DeleteRoleResponse : IamResponse { }

    public sealed class TagRoleResponse : IamResponse { }

    public sealed class ListRoleTagsResponse : IamPagedResponse
    {
        public List<Tag> Tags { get; set; } = new List<Tag>();
    }

    public sealed class PutRolePolicyResponse : IamResponse { }

    public sealed class GetRolePolicyResponse : IamResponse
    {
        public string RoleName { get; set; } = string.Empty;

        public string PolicyName { get; set; } = string.Empty;

        /// <summary>Decoded policy JSON.</summary>
        public string PolicyDocument { get; set; } = string.Empty;
    }

    public sealed class ListRolesResponse : IamPagedResponse
    {
        /// <summary>ListRoles leaves out PermissionsBoundary, RoleLastUsed and Tags (GetRole has them).</summary>
        public List<Role> Roles { get; set; } = new List<Role>();
    }

    public sealed class ListRolePoliciesResponse : IamPagedResponse
    {
        public List<string> PolicyNames { get; set; } = new List<string>();
    }

    public sealed class DeleteRolePolicyResponse : IamResponse { }

    public sealed class CreatePolicyResponse : IamResponse
    {
        public ManagedPolicy Policy { get; set; } = new ManagedPolicy();
    }

    public sealed class GetPolicyResponse : IamResponse
    {
        public ManagedPolicy Policy { get; set; } = new ManagedPolicy();
    }

    public sealed class GetPolicyVersionResponse : IamResponse
    {
        public PolicyVersion PolicyVersion { get; set; } = new PolicyVersion();
    }

    public sealed class ListPolicyVersionsResponse : IamPagedResponse
    {
        public List<PolicyVersion> Versions { get; set; } = new List<PolicyVersion>();
    }

    public sealed class CreatePolicyVersionResponse : IamResponse
    {
        public PolicyVersion PolicyVersion { get; set; } = new PolicyVersion();
    }

    public sealed class DeletePolicyVersionResponse : IamResponse { }

    public sealed class DeletePolicyResponse : IamResponse { }

    public sealed class AttachRolePolicyResponse : IamResponse { }

    public sealed class DetachRolePolicyResponse : IamResponse { }

    public sealed class ListAttachedRolePoliciesResponse : IamPagedResponse
    {
        public List<AttachedPolicy> AttachedPolicies { get; set; } = new List<AttachedPolicy>();
    }

    public sealed class PutUserPolicyResponse : IamResponse { }

    public sealed class GetUserPolicyResponse : IamResponse
    {
        public string UserName { get; set; } = string.Empty;

        public string PolicyName { get; set; } = string.Empty;

        /// <summary>Decoded policy JSON.</summary>
        public string PolicyDocument { get; set; } = string.Empty;
    }

    public sealed class DeleteUserPolicyResponse : IamResponse { }

    public sealed class ListUserPoliciesResponse : IamPagedResponse
    {
        public List<string> PolicyNames { get; set; } = new List<string>();
    }

    public sealed class PutGroupPolicyResponse : IamResponse { }

    public sealed class GetGroupPolicyResponse : IamResponse
    {
        public string GroupName { get; set; } = string.Empty;

        public string PolicyName { get; set; } = string.Empty;

        /// <summary>Decoded policy JSON.</summary>
        public string PolicyDocument { get; set; } = string.Empty;
    }

    public sealed class DeleteGroupPolicyResponse : IamResponse { }

    public sealed class GetUserResponse : IamResponse
    {
        public User User { get; set; } = new User();
    }
}
