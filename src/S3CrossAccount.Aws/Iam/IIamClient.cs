using System;
using System.Threading;
using System.Threading.Tasks;

namespace S3CrossAccount.Aws.Iam
{
    /// <summary>
    /// The IAM operations this module uses, shaped like AWSSDK.IdentityManagement's
    /// IAmazonIdentityManagementService (same method, request and response names) so an adapter
    /// over that package can replace the Query client built by <see cref="IamClientFactory"/>.
    /// Every method throws <see cref="IamServiceException"/> (or a subclass) for an IAM error,
    /// after the SDK's own retries (throttling included) are exhausted.
    /// </summary>
    /// <remarks>
    /// Ceph RADOS Gateway (the local test server, shared/rgw/probe-results.md) implements only part
    /// of IAM. It answers 405 MethodNotAllowed (surfaced as <see cref="IamOperationNotSupportedException"/>)
    /// for UpdateRole, CreatePolicy, AttachRolePolicy, ListAttachedRolePolicies and GetUser, and, by
    /// extension of the same missing managed-policy support, GetPolicy, GetPolicyVersion,
    /// ListPolicyVersions, CreatePolicyVersion, DeletePolicyVersion, DeletePolicy and DetachRolePolicy
    /// (those were not probed). It implements CreateRole, GetRole, DeleteRole, UpdateAssumeRolePolicy,
    /// TagRole, ListRoleTags (its tag XML was seen malformed: Key and Value in separate members),
    /// Put/Get/List/DeleteRolePolicy and Put/Get/List/DeleteUserPolicy; user names there are
    /// "tenant$user". It also decodes '+' in a form body as '+', not as a space, which is why this
    /// client sends %20 for spaces (the SDK's RFC 3986 encoding) and policy documents compact.
    /// </remarks>
    public interface IIamClient : IDisposable
    {
        Task<CreateRoleResponse> CreateRoleAsync(CreateRoleRequest request, CancellationToken cancellationToken = default);

        Task<GetRoleResponse> GetRoleAsync(GetRoleRequest request, CancellationToken cancellationToken = default);

        /// <summary>The account's roles, one page; each carries its trust policy (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRoles.html).</summary>
        Task<ListRolesResponse> ListRolesAsync(ListRolesRequest request, CancellationToken cancellationToken = default);

        Task<UpdateAssumeRolePolicyResponse> UpdateAssumeRolePolicyAsync(UpdateAssumeRolePolicyRequest request, CancellationToken cancellationToken = default);

        Task<UpdateRoleResponse> UpdateRoleAsync(UpdateRoleRequest request, CancellationToken cancellationToken = default);

        Task<DeleteRoleResponse> DeleteRoleAsync(DeleteRoleRequest request, CancellationToken cancellationToken = default);

        Task<TagRoleResponse> TagRoleAsync(TagRoleRequest request, CancellationToken cancellationToken = default);

        Task<ListRoleTagsResponse> ListRoleTagsAsync(ListRoleTagsRequest request, CancellationToken cancellationToken = default);

        Task<PutRolePolicyResponse> PutRolePolicyAsync(PutRolePolicyRequest request, CancellationToken cancellationToken = default);

        Task<GetRolePolicyResponse> GetRolePolicyAsync(GetRolePolicyRequest request, CancellationToken cancellationToken = default);

        Task<ListRolePoliciesResponse> ListRolePoliciesAsync(ListRolePoliciesRequest request, CancellationToken cancellationToken = default);

        Task<DeleteRolePolicyResponse> DeleteRolePolicyAsync(DeleteRolePolicyRequest request, CancellationToken cancellationToken = default);

        Task<CreatePolicyResponse> CreatePolicyAsync(CreatePolicyRequest request, CancellationToken cancellationToken = default);

        Task<GetPolicyResponse> GetPolicyAsync(GetPolicyRequest request, CancellationToken cancellationToken = default);

        Task<GetPolicyVersionResponse> GetPolicyVersionAsync(GetPolicyVersionRequest request, CancellationToken cancellationToken = default);

        Task<ListPolicyVersionsResponse> ListPolicyVersionsAsync(ListPolicyVersionsRequest request, CancellationToken cancellationToken = default);

        Task<CreatePolicyVersionResponse> CreatePolicyVersionAsync(CreatePolicyVersionRequest request, CancellationToken cancellationToken = default);

        Task<DeletePolicyVersionResponse> DeletePolicyVersionAsync(DeletePolicyVersionRequest request, CancellationToken cancellationToken = default);

        Task<DeletePolicyResponse> DeletePolicyAsync(DeletePolicyRequest request, CancellationToken cancellationToken = default);

        Task<AttachRolePolicyResponse> AttachRolePolicyAsync(AttachRolePolicyRequest request, CancellationToken cancellationToken = default);

        Task<DetachRolePolicyResponse> DetachRolePolicyAsync(DetachRolePolicyRequest request, CancellationToken cancellationToken = default);

        Task<ListAttachedRolePoliciesResponse> ListAttachedRolePoliciesAsync(ListAttachedRolePoliciesRequest request, CancellationToken cancellationToken = default);

        Task<PutUserPolicyResponse> PutUserPolicyAsync(PutUserPolicyRequest request, CancellationToken cancellationToken = default);

        Task<GetUserPolicyResponse> GetUserPolicyAsync(GetUserPolicyRequest request, CancellationToken cancellationToken = default);

        Task<DeleteUserPolicyResponse> DeleteUserPolicyAsync(DeleteUserPolicyRequest request, CancellationToken cancellationToken = default);

        Task<ListUserPoliciesResponse> ListUserPoliciesAsync(ListUserPoliciesRequest request, CancellationToken cancellationToken = default);

        Task<PutGroupPolicyResponse> PutGroupPolicyAsync(PutGroupPolicyRequest request, CancellationToken cancellationToken = default);

        Task<GetGroupPolicyResponse> GetGroupPolicyAsync(GetGroupPolicyRequest request, CancellationToken cancellationToken = default);

        Task<DeleteGroupPolicyResponse> DeleteGroupPolicyAsync(DeleteGroupPolicyRequest request, CancellationToken cancellationToken = default);

        Task<GetUserResponse> GetUserAsync(GetUserRequest request, CancellationToken cancellationToken = default);
    }
}
