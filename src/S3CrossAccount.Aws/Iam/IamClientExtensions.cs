using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace S3CrossAccount.Aws.Iam
{
    /// <summary>
    /// Compositions over <see cref="IIamClient"/> that work with any implementation: whole-list
    /// reads that follow Marker while IsTruncated, and CreatePolicyVersion at the five-version limit.
    /// </summary>
    public static class IamClientExtensions
    {
        /// <summary>IAM keeps at most five versions of a managed policy
        /// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicyVersion.html).</summary>
        public const int MaxPolicyVersions = 5;

        /// <summary>All inline policy names of a role (every page).</summary>
        public static Task<List<string>> ListAllRolePolicyNamesAsync(this IIamClient client, string roleName, CancellationToken cancellationToken = default)
            => CollectAsync(marker => client.ListRolePoliciesAsync(new ListRolePoliciesRequest { RoleName = roleName, Marker = marker }, cancellationToken), r => r.PolicyNames);

        /// <summary>All roles of the account (every page).</summary>
        public static Task<List<Role>> ListAllRolesAsync(this IIamClient client, CancellationToken cancellationToken = default)
            => CollectAsync(marker => client.ListRolesAsync(new ListRolesRequest { Marker = marker }, cancellationToken), r => r.Roles);

        /// <summary>All inline policy names of a user (every page).</summary>
        public static Task<List<string>> ListAllUserPolicyNamesAsync(this IIamClient client, string userName, CancellationToken cancellationToken = default)
            => CollectAsync(marker => client.ListUserPoliciesAsync(new ListUserPoliciesRequest { UserName = userName, Marker = marker }, cancellationToken), r => r.PolicyNames);

        /// <summary>All managed policies attached to a role (every page).</summary>
        public static Task<List<AttachedPolicy>> ListAllAttachedRolePoliciesAsync(this IIamClient client, string roleName, CancellationToken cancellationToken = default)
            => CollectAsync(marker => client.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest { RoleName = roleName, Marker = marker }, cancellationToken), r => r.AttachedPolicies);

        /// <summary>All tags of a role (every page).</summary>
        public static Task<List<Tag>> ListAllRoleTagsAsync(this IIamClient client, string roleName, CancellationToken cancellationToken = default)
            => CollectAsync(marker => client.ListRoleTagsAsync(new ListRoleTagsRequest { RoleName = roleName, Marker = marker }, cancellationToken), r => r.Tags);

        /// <summary>All versions of a managed policy (every page).</summary>
        public static Task<List<PolicyVersion>> ListAllPolicyVersionsAsync(this IIamClient client, string policyArn, CancellationToken cancellationToken = default)
            => CollectAsync(marker => client.ListPolicyVersionsAsync(new ListPolicyVersionsRequest { PolicyArn = policyArn, Marker = marker }, cancellationToken), r => r.Versions);

        /// <summary>
        /// CreatePolicyVersion that makes room first: when the policy already has five versions,
        /// the oldest non-default version is deleted (IAM refuses a sixth with LimitExceeded and
        /// never lets the default version be deleted). Returns the created version and, if one was
        /// deleted, its id in <paramref name="onPruned"/>.
        /// </summary>
        public static async Task<CreatePolicyVersionResponse> CreatePolicyVersionPruningOldestAsync(this IIamClient client,
            CreatePolicyVersionRequest request, Action<string>? onPruned = null, CancellationToken cancellationToken = default)
        {
            if (client == null) throw new ArgumentNullException(nameof(client));
            if (request == null) throw new ArgumentNullException(nameof(request));

            var versions = await client.ListAllPolicyVersionsAsync(request.PolicyArn, cancellationToken).ConfigureAwait(false);
            if (versions.Count >= MaxPolicyVersions)
            {
                var oldest = versions
                    .Where(v => !v.IsDefaultVersion)
                    .OrderBy(v => v.CreateDate)
                    .ThenBy(v => VersionNumber(v.VersionId))
                    .FirstOrDefault();
                if (oldest != null)
                {
                    await client.DeletePolicyVersionAsync(new DeletePolicyVersionRequest { PolicyArn = request.PolicyArn, VersionId = oldest.VersionId }, cancellationToken).ConfigureAwait(false);
                    onPruned?.Invoke(oldest.VersionId);
                }
            }
            return await client.CreatePolicyVersionAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // "v3" -> 3, so equal timestamps still order by version.
        private static int VersionNumber(string versionId)
            => versionId.Length > 1 && int.TryParse(versionId.Substring(1), out var n) ? n : int.MaxValue;

        private static async Task<List<T>> CollectAsync<TPage, T>(Func<string?, Task<TPage>> fetch, Func<TPage, IEnumerable<T>> items)
            where TPage : IamPagedResponse
        {
            var all = new List<T>();
            string? marker = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            do
            {
                var page = await fetch(marker).ConfigureAwait(false);
                all.AddRange(items(page));
                marker = page.IsTruncated ? page.Marker : null;
                // A server that repeats a marker would loop forever; stop instead.
                if (marker != null && !seen.Add(marker)) break;
            }
            while (!string.IsNullOrEmpty(marker));
            return all;
        }
    }
}
