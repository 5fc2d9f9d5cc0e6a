using System;
using System.Threading;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Aws.Iam;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Merging;
using S3CrossAccount.Core.Roles;

namespace S3CrossAccount.Aws.Roles
{
    /// <summary>
    /// Inline identity policies on a user, role or group (the other account's side of seed method 3):
    /// read, merge, write only when something changes.
    /// </summary>
    public sealed class IdentityPolicyService : IDisposable
    {
        /// <summary>The default inline policy name Grant-XAccountAssumeRole writes.</summary>
        public const string DefaultAssumeRolePolicyName = "S3CrossAccountAssumeRole";

        private readonly IIamClient _iam;
        private readonly bool _ownsClient;
        private readonly AwsCalls _calls;

        public IdentityPolicyService(AwsSession session, Action<string>? verbose = null)
            : this(IamClients.ForSession(session), verbose, true)
        {
        }

        public IdentityPolicyService(IIamClient iam, Action<string>? verbose = null)
            : this(iam, verbose, false)
        {
        }

        private IdentityPolicyService(IIamClient iam, Action<string>? verbose, bool ownsClient)
        {
            _iam = iam ?? throw new ArgumentNullException(nameof(iam));
            _ownsClient = ownsClient;
            _calls = new AwsCalls(verbose);
        }

        /// <summary>
        /// Puts <paramref name="policy"/> into the identity's inline policy <paramref name="policyName"/>:
        /// merged with what is there (or replacing it with <paramref name="replace"/>), written only when
        /// the result differs. On radosgw, a user is named "tenant$user".
        /// </summary>
        public XAccountIdentityPolicy SetPolicy(IamIdentityType type, string identityName, string policyName, PolicyDocument policy, bool replace,
            Func<string, string, bool> shouldProcess, CancellationToken cancellationToken = default)
        {
            if (policy == null) throw new ArgumentNullException(nameof(policy));
            if (shouldProcess == null) throw new ArgumentNullException(nameof(shouldProcess));
            if (string.IsNullOrEmpty(identityName)) throw new ArgumentException("An identity name is required.", nameof(identityName));
            RoleNames.ValidatePolicyName(policyName);

            var existing = Read(type, identityName, policyName, cancellationToken);
            var wanted = RoleService.Converge(existing, policy, replace, "aws");
            if (wanted == null)
            {
                _calls.Note($"Inline policy {policyName} of {type.ToString().ToLowerInvariant()} {identityName} already allows what is asked for; not changed.");
                return new XAccountIdentityPolicy(type, identityName, policyName, existing!, changed: false);
            }

            _calls.Note($"Inline policy {policyName} to write: " + PolicyJson.Write(wanted));
            if (!shouldProcess($"{type.ToString().ToLowerInvariant()} {identityName}", (existing == null ? "Put" : replace ? "Replace" : "Merge into") + " inline policy " + policyName))
            {
                return new XAccountIdentityPolicy(type, identityName, policyName, existing ?? wanted, changed: false);
            }

            Write(type, identityName, policyName, PolicyJson.Write(wanted), cancellationToken);
            return new XAccountIdentityPolicy(type, identityName, policyName, wanted, changed: true);
        }

        /// <summary>
        /// Takes the statements of <paramref name="grant"/> that this module merged (PolicyMerger's Sid scheme) out of
        /// the inline policy; foreign statements stay. The inline policy is deleted when no statement is left. Returns
        /// "Unchanged", "Put" or "Delete" (the write made), or null when <paramref name="shouldProcess"/> declined.
        /// </summary>
        public string? RemoveStatements(IamIdentityType type, string identityName, string policyName, PolicyDocument grant,
            Func<string, string, bool> shouldProcess, CancellationToken cancellationToken = default)
        {
            if (grant == null) throw new ArgumentNullException(nameof(grant));
            if (shouldProcess == null) throw new ArgumentNullException(nameof(shouldProcess));
            RoleNames.ValidatePolicyName(policyName);
            var who = $"{type.ToString().ToLowerInvariant()} {identityName}";
            var existing = Read(type, identityName, policyName, cancellationToken);
            var wanted = existing == null ? null : PolicyMerger.Remove(existing, grant);
            if (existing == null || wanted!.SemanticEquals(existing))
            {
                _calls.Note($"Inline policy {policyName} of {who} has no statement of this grant; not changed.");
                return "Unchanged";
            }

            if (wanted.StatementCount == 0)
            {
                if (!shouldProcess(who, "Delete inline policy " + policyName + " (only this grant's statements were in it)")) return null;
                Delete(type, identityName, policyName, cancellationToken);
                return "Delete";
            }

            _calls.Note($"Inline policy {policyName} to write: " + PolicyJson.Write(wanted));
            if (!shouldProcess(who, "Remove this grant's statements from inline policy " + policyName)) return null;
            Write(type, identityName, policyName, PolicyJson.Write(wanted), cancellationToken);
            return "Put";
        }

        private void Delete(IamIdentityType type, string name, string policyName, CancellationToken ct)
        {
            switch (type)
            {
                case IamIdentityType.User:
                    _calls.Run("IAM", "DeleteUserPolicy", $"{name}/{policyName}", () => _iam.DeleteUserPolicyAsync(new DeleteUserPolicyRequest { UserName = name, PolicyName = policyName }, ct));
                    break;
                case IamIdentityType.Role:
                    _calls.Run("IAM", "DeleteRolePolicy", $"{name}/{policyName}", () => _iam.DeleteRolePolicyAsync(new DeleteRolePolicyRequest { RoleName = name, PolicyName = policyName }, ct));
                    break;
                default:
                    _calls.Run("IAM", "DeleteGroupPolicy", $"{name}/{policyName}", () => _iam.DeleteGroupPolicyAsync(new DeleteGroupPolicyRequest { GroupName = name, PolicyName = policyName }, ct));
                    break;
            }
        }

        private PolicyDocument? Read(IamIdentityType type, string name, string policyName, CancellationToken ct)
        {
            try
            {
                string text;
                switch (type)
                {
                    case IamIdentityType.User:
                        text = _calls.Run("IAM", "GetUserPolicy", $"{name}/{policyName}", () => _iam.GetUserPolicyAsync(new GetUserPolicyRequest { UserName = name, PolicyName = policyName }, ct)).PolicyDocument;
                        break;
                    case IamIdentityType.Role:
                        text = _calls.Run("IAM", "GetRolePolicy", $"{name}/{policyName}", () => _iam.GetRolePolicyAsync(new GetRolePolicyRequest { RoleName = name, PolicyName = policyName }, ct)).PolicyDocument;
                        break;
                    default:
                        text = _calls.Run("IAM", "GetGroupPolicy", $"{name}/{policyName}", () => _iam.GetGroupPolicyAsync(new GetGroupPolicyRequest { GroupName = name, PolicyName = policyName }, ct)).PolicyDocument;
                        break;
                }

                return PolicyJson.Parse(text);
            }
            catch (IamNoSuchEntityException)
            {
                return null;
            }
        }

        private void Write(IamIdentityType type, string name, string policyName, string document, CancellationToken ct)
        {
            switch (type)
            {
                case IamIdentityType.User:
                    _calls.Run("IAM", "PutUserPolicy", $"{name}/{policyName}", () => _iam.PutUserPolicyAsync(new PutUserPolicyRequest { UserName = name, PolicyName = policyName, PolicyDocument = document }, ct));
                    break;
                case IamIdentityType.Role:
                    _calls.Run("IAM", "PutRolePolicy", $"{name}/{policyName}", () => _iam.PutRolePolicyAsync(new PutRolePolicyRequest { RoleName = name, PolicyName = policyName, PolicyDocument = document }, ct));
                    break;
                default:
                    _calls.Run("IAM", "PutGroupPolicy", $"{name}/{policyName}", () => _iam.PutGroupPolicyAsync(new PutGroupPolicyRequest { GroupName = name, PolicyName = policyName, PolicyDocument = document }, ct));
                    break;
            }
        }

        public void Dispose()
        {
            if (_ownsClient) _iam.Dispose();
        }
    }
}
