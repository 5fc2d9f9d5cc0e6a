using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Aws.Concurrency;
using S3CrossAccount.Aws.Iam;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Identifiers;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Merging;
using S3CrossAccount.Core.Roles;

namespace S3CrossAccount.Aws.Roles
{
    /// <summary>
    /// Seed method 3 in the bucket owner's account: create or converge a cross-account role, and
    /// remove it with everything attached. Every write is asked for through the ShouldProcess
    /// callback first, and nothing is written when IAM already holds what is asked for.
    /// </summary>
    public sealed class RoleService : IDisposable
    {
        /// <summary>
        /// Managed policies this module creates live under this IAM path, so Remove-XAccountRole can
        /// tell them from policies somebody else attached (the path is part of the policy ARN).
        /// </summary>
        public const string ManagedPolicyPath = "/s3crossaccount/";

        /// <summary>Tag put on managed policies this module creates (a second marker, visible in the console).</summary>
        public const string ManagedByTagKey = "s3crossaccount:managed-by";

        private readonly IIamClient _iam;
        private readonly bool _ownsClient;
        private readonly AwsCalls _calls;
        private readonly ConvergingWriter _writer;
        private readonly IdentityPolicyService _inline;

        /// <summary>Uses the IAM client of the resolved session.</summary>
        public RoleService(AwsSession session, Action<string>? verbose = null)
            : this(IamClients.ForSession(session), verbose, ownsClient: true, ConvergingWriter.ScopeOf(session))
        {
        }

        /// <summary>Uses the given client (another implementation of <see cref="IIamClient"/>, or a fake in tests).</summary>
        public RoleService(IIamClient iam, Action<string>? verbose = null)
            : this(iam, verbose, ownsClient: false, "iam")
        {
        }

        private RoleService(IIamClient iam, Action<string>? verbose, bool ownsClient, string scope)
        {
            _iam = iam ?? throw new ArgumentNullException(nameof(iam));
            _ownsClient = ownsClient;
            _calls = new AwsCalls(verbose);
            _writer = new ConvergingWriter(ConvergeSettings.FromEnvironment(), scope, verbose);
            _inline = new IdentityPolicyService(_iam, verbose, _writer);
        }

        /// <summary>
        /// Creates the role, or converges an existing one: the same trust and access policy mean no
        /// write at all; a different trust is merged (principals added, other statements kept) or
        /// replaced with <see cref="RoleDefinition.Force"/>. Returns null when a create was declined (-WhatIf).
        /// </summary>
        public XAccountRole? EnsureRole(RoleDefinition definition, Func<string, string, bool> shouldProcess, CancellationToken cancellationToken = default)
        {
            if (definition == null) throw new ArgumentNullException(nameof(definition));
            if (shouldProcess == null) throw new ArgumentNullException(nameof(shouldProcess));
            RoleNames.Validate(definition.RoleName);

            // The trust step holds the role's lock; the access policy step after it takes the inline policy's
            // own lock, never both at once.
            var name = definition.RoleName;
            var changes = new List<string>();
            Role? role;
            PolicyDocument trust;
            var isNew = false;
            using (_writer.Lock("role-trust", name, TrustTarget(name), cancellationToken))
            {
                role = TryGetRole(name, cancellationToken);
                if (role == null)
                {
                    try
                    {
                        role = CreateRole(definition, shouldProcess, changes, cancellationToken);
                        if (role == null) return null;
                        isNew = true;
                    }
                    catch (IamEntityAlreadyExistsException)
                    {
                        // Another machine created it between the GetRole and the CreateRole: merge into theirs.
                        _calls.Note($"Role {name} was created by another writer at the same time; merging the trust policy into it.");
                        role = TryGetRole(name, cancellationToken) ?? throw new XAccountException(ErrorCode.ConcurrentModification,
                            $"IAM said role '{name}' already exists, then that it does not: another writer is creating and deleting it.", name, "Run the command again when the other writer is done.");
                    }
                }

                trust = isNew
                    ? definition.TrustPolicy
                    : ConvergeTrust(role.RoleName.Length > 0 ? role.RoleName : name, role, definition, Arn.Parse(role.Arn).Partition, shouldProcess, changes, cancellationToken);
            }

            return isNew
                ? Finish(role, definition, trust, role.MaxSessionDuration ?? definition.MaxSessionDuration, changes, shouldProcess, cancellationToken)
                : ConvergeRole(role, definition, trust, shouldProcess, changes, cancellationToken);
        }

        private static string TrustTarget(string roleName) => $"trust policy of role {roleName}";

        /// <summary>CreateRole with the trust policy; null when declined.</summary>
        private Role? CreateRole(RoleDefinition definition, Func<string, string, bool> shouldProcess, List<string> changes, CancellationToken ct)
        {
            var name = definition.RoleName;
            _calls.Note("Trust policy to create: " + PolicyJson.Write(definition.TrustPolicy));
            if (!shouldProcess(name, "Create IAM role trusting " + string.Join(", ", definition.TrustPolicy.Principals)))
            {
                return null;
            }

            var request = new CreateRoleRequest
            {
                RoleName = name,
                AssumeRolePolicyDocument = PolicyJson.Write(definition.TrustPolicy),
                Description = definition.Description,
                MaxSessionDuration = definition.MaxSessionDuration,
                Tags = ToTags(definition.Tags),
            };
            var created = _calls.Run("IAM", "CreateRole", name, () => _iam.CreateRoleAsync(request, ct)).Role;
            changes.Add("CreateRole");
            return created;
        }

        /// <summary>After the trust step (outside its lock): session duration, tags and the access policy.</summary>
        private XAccountRole ConvergeRole(Role role, RoleDefinition definition, PolicyDocument trust, Func<string, string, bool> shouldProcess, List<string> changes, CancellationToken ct)
        {
            var name = role.RoleName.Length > 0 ? role.RoleName : definition.RoleName;
            var maxSession = role.MaxSessionDuration;
            if (definition.MaxSessionDuration.HasValue && definition.MaxSessionDuration != role.MaxSessionDuration
                && shouldProcess(role.Arn, $"Set the maximum session duration to {definition.MaxSessionDuration} s"))
            {
                _calls.Run("IAM", "UpdateRole", name, () => _iam.UpdateRoleAsync(new UpdateRoleRequest { RoleName = name, MaxSessionDuration = definition.MaxSessionDuration }, ct));
                changes.Add("UpdateRole");
                maxSession = definition.MaxSessionDuration;
            }

            ConvergeTags(name, role.Arn, definition.Tags, shouldProcess, changes, ct);
            return Finish(role, definition, trust, maxSession, changes, shouldProcess, ct, roleIsNew: false);
        }

        /// <summary>The access policy (inline or managed) and the result.</summary>
        private XAccountRole Finish(Role role, RoleDefinition definition, PolicyDocument trust, int? maxSession, List<string> changes,
            Func<string, string, bool> shouldProcess, CancellationToken ct, bool roleIsNew = true)
        {
            var name = role.RoleName.Length > 0 ? role.RoleName : definition.RoleName;
            var arn = Arn.Parse(role.Arn);
            PolicyDocument? access = null;
            string? managedArn = null;
            if (definition.AccessPolicy != null)
            {
                if (definition.UseManagedPolicy)
                {
                    var attached = !roleIsNew && FindAttached(name, ManagedPolicyArn(arn, definition.AccessPolicyName), ct) != null;
                    (managedArn, access) = EnsureManagedPolicy(name, arn, definition, attached, shouldProcess, changes, ct);
                }
                else
                {
                    access = EnsureInlinePolicy(name, definition, arn.Partition, roleIsNew, shouldProcess, changes, ct);
                }
            }

            return new XAccountRole(name, role.Arn, arn.Account, trust, access,
                definition.AccessPolicy == null ? null : definition.AccessPolicyName, managedArn, maxSession, changes);
        }

        private PolicyDocument ConvergeTrust(string name, Role role, RoleDefinition definition, string partition, Func<string, string, bool> shouldProcess, List<string> changes, CancellationToken ct)
        {
            var current = role.AssumeRolePolicyDocument == null ? null : PolicyJson.Parse(role.AssumeRolePolicyDocument);
            if (current != null && RolePolicyMerge.Same(current, definition.TrustPolicy, partition))
            {
                _calls.Note($"Trust policy of {name} already matches; not changed.");
                return current;
            }

            var wanted = current == null || definition.Force
                ? definition.TrustPolicy
                : RolePolicyMerge.MergeTrust(current, definition.TrustPolicy, partition);
            if (current != null && RolePolicyMerge.Same(current, wanted, partition))
            {
                _calls.Note($"Trust policy of {name} already trusts every principal asked for; not changed (use -Force to replace it).");
                return current;
            }

            _calls.Note("Trust policy to write: " + PolicyJson.Write(wanted));
            if (!shouldProcess(role.Arn, definition.Force ? "Replace the trust policy" : "Merge principals into the trust policy"))
            {
                return current ?? wanted;
            }

            WriteTrust(name, wanted, ct);
            changes.Add("UpdateAssumeRolePolicy");
            var edit = PolicyChange.Between(current, wanted,
                merge: (now, added) => now == null ? added : RolePolicyMerge.MergeTrust(now, added, partition),
                normalize: p => RolePolicyMerge.NormalizeAccountPrincipals(p, partition));
            return _writer.Converge(new TargetChange<PolicyDocument>
            {
                Target = TrustTarget(name),
                Read = c => ReadTrust(name, c),
                Holds = edit.HoldsIn,
                ApplyTo = edit.ApplyTo,
                Write = (now, c) => WriteTrust(name, now ?? wanted, c),
                Missing = now => string.Join("; ", edit.MissingIn(now)),
                WrittenButUnverified = ex => new XAccountException(ErrorCode.VerificationFailed,
                    $"The new trust policy of role {name} was written and is already in place, but reading it back to verify failed: {ex.Message} "
                    + (current == null ? "The role had no trust policy before." : $"The previous trust policy was: {PolicyJson.Write(current)} To restore it, run: New-XAccountRole -RoleName '{name}' -Force with the principals it named."),
                    name, "Run the same command again once IAM answers (it changes nothing if the trust policy is complete) to finish verifying.", ex),
            }, ct) ?? wanted;
        }

        private void WriteTrust(string name, PolicyDocument trust, CancellationToken ct) =>
            _calls.Run("IAM", "UpdateAssumeRolePolicy", name, () => _iam.UpdateAssumeRolePolicyAsync(new UpdateAssumeRolePolicyRequest { RoleName = name, PolicyDocument = PolicyJson.Write(trust) }, ct));

        private PolicyDocument? ReadTrust(string name, CancellationToken ct)
        {
            var text = TryGetRole(name, ct)?.AssumeRolePolicyDocument;
            return string.IsNullOrEmpty(text) ? null : PolicyJson.Parse(text!);
        }

        private void ConvergeTags(string name, string roleArn, IDictionary<string, string>? tags, Func<string, string, bool> shouldProcess, List<string> changes, CancellationToken ct)
        {
            if (tags == null || tags.Count == 0) return;
            var current = _calls.Run("IAM", "ListRoleTags", name, () => _iam.ListAllRoleTagsAsync(name, ct));
            var missing = tags.Where(t => !current.Any(c => c.Key == t.Key && c.Value == t.Value)).ToList();
            if (missing.Count == 0) return;
            if (!shouldProcess(roleArn, "Tag the role with " + string.Join(", ", missing.Select(t => t.Key)))) return;
            _calls.Run("IAM", "TagRole", name, () => _iam.TagRoleAsync(new TagRoleRequest { RoleName = name, Tags = missing.Select(t => new Tag(t.Key, t.Value)).ToList() }, ct));
            changes.Add("TagRole");
        }

        /// <summary>Puts the inline access policy when it is missing or differs; returns the policy as it now is.</summary>
        private PolicyDocument? EnsureInlinePolicy(string roleName, RoleDefinition definition, string partition, bool roleIsNew,
            Func<string, string, bool> shouldProcess, List<string> changes, CancellationToken ct)
        {
            var policyName = definition.AccessPolicyName;
            using (_inline.Lock(IamIdentityType.Role, roleName, policyName, ct))
            {
                var existing = roleIsNew ? null : _inline.Read(IamIdentityType.Role, roleName, policyName, ct);
                var wanted = Converge(existing, definition.AccessPolicy!, definition.Force, partition);
                if (wanted == null)
                {
                    _calls.Note($"Inline policy {policyName} of {roleName} already allows what is asked for; not changed.");
                    return existing;
                }

                _calls.Note($"Inline policy {policyName} to write: " + PolicyJson.Write(wanted));
                if (!shouldProcess(roleName, $"Put inline access policy {policyName}"))
                {
                    return existing;
                }

                var now = _inline.WriteConverged(IamIdentityType.Role, roleName, policyName, existing, wanted, ct);
                changes.Add("PutRolePolicy");
                return now ?? wanted;
            }
        }

        /// <summary>
        /// Creates the module's managed policy (or a new default version when it differs) and attaches
        /// it; returns its ARN and the policy as it now is.
        /// </summary>
        private (string Arn, PolicyDocument? Policy) EnsureManagedPolicy(string roleName, Arn roleArn, RoleDefinition definition, bool attached,
            Func<string, string, bool> shouldProcess, List<string> changes, CancellationToken ct)
        {
            var policyArn = ManagedPolicyArn(roleArn, definition.AccessPolicyName);
            var desired = definition.AccessPolicy!;
            PolicyDocument? result = desired;
            var existing = TryGetManagedPolicyDocument(policyArn, ct);
            if (existing == null)
            {
                _calls.Note($"Managed policy {policyArn} to create: " + PolicyJson.Write(desired));
                if (!shouldProcess(policyArn, "Create managed access policy"))
                {
                    return (policyArn, null);
                }

                var created = _calls.Run("IAM", "CreatePolicy", policyArn, () => _iam.CreatePolicyAsync(new CreatePolicyRequest
                {
                    PolicyName = definition.AccessPolicyName,
                    Path = ManagedPolicyPath,
                    PolicyDocument = PolicyJson.Write(desired),
                    Description = "Access policy of role " + roleName + " (created by S3CrossAccount)",
                    Tags = new List<Tag> { new Tag(ManagedByTagKey, "S3CrossAccount") },
                }, ct));
                changes.Add("CreatePolicy");
                if (!string.IsNullOrEmpty(created.Policy.Arn)) policyArn = created.Policy.Arn;
            }
            else
            {
                var wanted = Converge(existing, desired, definition.Force, roleArn.Partition);
                result = existing;
                if (wanted != null && shouldProcess(policyArn, "Create a new default version of the managed access policy"))
                {
                    _calls.Note($"Managed policy {policyArn} new version: " + PolicyJson.Write(wanted));
                    _calls.Run("IAM", "CreatePolicyVersion", policyArn, () => _iam.CreatePolicyVersionPruningOldestAsync(
                        new CreatePolicyVersionRequest { PolicyArn = policyArn, PolicyDocument = PolicyJson.Write(wanted), SetAsDefault = true },
                        pruned => _calls.Note($"IAM DeletePolicyVersion {policyArn} {pruned} (the oldest, to stay within five versions)"), ct));
                    changes.Add("CreatePolicyVersion");
                    result = wanted;
                }
            }

            if (!attached && shouldProcess(roleName, "Attach managed access policy " + policyArn))
            {
                _calls.Run("IAM", "AttachRolePolicy", $"{roleName} {policyArn}", () => _iam.AttachRolePolicyAsync(new AttachRolePolicyRequest { RoleName = roleName, PolicyArn = policyArn }, ct));
                changes.Add("AttachRolePolicy");
            }

            return (policyArn, result);
        }

        /// <summary>
        /// Removes the role: deletes its inline policies, detaches its managed policies (deleting
        /// those this module created, when nothing else uses them), then deletes the role.
        /// Returns false when the role did not exist or the removal was declined. A role that is already
        /// gone is what the caller wanted, so a clean-up can be run again: it is a Verbose note, not an error.
        /// </summary>
        public bool RemoveRole(string roleName, Func<string, string, bool> shouldProcess, CancellationToken cancellationToken = default)
        {
            RoleNames.Validate(roleName);
            var role = TryGetRole(roleName, cancellationToken);
            if (role == null)
            {
                _calls.Note($"The role '{roleName}' does not exist in this account; nothing to remove.");
                return false;
            }

            if (!shouldProcess(role.Arn, "Delete the role with its inline policies and detach its managed policies"))
            {
                return false;
            }

            var ct = cancellationToken;
            foreach (var policyName in _calls.Run("IAM", "ListRolePolicies", roleName, () => _iam.ListAllRolePolicyNamesAsync(roleName, ct)))
            {
                _calls.Run("IAM", "DeleteRolePolicy", $"{roleName}/{policyName}", () => _iam.DeleteRolePolicyAsync(new DeleteRolePolicyRequest { RoleName = roleName, PolicyName = policyName }, ct));
            }

            foreach (var attached in ListAttached(roleName, ct))
            {
                _calls.Run("IAM", "DetachRolePolicy", $"{roleName} {attached.PolicyArn}", () => _iam.DetachRolePolicyAsync(new DetachRolePolicyRequest { RoleName = roleName, PolicyArn = attached.PolicyArn }, ct));
                if (IsModuleManaged(attached.PolicyArn))
                {
                    DeleteManagedPolicyIfUnused(attached.PolicyArn, ct);
                }
            }

            try
            {
                _calls.Run("IAM", "DeleteRole", roleName, () => _iam.DeleteRoleAsync(new DeleteRoleRequest { RoleName = roleName }, ct));
            }
            catch (IamNoSuchEntityException)
            {
                // Another clean-up deleted it between our GetRole and DeleteRole: the outcome is the one asked for.
                _calls.Note($"The role '{roleName}' was deleted meanwhile by someone else; nothing left to remove.");
            }

            return true;
        }

        /// <summary>The role's ARN, or null when the role does not exist (one IAM GetRole).</summary>
        public string? FindRoleArn(string roleName, CancellationToken cancellationToken = default)
        {
            RoleNames.Validate(roleName);
            return TryGetRole(roleName, cancellationToken)?.Arn;
        }

        /// <summary>True for a policy ARN under <see cref="ManagedPolicyPath"/> (arn:aws:iam::111122223333:policy/s3crossaccount/Name).</summary>
        public static bool IsModuleManaged(string policyArn) =>
            policyArn.IndexOf(":policy" + ManagedPolicyPath, StringComparison.Ordinal) > 0;

        private void DeleteManagedPolicyIfUnused(string policyArn, CancellationToken ct)
        {
            var policy = _calls.Run("IAM", "GetPolicy", policyArn, () => _iam.GetPolicyAsync(new GetPolicyRequest { PolicyArn = policyArn }, ct)).Policy;
            if (policy.AttachmentCount > 0)
            {
                _calls.Note($"Managed policy {policyArn} is still attached to {policy.AttachmentCount} other identities; kept.");
                return;
            }

            foreach (var version in _calls.Run("IAM", "ListPolicyVersions", policyArn, () => _iam.ListAllPolicyVersionsAsync(policyArn, ct)).Where(v => !v.IsDefaultVersion))
            {
                _calls.Run("IAM", "DeletePolicyVersion", $"{policyArn} {version.VersionId}", () => _iam.DeletePolicyVersionAsync(new DeletePolicyVersionRequest { PolicyArn = policyArn, VersionId = version.VersionId }, ct));
            }

            _calls.Run("IAM", "DeletePolicy", policyArn, () => _iam.DeletePolicyAsync(new DeletePolicyRequest { PolicyArn = policyArn }, ct));
        }

        /// <summary>The policy to write, or null when <paramref name="existing"/> already holds <paramref name="desired"/>.</summary>
        /// <remarks>
        /// The merge is the policy core's (<see cref="PolicyMerger"/>): a statement already in effect is
        /// not added again, one of ours with the same key gains the new actions, anything else is
        /// appended under a module Sid; foreign statements are never changed.
        /// </remarks>
        internal static PolicyDocument? Converge(PolicyDocument? existing, PolicyDocument desired, bool replace, string partition)
        {
            if (existing == null) return desired;
            if (RolePolicyMerge.Same(existing, desired, partition)) return null;
            var wanted = replace ? desired : PolicyMerger.Merge(existing, desired);
            return RolePolicyMerge.Same(existing, wanted, partition) ? null : wanted;
        }

        internal static string ManagedPolicyArn(Arn roleArn, string policyName) =>
            $"arn:{roleArn.Partition}:iam::{roleArn.Account}:policy{ManagedPolicyPath}{policyName}";

        /// <summary>Every role of the account with its trust policy (ListRoles carries it; no GetRole per role).</summary>
        public IReadOnlyList<(string RoleName, string RoleArn, PolicyDocument TrustPolicy)> ListRolesWithTrust(CancellationToken cancellationToken = default)
        {
            List<Role> roles;
            try
            {
                roles = _calls.Run("IAM", "ListRoles", "/", () => _iam.ListAllRolesAsync(cancellationToken));
            }
            catch (IamNoSuchEntityException)
            {
                // AWS answers an account without roles with an empty list; radosgw answers NoSuchEntity. Either way:
                // no role, so a report after a clean-up that deleted the last role still runs.
                _calls.Note("ListRoles answered NoSuchEntity: the account has no roles.");
                return Array.Empty<(string, string, PolicyDocument)>();
            }

            return roles
                .Where(r => !string.IsNullOrEmpty(r.AssumeRolePolicyDocument))
                .Select(r => (r.RoleName, r.Arn, PolicyJson.Parse(r.AssumeRolePolicyDocument!)))
                .ToList();
        }

        /// <summary>The role's permission policies: each inline policy and the default version of each attached managed policy.</summary>
        public IReadOnlyList<PolicyDocument> ReadPermissionPolicies(string roleName, CancellationToken cancellationToken = default)
        {
            var policies = new List<PolicyDocument>();
            foreach (var name in _calls.Run("IAM", "ListRolePolicies", roleName, () => _iam.ListAllRolePolicyNamesAsync(roleName, cancellationToken)))
            {
                var inline = TryGetRolePolicy(roleName, name, cancellationToken);
                if (inline != null)
                {
                    policies.Add(inline);
                }
            }

            foreach (var attached in ListAttached(roleName, cancellationToken))
            {
                var managed = TryGetManagedPolicyDocument(attached.PolicyArn, cancellationToken);
                if (managed != null)
                {
                    policies.Add(managed);
                }
            }

            return policies;
        }

        private Role? TryGetRole(string roleName, CancellationToken ct)
        {
            try
            {
                return _calls.Run("IAM", "GetRole", roleName, () => _iam.GetRoleAsync(new GetRoleRequest { RoleName = roleName }, ct)).Role;
            }
            catch (IamNoSuchEntityException)
            {
                return null;
            }
        }

        private PolicyDocument? TryGetRolePolicy(string roleName, string policyName, CancellationToken ct)
        {
            try
            {
                var text = _calls.Run("IAM", "GetRolePolicy", $"{roleName}/{policyName}", () => _iam.GetRolePolicyAsync(new GetRolePolicyRequest { RoleName = roleName, PolicyName = policyName }, ct)).PolicyDocument;
                return PolicyJson.Parse(text);
            }
            catch (IamNoSuchEntityException)
            {
                return null;
            }
        }

        private PolicyDocument? TryGetManagedPolicyDocument(string policyArn, CancellationToken ct)
        {
            try
            {
                var policy = _calls.Run("IAM", "GetPolicy", policyArn, () => _iam.GetPolicyAsync(new GetPolicyRequest { PolicyArn = policyArn }, ct)).Policy;
                var version = _calls.Run("IAM", "GetPolicyVersion", $"{policyArn} {policy.DefaultVersionId}", () => _iam.GetPolicyVersionAsync(new GetPolicyVersionRequest { PolicyArn = policyArn, VersionId = policy.DefaultVersionId }, ct)).PolicyVersion;
                return version.Document == null ? null : PolicyJson.Parse(version.Document);
            }
            catch (IamNoSuchEntityException)
            {
                return null;
            }
        }

        private AttachedPolicy? FindAttached(string roleName, string policyArn, CancellationToken ct) =>
            ListAttached(roleName, ct).FirstOrDefault(p => string.Equals(p.PolicyArn, policyArn, StringComparison.Ordinal));

        private List<AttachedPolicy> ListAttached(string roleName, CancellationToken ct)
        {
            try
            {
                return _calls.Run("IAM", "ListAttachedRolePolicies", roleName, () => _iam.ListAllAttachedRolePoliciesAsync(roleName, ct));
            }
            catch (IamOperationNotSupportedException)
            {
                // An endpoint without managed policies (radosgw) cannot have any attached.
                _calls.Note("The endpoint does not support managed policies; none can be attached to " + roleName + ".");
                return new List<AttachedPolicy>();
            }
        }

        private static List<Tag> ToTags(IDictionary<string, string>? tags) =>
            tags == null ? new List<Tag>() : tags.Select(t => new Tag(t.Key, t.Value)).ToList();

        public void Dispose()
        {
            if (_ownsClient) _iam.Dispose();
        }
    }
}
