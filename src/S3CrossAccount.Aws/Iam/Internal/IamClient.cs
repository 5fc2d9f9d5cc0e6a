using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Amazon.Runtime;
using S3CrossAccount.Aws.Clients;
using static S3CrossAccount.Aws.Iam.Internal.IamResponseParser;

namespace S3CrossAccount.Aws.Iam.Internal
{
    /// <summary>
    /// <see cref="IIamClient"/> over the Query-protocol <see cref="IamSdkClient"/>: each method
    /// flattens its request to Query parameters (names from the IAM API Reference), runs it through
    /// the SDK pipeline and maps the &lt;ActionResult&gt; back.
    /// </summary>
    internal sealed class IamClient : IIamClient
    {
        private readonly IamSdkClient _sdk;

        public IamClient(IamSdkClient sdk) => _sdk = sdk;

        public void Dispose() => _sdk.Dispose();

        public async Task<CreateRoleResponse> CreateRoleAsync(CreateRoleRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("CreateRole")
                .Add("RoleName", request.RoleName)
                .Add("AssumeRolePolicyDocument", PolicyDocumentText.Compact(request.AssumeRolePolicyDocument))
                .Add("Path", request.Path)
                .Add("Description", request.Description)
                .Add("MaxSessionDuration", Int(request.MaxSessionDuration))
                .Add("PermissionsBoundary", request.PermissionsBoundary);
            AddTags(q, request.Tags);
            var (result, id) = await CallAsync(q, request.RoleName, cancellationToken).ConfigureAwait(false);
            return new CreateRoleResponse { Role = ParseRole(Child(result, "Role")), RequestId = id };
        }

        public async Task<GetRoleResponse> GetRoleAsync(GetRoleRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("GetRole").Add("RoleName", request.RoleName);
            var (result, id) = await CallAsync(q, request.RoleName, cancellationToken).ConfigureAwait(false);
            return new GetRoleResponse { Role = ParseRole(Child(result, "Role")), RequestId = id };
        }

        public async Task<ListRolesResponse> ListRolesAsync(ListRolesRequest request, CancellationToken cancellationToken = default)
        {
            var q = Paged(new IamQueryRequest("ListRoles").Add("PathPrefix", request.PathPrefix), request);
            var (result, id) = await CallAsync(q, request.PathPrefix ?? "/", cancellationToken).ConfigureAwait(false);
            var response = new ListRolesResponse { Roles = ParseRoles(Child(result, "Roles")), RequestId = id };
            ParsePage(result, response);
            return response;
        }

        public async Task<UpdateAssumeRolePolicyResponse> UpdateAssumeRolePolicyAsync(UpdateAssumeRolePolicyRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("UpdateAssumeRolePolicy")
                .Add("RoleName", request.RoleName)
                .Add("PolicyDocument", PolicyDocumentText.Compact(request.PolicyDocument));
            var (_, id) = await CallAsync(q, request.RoleName, cancellationToken).ConfigureAwait(false);
            return new UpdateAssumeRolePolicyResponse { RequestId = id };
        }

        public async Task<UpdateRoleResponse> UpdateRoleAsync(UpdateRoleRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("UpdateRole")
                .Add("RoleName", request.RoleName)
                .Add("Description", request.Description)
                .Add("MaxSessionDuration", Int(request.MaxSessionDuration));
            var (_, id) = await CallAsync(q, request.RoleName, cancellationToken).ConfigureAwait(false);
            return new UpdateRoleResponse { RequestId = id };
        }

        public async Task<DeleteRoleResponse> DeleteRoleAsync(DeleteRoleRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("DeleteRole").Add("RoleName", request.RoleName);
            var (_, id) = await CallAsync(q, request.RoleName, cancellationToken).ConfigureAwait(false);
            return new DeleteRoleResponse { RequestId = id };
        }

        public async Task<TagRoleResponse> TagRoleAsync(TagRoleRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("TagRole").Add("RoleName", request.RoleName);
            AddTags(q, request.Tags);
            var (_, id) = await CallAsync(q, request.RoleName, cancellationToken).ConfigureAwait(false);
            return new TagRoleResponse { RequestId = id };
        }

        public async Task<ListRoleTagsResponse> ListRoleTagsAsync(ListRoleTagsRequest request, CancellationToken cancellationToken = default)
        {
            var q = Paged(new IamQueryRequest("ListRoleTags").Add("RoleName", request.RoleName), request);
            var (result, id) = await CallAsync(q, request.RoleName, cancellationToken).ConfigureAwait(false);
            var response = new ListRoleTagsResponse { Tags = ParseTags(Child(result, "Tags")), RequestId = id };
            ParsePage(result, response);
            return response;
        }

        public async Task<PutRolePolicyResponse> PutRolePolicyAsync(PutRolePolicyRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("PutRolePolicy")
                .Add("RoleName", request.RoleName)
                .Add("PolicyName", request.PolicyName)
                .Add("PolicyDocument", PolicyDocumentText.Compact(request.PolicyDocument));
            var (_, id) = await CallAsync(q, request.RoleName, cancellationToken).ConfigureAwait(false);
            return new PutRolePolicyResponse { RequestId = id };
        }

        public async Task<GetRolePolicyResponse> GetRolePolicyAsync(GetRolePolicyRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("GetRolePolicy").Add("RoleName", request.RoleName).Add("PolicyName", request.PolicyName);
            var (result, id) = await CallAsync(q, request.RoleName + "/" + request.PolicyName, cancellationToken).ConfigureAwait(false);
            return new GetRolePolicyResponse
            {
                RoleName = Text(result, "RoleName") ?? request.RoleName,
                PolicyName = Text(result, "PolicyName") ?? request.PolicyName,
                PolicyDocument = PolicyDocumentText.Decode(Text(result, "PolicyDocument")),
                RequestId = id,
            };
        }

        public async Task<ListRolePoliciesResponse> ListRolePoliciesAsync(ListRolePoliciesRequest request, CancellationToken cancellationToken = default)
        {
            var q = Paged(new IamQueryRequest("ListRolePolicies").Add("RoleName", request.RoleName), request);
            var (result, id) = await CallAsync(q, request.RoleName, cancellationToken).ConfigureAwait(false);
            var response = new ListRolePoliciesResponse { PolicyNames = ParseNames(Child(result, "PolicyNames")), RequestId = id };
            ParsePage(result, response);
            return response;
        }

        public async Task<DeleteRolePolicyResponse> DeleteRolePolicyAsync(DeleteRolePolicyRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("DeleteRolePolicy").Add("RoleName", request.RoleName).Add("PolicyName", request.PolicyName);
            var (_, id) = await CallAsync(q, request.RoleName + "/" + request.PolicyName, cancellationToken).ConfigureAwait(false);
            return new DeleteRolePolicyResponse { RequestId = id };
        }

        public async Task<CreatePolicyResponse> CreatePolicyAsync(CreatePolicyRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("CreatePolicy")
                .Add("PolicyName", request.PolicyName)
                .Add("PolicyDocument", PolicyDocumentText.Compact(request.PolicyDocument))
                .Add("Path", request.Path)
                .Add("Description", request.Description);
            AddTags(q, request.Tags);
            var (result, id) = await CallAsync(q, request.PolicyName, cancellationToken).ConfigureAwait(false);
            return new CreatePolicyResponse { Policy = ParsePolicy(Child(result, "Policy")), RequestId = id };
        }

        public async Task<GetPolicyResponse> GetPolicyAsync(GetPolicyRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("GetPolicy").Add("PolicyArn", request.PolicyArn);
            var (result, id) = await CallAsync(q, request.PolicyArn, cancellationToken).ConfigureAwait(false);
            return new GetPolicyResponse { Policy = ParsePolicy(Child(result, "Policy")), RequestId = id };
        }

        public async Task<GetPolicyVersionResponse> GetPolicyVersionAsync(GetPolicyVersionRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("GetPolicyVersion").Add("PolicyArn", request.PolicyArn).Add("VersionId", request.VersionId);
            var (result, id) = await CallAsync(q, request.PolicyArn, cancellationToken).ConfigureAwait(false);
            return new GetPolicyVersionResponse { PolicyVersion = ParsePolicyVersion(Child(result, "PolicyVersion")), RequestId = id };
        }

        public async Task<ListPolicyVersionsResponse> ListPolicyVersionsAsync(ListPolicyVersionsRequest request, CancellationToken cancellationToken = default)
        {
            var q = Paged(new IamQueryRequest("ListPolicyVersions").Add("PolicyArn", request.PolicyArn), request);
            var (result, id) = await CallAsync(q, request.PolicyArn, cancellationToken).ConfigureAwait(false);
            var response = new ListPolicyVersionsResponse { Versions = ParsePolicyVersions(Child(result, "Versions")), RequestId = id };
            ParsePage(result, response);
            return response;
        }

        public async Task<CreatePolicyVersionResponse> CreatePolicyVersionAsync(CreatePolicyVersionRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("CreatePolicyVersion")
                .Add("PolicyArn", request.PolicyArn)
                .Add("PolicyDocument", PolicyDocumentText.Compact(request.PolicyDocument))
                .Add("SetAsDefault", Bool(request.SetAsDefault));
            var (result, id) = await CallAsync(q, request.PolicyArn, cancellationToken).ConfigureAwait(false);
            return new CreatePolicyVersionResponse { PolicyVersion = ParsePolicyVersion(Child(result, "PolicyVersion")), RequestId = id };
        }

        public async Task<DeletePolicyVersionResponse> DeletePolicyVersionAsync(DeletePolicyVersionRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("DeletePolicyVersion").Add("PolicyArn", request.PolicyArn).Add("VersionId", request.VersionId);
            var (_, id) = await CallAsync(q, request.PolicyArn, cancellationToken).ConfigureAwait(false);
            return new DeletePolicyVersionResponse { RequestId = id };
        }

        public async Task<DeletePolicyResponse> DeletePolicyAsync(DeletePolicyRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("DeletePolicy").Add("PolicyArn", request.PolicyArn);
            var (_, id) = await CallAsync(q, request.PolicyArn, cancellationToken).ConfigureAwait(false);
            return new DeletePolicyResponse { RequestId = id };
        }

        public async Task<AttachRolePolicyResponse> AttachRolePolicyAsync(AttachRolePolicyRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("AttachRolePolicy").Add("PolicyArn", request.PolicyArn).Add("RoleName", request.RoleName);
            var (_, id) = await CallAsync(q, request.RoleName, cancellationToken).ConfigureAwait(false);
            return new AttachRolePolicyResponse { RequestId = id };
        }

        public async Task<DetachRolePolicyResponse> DetachRolePolicyAsync(DetachRolePolicyRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("DetachRolePolicy").Add("PolicyArn", request.PolicyArn).Add("RoleName", request.RoleName);
            var (_, id) = await CallAsync(q, request.RoleName, cancellationToken).ConfigureAwait(false);
            return new DetachRolePolicyResponse { RequestId = id };
        }

        public async Task<ListAttachedRolePoliciesResponse> ListAttachedRolePoliciesAsync(ListAttachedRolePoliciesRequest request, CancellationToken cancellationToken = default)
        {
            var q = Paged(new IamQueryRequest("ListAttachedRolePolicies").Add("RoleName", request.RoleName).Add("PathPrefix", request.PathPrefix), request);
            var (result, id) = await CallAsync(q, request.RoleName, cancellationToken).ConfigureAwait(false);
            var response = new ListAttachedRolePoliciesResponse { AttachedPolicies = ParseAttachedPolicies(Child(result, "AttachedPolicies")), RequestId = id };
            ParsePage(result, response);
            return response;
        }

        public async Task<PutUserPolicyResponse> PutUserPolicyAsync(PutUserPolicyRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("PutUserPolicy")
                .Add("UserName", request.UserName)
                .Add("PolicyName", request.PolicyName)
                .Add("PolicyDocument", PolicyDocumentText.Compact(request.PolicyDocument));
            var (_, id) = await CallAsync(q, request.UserName, cancellationToken).ConfigureAwait(false);
            return new PutUserPolicyResponse { RequestId = id };
        }

        public async Task<GetUserPolicyResponse> GetUserPolicyAsync(GetUserPolicyRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("GetUserPolicy").Add("UserName", request.UserName).Add("PolicyName", request.PolicyName);
            var (result, id) = await CallAsync(q, request.UserName + "/" + request.PolicyName, cancellationToken).ConfigureAwait(false);
            return new GetUserPolicyResponse
            {
                UserName = Text(result, "UserName") ?? request.UserName,
                PolicyName = Text(result, "PolicyName") ?? request.PolicyName,
                PolicyDocument = PolicyDocumentText.Decode(Text(result, "PolicyDocument")),
                RequestId = id,
            };
        }

        public async Task<DeleteUserPolicyResponse> DeleteUserPolicyAsync(DeleteUserPolicyRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("DeleteUserPolicy").Add("UserName", request.UserName).Add("PolicyName", request.PolicyName);
            var (_, id) = await CallAsync(q, request.UserName + "/" + request.PolicyName, cancellationToken).ConfigureAwait(false);
            return new DeleteUserPolicyResponse { RequestId = id };
        }

        public async Task<ListUserPoliciesResponse> ListUserPoliciesAsync(ListUserPoliciesRequest request, CancellationToken cancellationToken = default)
        {
            var q = Paged(new IamQueryRequest("ListUserPolicies").Add("UserName", request.UserName), request);
            var (result, id) = await CallAsync(q, request.UserName, cancellationToken).ConfigureAwait(false);
            var response = new ListUserPoliciesResponse { PolicyNames = ParseNames(Child(result, "PolicyNames")), RequestId = id };
            ParsePage(result, response);
            return response;
        }

        public async Task<PutGroupPolicyResponse> PutGroupPolicyAsync(PutGroupPolicyRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("PutGroupPolicy")
                .Add("GroupName", request.GroupName)
                .Add("PolicyName", request.PolicyName)
                .Add("PolicyDocument", PolicyDocumentText.Compact(request.PolicyDocument));
            var (_, id) = await CallAsync(q, request.GroupName, cancellationToken).ConfigureAwait(false);
            return new PutGroupPolicyResponse { RequestId = id };
        }

        public async Task<GetGroupPolicyResponse> GetGroupPolicyAsync(GetGroupPolicyRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("GetGroupPolicy").Add("GroupName", request.GroupName).Add("PolicyName", request.PolicyName);
            var (result, id) = await CallAsync(q, request.GroupName + "/" + request.PolicyName, cancellationToken).ConfigureAwait(false);
            return new GetGroupPolicyResponse
            {
                GroupName = Text(result, "GroupName") ?? request.GroupName,
                PolicyName = Text(result, "PolicyName") ?? request.PolicyName,
                PolicyDocument = PolicyDocumentText.Decode(Text(result, "PolicyDocument")),
                RequestId = id,
            };
        }

        public async Task<DeleteGroupPolicyResponse> DeleteGroupPolicyAsync(DeleteGroupPolicyRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("DeleteGroupPolicy").Add("GroupName", request.GroupName).Add("PolicyName", request.PolicyName);
            var (_, id) = await CallAsync(q, request.GroupName + "/" + request.PolicyName, cancellationToken).ConfigureAwait(false);
            return new DeleteGroupPolicyResponse { RequestId = id };
        }

        public async Task<GetUserResponse> GetUserAsync(GetUserRequest request, CancellationToken cancellationToken = default)
        {
            var q = new IamQueryRequest("GetUser").Add("UserName", string.IsNullOrEmpty(request.UserName) ? null : request.UserName);
            var (result, id) = await CallAsync(q, request.UserName, cancellationToken).ConfigureAwait(false);
            return new GetUserResponse { User = ParseUser(Child(result, "User")), RequestId = id };
        }

        private async Task<(XElement? Result, string? RequestId)> CallAsync(IamQueryRequest request, string? target, CancellationToken cancellationToken)
        {
            try
            {
                var response = await _sdk.CallAsync(request, cancellationToken).ConfigureAwait(false);
                return (response.Result, response.ResponseMetadata?.RequestId);
            }
            catch (AmazonServiceException e)
            {
                throw IamErrorMapper.Map(e, request.Action, target);
            }
            catch (Exception e) when (e is AmazonClientException || AwsErrorMapper.IsConnectionFailure(e))
            {
                // The SDK lets a refused or reset connection through unwrapped: it gets the module's error shape, as S3 and STS calls do.
                throw IamErrorMapper.Map(e, request.Action, target);
            }
        }

        // Query list encoding: Tags.member.N.Key / Tags.member.N.Value, N from 1
        // (https://docs.aws.amazon.com/IAM/latest/APIReference/API_TagRole.html examples).
        private static void AddTags(IamQueryRequest q, List<Tag>? tags)
        {
            if (tags == null) return;
            for (var i = 0; i < tags.Count; i++)
            {
                var prefix = "Tags.member." + (i + 1).ToString(CultureInfo.InvariantCulture);
                q.Add(prefix + ".Key", tags[i].Key);
                q.Add(prefix + ".Value", tags[i].Value ?? string.Empty);
            }
        }

        private static IamQueryRequest Paged(IamQueryRequest q, IamPagedRequest paging)
            => q.Add("Marker", string.IsNullOrEmpty(paging.Marker) ? null : paging.Marker).Add("MaxItems", Int(paging.MaxItems));

        private static string? Int(int? value) => value?.ToString(CultureInfo.InvariantCulture);

        private static string? Bool(bool? value) => value.HasValue ? (value.Value ? "true" : "false") : null;
    }
}
