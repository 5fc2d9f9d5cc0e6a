using System;
using System.Threading;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Aws.Concurrency;
using S3CrossAccount.Aws.Iam;
using S3CrossAccount.Core.Errors;
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
        private readonly ConvergingWriter _writer;

        public IdentityPolicyService(AwsSession session, Action<string>? verbose = null)
            : this(IamClients.ForSession(session), verbose, true, new ConvergingWriter(ConvergeSettings.FromEnvironment(), ConvergingWriter.ScopeOf(session), verbose))
        {
        }

        public IdentityPolicyService(IIamClient iam, Action<string>? verbose = null)
            : this(iam, verbose, false, new ConvergingWriter(ConvergeSettings.FromEnvironment(), "iam", verbose))
        {
        }

        /// <summary>The role service's inline access policy, written through the same lock and convergence.</summary>
        internal IdentityPolicyService(IIamClient iam, Action<string>? verbose, ConvergingWriter writer)
            : this(iam, verbose, false, writer)
        {
        }

        private IdentityPolicyService(IIamClient iam, Action<string>? verbose, bool ownsClient, ConvergingWriter writer)
        {
            _iam = iam ?? throw new ArgumentNullException(nameof(iam));
            _ownsClient = ownsClient;
            _calls = new AwsCalls(verbose);
            _writer = writer;
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

            using (Lock(type, identityName, policyName, cancellationToken))
            {
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

                var now = WriteConverged(type, identityName, policyName, existing, wanted, cancellationToken);
                return new XAccountIdentityPolicy(type, identityName, policyName, now ?? wanted, changed: true);
            }
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
            using (Lock(type, identityName, policyName, cancellationToken))
            {
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
                    WriteConverged(type, identityName, policyName, existing, null, cancellationToken);
                    return "Delete";
                }

                _calls.Note($"Inline policy {policyName} to write: " + PolicyJson.Write(wanted));
                if (!shouldProcess(who, "Remove this grant's statements from inline policy " + policyName)) return null;
                WriteConverged(type, identityName, policyName, existing, wanted, cancellationToken);
                return "Put";
            }
        }

        /// <summary>The machine-wide lock of one inline policy (take it before <see cref="Read"/>).</summary>
        internal IDisposable Lock(IamIdentityType type, string name, string policyName, CancellationToken ct) =>
            _writer.Lock("identity-policy", $"{type.ToString().ToLowerInvariant()}/{name}/{policyName}", Target(type, name, policyName), ct);

        /// <summary>
        /// Writes <paramref name="wanted"/> (null = delete the inline policy) over <paramref name="before"/>, then
        /// converges; returns the policy as the last read showed it. Call with <see cref="Lock"/> held.
        /// </summary>
        internal PolicyDocument? WriteConverged(IamIdentityType type, string name, string policyName, PolicyDocument? before, PolicyDocument? wanted, CancellationToken ct)
        {
            Put(type, name, policyName, wanted, ct);
            var edit = PolicyChange.Between(before, wanted, normalize: p => RolePolicyMerge.NormalizeAccountPrincipals(p));
            var target = Target(type, name, policyName);
            return _writer.Converge(new TargetChange<PolicyDocument>
            {
                Target = target,
                Read = c => Read(type, name, policyName, c),
                Holds = edit.HoldsIn,
                ApplyTo = edit.ApplyTo,
                Write = (policy, c) => Put(type, name, policyName, policy, c),
                Missing = now => string.Join("; ", edit.MissingIn(now)),
                WrittenButUnverified = ex => WrittenButUnverified(target, type, name, policyName, before, wanted, ex),
            }, ct);
        }

        private static string Target(IamIdentityType type, string name, string policyName) => $"inline policy {policyName} of {type.ToString().ToLowerInvariant()} {name}";

        /// <summary>The IAM write went through but the read that verifies it did not: say so, and how to put the old policy back.</summary>
        private static XAccountException WrittenButUnverified(string target, IamIdentityType type, string name, string policyName, PolicyDocument? before, PolicyDocument? wanted, XAccountException readError)
        {
            var noun = type.ToString();
            var restore = before == null
                ? $"It did not exist before; to go back, run: Remove-IAM{noun}Policy -{noun}Name '{name}' -PolicyName '{policyName}' (AWS Tools)"
                : $"The previous policy was: {PolicyJson.Write(before)} To restore it, run: Set-XAccountIdentityPolicy -{noun}Name '{name}' -PolicyName '{policyName}' -Replace -Policy with that JSON";
            return new XAccountException(ErrorCode.VerificationFailed,
                $"The {(wanted == null ? "deletion of the " + target : "new " + target)} went through and is already in place, but reading it back to verify failed: {readError.Message} {restore}.",
                name,
                "Run the same command again once IAM answers (it changes nothing if the policy is complete) to finish verifying.",
                readError);
        }

        private void Put(IamIdentityType type, string name, string policyName, PolicyDocument? policy, CancellationToken ct)
        {
            if (policy == null)
            {
                Delete(type, name, policyName, ct);
            }
            else
            {
                Write(type, name, policyName, PolicyJson.Write(policy), ct);
            }
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

        internal PolicyDocument? Read(IamIdentityType type, string name, string policyName, CancellationToken ct)
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
