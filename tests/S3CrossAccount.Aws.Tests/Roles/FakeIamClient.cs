using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using S3CrossAccount.Aws.Iam;

namespace S3CrossAccount.Aws.Tests.Roles
{
    /// <summary>
    /// An in-memory IAM account (roles, inline and managed policies, tags) that records every call,
    /// so tests can assert exactly which operations were made. Errors are the typed IAM exceptions.
    /// </summary>
    internal sealed class FakeIamClient : IIamClient
    {
        internal const string Account = "111122223333";

        internal readonly Dictionary<string, Role> Roles = new Dictionary<string, Role>();
        internal readonly Dictionary<(string Role, string Policy), string> RolePolicies = new Dictionary<(string, string), string>();
        internal readonly Dictionary<(string User, string Policy), string> UserPolicies = new Dictionary<(string, string), string>();
        internal readonly Dictionary<(string Group, string Policy), string> GroupPolicies = new Dictionary<(string, string), string>();
        internal readonly Dictionary<string, (ManagedPolicy Policy, List<PolicyVersion> Versions)> Managed = new Dictionary<string, (ManagedPolicy, List<PolicyVersion>)>();
        internal readonly Dictionary<string, List<string>> Attached = new Dictionary<string, List<string>>();
        internal readonly List<string> Calls = new List<string>();

        internal bool ManagedPoliciesUnsupported { get; set; }

        /// <summary>Write operations made (everything that is not Get*/List*).</summary>
        internal IReadOnlyList<string> Writes => Calls.Where(c => !c.StartsWith("Get", StringComparison.Ordinal) && !c.StartsWith("List", StringComparison.Ordinal)).ToList();

        internal static string RoleArn(string name) => $"arn:aws:iam::{Account}:role/{name}";

        internal void AddRole(string name, string trust, int? maxSession = 3600) =>
            Roles[name] = new Role { RoleName = name, Arn = RoleArn(name), AssumeRolePolicyDocument = trust, MaxSessionDuration = maxSession };

        /// <summary>Runs after each call with its operation name: another writer's write landing right after this one.</summary>
        public Action<string>? AfterCall { get; set; }

        private Task<T> Done<T>(string op, T value)
        {
            Calls.Add(op);
            AfterCall?.Invoke(op);
            return Task.FromResult(value);
        }

        private static IamNoSuchEntityException NoSuch(string what) => new IamNoSuchEntityException(what + " not found", "NoSuchEntity", "req", 404);

        private Role RoleOrThrow(string name) => Roles.TryGetValue(name, out var r) ? r : throw NoSuch("role " + name);

        private void RequireManaged(string op)
        {
            if (ManagedPoliciesUnsupported)
            {
                Calls.Add(op);
                throw new IamOperationNotSupportedException(op + " is not supported", "MethodNotAllowed", "req", 405);
            }
        }

        public Task<CreateRoleResponse> CreateRoleAsync(CreateRoleRequest request, CancellationToken cancellationToken = default)
        {
            if (Roles.ContainsKey(request.RoleName)) throw new IamEntityAlreadyExistsException("exists", "EntityAlreadyExists", "req", 409);
            var role = new Role { RoleName = request.RoleName, Arn = RoleArn(request.RoleName), AssumeRolePolicyDocument = request.AssumeRolePolicyDocument, MaxSessionDuration = request.MaxSessionDuration ?? 3600, Tags = request.Tags.ToList() };
            Roles[request.RoleName] = role;
            return Done("CreateRole", new CreateRoleResponse { Role = role });
        }

        public Task<GetRoleResponse> GetRoleAsync(GetRoleRequest request, CancellationToken cancellationToken = default)
        {
            Calls.Add("GetRole");
            return Task.FromResult(new GetRoleResponse { Role = RoleOrThrow(request.RoleName) });
        }

        public Task<UpdateAssumeRolePolicyResponse> UpdateAssumeRolePolicyAsync(UpdateAssumeRolePolicyRequest request, CancellationToken cancellationToken = default)
        {
            RoleOrThrow(request.RoleName).AssumeRolePolicyDocument = request.PolicyDocument;
            return Done("UpdateAssumeRolePolicy", new UpdateAssumeRolePolicyResponse());
        }

        public Task<UpdateRoleResponse> UpdateRoleAsync(UpdateRoleRequest request, CancellationToken cancellationToken = default)
        {
            RoleOrThrow(request.RoleName).MaxSessionDuration = request.MaxSessionDuration;
            return Done("UpdateRole", new UpdateRoleResponse());
        }

        public Task<DeleteRoleResponse> DeleteRoleAsync(DeleteRoleRequest request, CancellationToken cancellationToken = default)
        {
            RoleOrThrow(request.RoleName);
            if (RolePolicies.Keys.Any(k => k.Role == request.RoleName) || (Attached.TryGetValue(request.RoleName, out var a) && a.Count > 0))
            {
                Calls.Add("DeleteRole");
                throw new IamDeleteConflictException("policies remain", "DeleteConflict", "req", 409);
            }

            Roles.Remove(request.RoleName);
            return Done("DeleteRole", new DeleteRoleResponse());
        }

        public Task<TagRoleResponse> TagRoleAsync(TagRoleRequest request, CancellationToken cancellationToken = default)
        {
            var role = RoleOrThrow(request.RoleName);
            foreach (var t in request.Tags)
            {
                role.Tags.RemoveAll(x => x.Key == t.Key);
                role.Tags.Add(t);
            }

            return Done("TagRole", new TagRoleResponse());
        }

        public Task<ListRoleTagsResponse> ListRoleTagsAsync(ListRoleTagsRequest request, CancellationToken cancellationToken = default) =>
            Done("ListRoleTags", new ListRoleTagsResponse { Tags = RoleOrThrow(request.RoleName).Tags.ToList() });

        public Task<PutRolePolicyResponse> PutRolePolicyAsync(PutRolePolicyRequest request, CancellationToken cancellationToken = default)
        {
            RoleOrThrow(request.RoleName);
            RolePolicies[(request.RoleName, request.PolicyName)] = request.PolicyDocument;
            return Done("PutRolePolicy", new PutRolePolicyResponse());
        }

        public Task<GetRolePolicyResponse> GetRolePolicyAsync(GetRolePolicyRequest request, CancellationToken cancellationToken = default)
        {
            Calls.Add("GetRolePolicy");
            return RolePolicies.TryGetValue((request.RoleName, request.PolicyName), out var doc)
                ? Task.FromResult(new GetRolePolicyResponse { RoleName = request.RoleName, PolicyName = request.PolicyName, PolicyDocument = doc })
                : throw NoSuch("policy " + request.PolicyName);
        }

        /// <summary>radosgw's answer for an account without roles (AWS returns an empty list).</summary>
        public bool NoRolesIsNoSuchEntity { get; set; }

        public Task<ListRolesResponse> ListRolesAsync(ListRolesRequest request, CancellationToken cancellationToken = default) =>
            NoRolesIsNoSuchEntity && Roles.Count == 0
                ? throw NoSuch("roles")
                : Done("ListRoles", new ListRolesResponse { Roles = Roles.Values.ToList() });

        public Task<ListRolePoliciesResponse> ListRolePoliciesAsync(ListRolePoliciesRequest request, CancellationToken cancellationToken = default) =>
            Done("ListRolePolicies", new ListRolePoliciesResponse { PolicyNames = RolePolicies.Keys.Where(k => k.Role == request.RoleName).Select(k => k.Policy).ToList() });

        public Task<DeleteRolePolicyResponse> DeleteRolePolicyAsync(DeleteRolePolicyRequest request, CancellationToken cancellationToken = default)
        {
            if (!RolePolicies.Remove((request.RoleName, request.PolicyName))) throw NoSuch("policy " + request.PolicyName);
            return Done("DeleteRolePolicy", new DeleteRolePolicyResponse());
        }

        public Task<CreatePolicyResponse> CreatePolicyAsync(CreatePolicyRequest request, CancellationToken cancellationToken = default)
        {
            RequireManaged("CreatePolicy");
            var arn = $"arn:aws:iam::{Account}:policy{request.Path ?? "/"}{request.PolicyName}";
            if (Managed.ContainsKey(arn)) throw new IamEntityAlreadyExistsException("exists", "EntityAlreadyExists", "req", 409);
            var policy = new ManagedPolicy { Arn = arn, PolicyName = request.PolicyName, Path = request.Path ?? "/", DefaultVersionId = "v1", Tags = request.Tags.ToList() };
            Managed[arn] = (policy, new List<PolicyVersion> { new PolicyVersion { VersionId = "v1", IsDefaultVersion = true, Document = request.PolicyDocument } });
            return Done("CreatePolicy", new CreatePolicyResponse { Policy = policy });
        }

        public Task<GetPolicyResponse> GetPolicyAsync(GetPolicyRequest request, CancellationToken cancellationToken = default)
        {
            RequireManaged("GetPolicy");
            Calls.Add("GetPolicy");
            if (!Managed.TryGetValue(request.PolicyArn, out var m)) throw NoSuch("policy " + request.PolicyArn);
            m.Policy.AttachmentCount = Attached.Values.Count(l => l.Contains(request.PolicyArn));
            return Task.FromResult(new GetPolicyResponse { Policy = m.Policy });
        }

        public Task<GetPolicyVersionResponse> GetPolicyVersionAsync(GetPolicyVersionRequest request, CancellationToken cancellationToken = default)
        {
            Calls.Add("GetPolicyVersion");
            var version = Managed[request.PolicyArn].Versions.FirstOrDefault(v => v.VersionId == request.VersionId) ?? throw NoSuch("version");
            return Task.FromResult(new GetPolicyVersionResponse { PolicyVersion = version });
        }

        public Task<ListPolicyVersionsResponse> ListPolicyVersionsAsync(ListPolicyVersionsRequest request, CancellationToken cancellationToken = default) =>
            Done("ListPolicyVersions", new ListPolicyVersionsResponse { Versions = Managed[request.PolicyArn].Versions.Select(v => new PolicyVersion { VersionId = v.VersionId, IsDefaultVersion = v.IsDefaultVersion }).ToList() });

        public Task<CreatePolicyVersionResponse> CreatePolicyVersionAsync(CreatePolicyVersionRequest request, CancellationToken cancellationToken = default)
        {
            var m = Managed[request.PolicyArn];
            var id = "v" + (m.Versions.Count + 1);
            if (request.SetAsDefault == true)
            {
                m.Versions.ForEach(v => v.IsDefaultVersion = false);
                m.Policy.DefaultVersionId = id;
            }

            var version = new PolicyVersion { VersionId = id, IsDefaultVersion = request.SetAsDefault == true, Document = request.PolicyDocument };
            m.Versions.Add(version);
            return Done("CreatePolicyVersion", new CreatePolicyVersionResponse { PolicyVersion = version });
        }

        public Task<DeletePolicyVersionResponse> DeletePolicyVersionAsync(DeletePolicyVersionRequest request, CancellationToken cancellationToken = default)
        {
            Managed[request.PolicyArn].Versions.RemoveAll(v => v.VersionId == request.VersionId);
            return Done("DeletePolicyVersion", new DeletePolicyVersionResponse());
        }

        public Task<DeletePolicyResponse> DeletePolicyAsync(DeletePolicyRequest request, CancellationToken cancellationToken = default)
        {
            Managed.Remove(request.PolicyArn);
            return Done("DeletePolicy", new DeletePolicyResponse());
        }

        public Task<AttachRolePolicyResponse> AttachRolePolicyAsync(AttachRolePolicyRequest request, CancellationToken cancellationToken = default)
        {
            RequireManaged("AttachRolePolicy");
            if (!Attached.TryGetValue(request.RoleName, out var list)) Attached[request.RoleName] = list = new List<string>();
            if (!list.Contains(request.PolicyArn)) list.Add(request.PolicyArn);
            return Done("AttachRolePolicy", new AttachRolePolicyResponse());
        }

        public Task<DetachRolePolicyResponse> DetachRolePolicyAsync(DetachRolePolicyRequest request, CancellationToken cancellationToken = default)
        {
            Attached[request.RoleName].Remove(request.PolicyArn);
            return Done("DetachRolePolicy", new DetachRolePolicyResponse());
        }

        public Task<ListAttachedRolePoliciesResponse> ListAttachedRolePoliciesAsync(ListAttachedRolePoliciesRequest request, CancellationToken cancellationToken = default)
        {
            RequireManaged("ListAttachedRolePolicies");
            var list = Attached.TryGetValue(request.RoleName, out var l) ? l : new List<string>();
            return Done("ListAttachedRolePolicies", new ListAttachedRolePoliciesResponse
            {
                AttachedPolicies = list.Select(a => new AttachedPolicy { PolicyArn = a, PolicyName = a.Substring(a.LastIndexOf('/') + 1) }).ToList(),
            });
        }

        public Task<PutUserPolicyResponse> PutUserPolicyAsync(PutUserPolicyRequest request, CancellationToken cancellationToken = default)
        {
            UserPolicies[(request.UserName, request.PolicyName)] = request.PolicyDocument;
            return Done("PutUserPolicy", new PutUserPolicyResponse());
        }

        public Task<GetUserPolicyResponse> GetUserPolicyAsync(GetUserPolicyRequest request, CancellationToken cancellationToken = default)
        {
            Calls.Add("GetUserPolicy");
            return UserPolicies.TryGetValue((request.UserName, request.PolicyName), out var doc)
                ? Task.FromResult(new GetUserPolicyResponse { UserName = request.UserName, PolicyName = request.PolicyName, PolicyDocument = doc })
                : throw NoSuch("policy " + request.PolicyName);
        }

        public Task<DeleteUserPolicyResponse> DeleteUserPolicyAsync(DeleteUserPolicyRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ListUserPoliciesResponse> ListUserPoliciesAsync(ListUserPoliciesRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<PutGroupPolicyResponse> PutGroupPolicyAsync(PutGroupPolicyRequest request, CancellationToken cancellationToken = default)
        {
            GroupPolicies[(request.GroupName, request.PolicyName)] = request.PolicyDocument;
            return Done("PutGroupPolicy", new PutGroupPolicyResponse());
        }

        public Task<GetGroupPolicyResponse> GetGroupPolicyAsync(GetGroupPolicyRequest request, CancellationToken cancellationToken = default)
        {
            Calls.Add("GetGroupPolicy");
            return GroupPolicies.TryGetValue((request.GroupName, request.PolicyName), out var doc)
                ? Task.FromResult(new GetGroupPolicyResponse { GroupName = request.GroupName, PolicyName = request.PolicyName, PolicyDocument = doc })
                : throw NoSuch("policy " + request.PolicyName);
        }

        public Task<DeleteGroupPolicyResponse> DeleteGroupPolicyAsync(DeleteGroupPolicyRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<GetUserResponse> GetUserAsync(GetUserRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }
}
