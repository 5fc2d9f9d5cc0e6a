using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using S3CrossAccount.Aws.Acls;
using S3CrossAccount.Aws.Buckets;
using S3CrossAccount.Aws.Probes;
using S3CrossAccount.Aws.Roles;
using S3CrossAccount.Core.Buckets;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation.Acls;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Merging;
using S3CrossAccount.Core.Probes;
using S3CrossAccount.Core.Roles;
using S3CrossAccount.Core.Sessions;
using S3CrossAccount.Core.Setup;

namespace S3CrossAccount.Aws.Setup
{
    /// <summary>The two accounts' sessions and the caller's hooks for one Invoke-XAccountSetup or Remove-XAccountSetup run.</summary>
    public sealed class SetupContext
    {
        public SetupContext(AwsSession owner, AwsSession grantee, Func<XAccountCredential, AwsSession> sessionFor)
        {
            Owner = owner ?? throw new ArgumentNullException(nameof(owner));
            Grantee = grantee ?? throw new ArgumentNullException(nameof(grantee));
            SessionFor = sessionFor ?? throw new ArgumentNullException(nameof(sessionFor));
        }

        /// <summary>The bucket account.</summary>
        public AwsSession Owner { get; }

        /// <summary>The other account (an administrator there, or the grantee principal itself).</summary>
        public AwsSession Grantee { get; }

        /// <summary>A session for the role's temporary credentials (resolved like -Credential).</summary>
        public Func<XAccountCredential, AwsSession> SessionFor { get; }

        /// <summary>Credentials of the grantee principal itself for the probe and AssumeRole (default: <see cref="Grantee"/>).</summary>
        public AwsSession? Verifier { get; set; }

        public Action<string> Verbose { get; set; } = _ => { };

        /// <summary>The ShouldProcess of one step, telling -WhatIf apart from a "No".</summary>
        public Func<string, string, StepDecision> Confirm { get; set; } = (_, __) => StepDecision.Run;

        public bool WhatIf { get; set; }

        public TimeSpan PropagationTimeout { get; set; } = TimeSpan.FromSeconds(60);

        public CancellationToken CancellationToken { get; set; }
    }

    /// <summary>
    /// Carries out Invoke-XAccountSetup and Remove-XAccountSetup: walks the planned steps
    /// (<see cref="SetupPlanner"/>) and carries each out with the module's services (bucket policy, identity
    /// policy, ACL, role, STS, live probe), so every step has the merge and idempotency of the cmdlet that
    /// does it alone. Each write step is asked for once, with its whole policy document, before any call it
    /// makes; the service is then told yes. The first failure stops the run: that step is Failed, the rest
    /// NotRun, and the caller gets the partial result and the error.
    /// </summary>
    public static class SetupRunner
    {
        private static readonly Func<string, string, bool> Agreed = (_, __) => true;

        /// <summary>Input and the role lookup fail before anything changed (a plain exception, no partial result).</summary>
        public static XAccountSetupResult Run(SetupRequest request, bool removal, SetupContext context, out XAccountException? error) =>
            new Runner(request, removal, context ?? throw new ArgumentNullException(nameof(context))).Run(out error);

        private sealed class Runner
        {
            private readonly SetupRequest _request;
            private readonly bool _removal;
            private readonly SetupContext _ctx;
            private readonly List<XAccountSetupStep> _steps = new List<XAccountSetupStep>();
            private string? _roleArn;
            private string? _canonicalId;
            private string? _firstKey;
            private XAccountCredential? _roleCredential;
            private AclService? _acls;

            internal Runner(SetupRequest request, bool removal, SetupContext ctx)
            {
                _request = request;
                _removal = removal;
                _ctx = ctx;
            }

            private CancellationToken Ct => _ctx.CancellationToken;

            internal XAccountSetupResult Run(out XAccountException? error)
            {
                error = null;

                // Input and the role lookup fail before anything changed: a plain error, no partial result.
                if (_request.Method == SetupMethod.Role)
                {
                    RoleNames.Validate(_request.EffectiveRoleName);

                    // The grantee's side names the role by ARN, which only the bucket account knows. A setup learns
                    // it from CreateRole; a removal, or a -WhatIf plan, reads it (IAM GetRole).
                    if (_removal || _ctx.WhatIf)
                    {
                        using var roles = new RoleService(_ctx.Owner, _ctx.Verbose);
                        _roleArn = roles.FindRoleArn(_request.EffectiveRoleName, Ct);
                        if (_roleArn == null)
                        {
                            _ctx.Verbose($"Role {_request.EffectiveRoleName} does not exist yet" + (_removal ? "; nothing to remove on either side." : "."));
                        }
                    }
                }

                var planned = _removal ? SetupPlanner.PlanRemoval(_request, AccountOf(_roleArn)) : SetupPlanner.Plan(_request, AccountOf(_roleArn));
                _steps.AddRange(planned);
                try
                {
                    for (var i = 0; i < _steps.Count; i++)
                    {
                        if (_steps[i].Status != SetupStepStatus.Planned)
                        {
                            continue;
                        }

                        try
                        {
                            RunStep(i);
                        }
                        catch (XAccountException ex)
                        {
                            error = ex;
                            _steps[i] = _steps[i].With(new SetupStatusUpdate(SetupStepStatus.Failed, ex.Message));
                            for (var j = i + 1; j < _steps.Count; j++)
                            {
                                if (_steps[j].Status == SetupStepStatus.Planned)
                                {
                                    _steps[j] = _steps[j].With(new SetupStatusUpdate(SetupStepStatus.NotRun, "Not attempted: step " + (i + 1) + " failed. Run the command again to complete the setup."));
                                }
                            }

                            return Result(Array.Empty<LiveProbeResult>());
                        }
                    }

                    if (_removal || _ctx.WhatIf || _steps.Any(s => s.Status != SetupStepStatus.Changed && s.Status != SetupStepStatus.Unchanged && s.Status != SetupStepStatus.Skipped))
                    {
                        return Result(Array.Empty<LiveProbeResult>());
                    }

                    try
                    {
                        return Result(Verify());
                    }
                    catch (XAccountException ex)
                    {
                        // The setup is done; only the proof is missing: report the steps with the error.
                        error = ex;
                        return Result(Array.Empty<LiveProbeResult>());
                    }
                }
                finally
                {
                    _acls?.Dispose();
                }
            }

            private XAccountSetupResult Result(IReadOnlyList<LiveProbeResult> verification) => new XAccountSetupResult(_request, _removal, _steps.ToList(), verification);

            private void RunStep(int i)
            {
                var step = _steps[i];
                if (step.Kind == SetupStepKind.CanonicalId)
                {
                    // A read the rest of the plan needs (the grants name the ID), so -WhatIf makes it too.
                    _canonicalId = GranteeCanonicalId.LookUp(_ctx.Grantee, _request.Grantee.AccountId, _ctx.Verbose, Ct);
                    Set(i, SetupStepStatus.Unchanged, "Canonical user ID " + _canonicalId + " (read only).");
                    return;
                }

                if (step.Kind == SetupStepKind.RoleAccessPolicy)
                {
                    // Done together with the role (one EnsureRole); reaching it alone means the role step was declined.
                    return;
                }

                var decision = Decide(step);
                if (step.Kind == SetupStepKind.Role && !_removal)
                {
                    var access = _steps.FindIndex(s => s.Kind == SetupStepKind.RoleAccessPolicy);
                    var accessDecision = decision == StepDecision.Run ? Decide(_steps[access]) : decision;
                    if (decision != StepDecision.Run)
                    {
                        Mark(i, decision);
                        Mark(access, decision);
                        return;
                    }

                    EnsureRole(i, access, accessDecision);
                    return;
                }

                if (decision != StepDecision.Run)
                {
                    Mark(i, decision);
                    return;
                }

                switch (step.Kind)
                {
                    case SetupStepKind.BucketPolicy:
                        BucketPolicy(i);
                        break;
                    case SetupStepKind.IdentityPolicy:
                    case SetupStepKind.AssumeRolePolicy:
                        IdentityPolicy(i);
                        break;
                    case SetupStepKind.BucketAcl:
                    case SetupStepKind.ObjectAcl:
                        Acl(i);
                        break;
                    case SetupStepKind.Role:
                        RemoveRole(i);
                        break;
                    case SetupStepKind.AssumeRole:
                        AssumeRole(i);
                        break;
                }
            }

            /// <summary>The ShouldProcess of one step: its call, what it does and the whole policy document.</summary>
            private StepDecision Decide(XAccountSetupStep step)
            {
                if (step.Kind == SetupStepKind.AssumeRole)
                {
                    // Not a change: it runs unless this is only a plan.
                    return _ctx.WhatIf ? StepDecision.WhatIf : StepDecision.Run;
                }

                var action = step.Operation + ": " + step.Detail + (step.Document == null ? string.Empty : Environment.NewLine + "  " + PolicyJson.Write(step.Document));
                return _ctx.Confirm(step.Target, action);
            }

            private void Mark(int i, StepDecision decision) =>
                Set(i, decision == StepDecision.WhatIf ? SetupStepStatus.Planned : SetupStepStatus.Skipped, decision == StepDecision.WhatIf ? _steps[i].Detail : "Not confirmed; nothing was called.");

            private void Set(int i, SetupStepStatus status, string? detail, string? target = null, PolicyDocument? document = null, string? operation = null) =>
                _steps[i] = _steps[i].With(new SetupStatusUpdate(status, detail, target, document, operation));

            private void BucketPolicy(int i)
            {
                var grant = _steps[i].Document!;
                using var service = new BucketPolicyService(_ctx.Owner, _ctx.Verbose);
                var result = _removal
                    ? service.RemoveStatements(_request.Bucket, p => PolicyMerger.Remove(p, grant), null, Agreed, Ct)!
                    : service.Set(new BucketPolicyRequest { Bucket = _request.Bucket, Policy = grant }, Agreed, Ct)!;
                if (!result.Changed)
                {
                    Set(i, SetupStepStatus.Unchanged, _removal ? "The bucket policy has no statement of this setup." : "The bucket policy already grants this.");
                    return;
                }

                var operation = result.Write == BucketPolicyWrite.Delete ? "S3 DeleteBucketPolicy" : "S3 PutBucketPolicy";
                Set(i, SetupStepStatus.Changed, string.Join("; ", result.Changes.Select(c => c.ToString())), operation: operation);
            }

            private void IdentityPolicy(int i)
            {
                var step = _steps[i];
                var grantee = _request.Grantee;
                var type = grantee.IsRole ? IamIdentityType.Role : IamIdentityType.User;
                var name = _request.IdentityName!;
                var policyName = step.Kind == SetupStepKind.AssumeRolePolicy ? SetupPlanner.AssumeRolePolicyName : SetupPlanner.IdentityPolicyName;
                if (step.Document == null)
                {
                    // Removal of method Role when the role is gone: its ARN, and so the statement, is unknown.
                    Set(i, SetupStepStatus.Skipped, $"Role {_request.EffectiveRoleName} does not exist, so its ARN (and the statement naming it) is unknown; check {policyName} of {name} by hand.");
                    return;
                }

                using var service = new IdentityPolicyService(_ctx.Grantee, _ctx.Verbose);
                if (_removal)
                {
                    var write = service.RemoveStatements(type, name, policyName, step.Document, Agreed, Ct);
                    if (write == "Unchanged")
                    {
                        Set(i, SetupStepStatus.Unchanged, $"Inline policy {policyName} has no statement of this setup.");
                    }
                    else
                    {
                        Set(i, SetupStepStatus.Changed, write == "Delete" ? $"Inline policy {policyName} deleted (no statement was left)." : $"This setup's statements taken out of {policyName}.",
                            operation: $"IAM {write}{type}Policy");
                    }

                    return;
                }

                var policy = service.SetPolicy(type, name, policyName, step.Document, replace: false, Agreed, Ct);
                Set(i, policy.Changed ? SetupStepStatus.Changed : SetupStepStatus.Unchanged,
                    policy.Changed ? $"Merged into inline policy {policyName}." : $"Inline policy {policyName} already allows this.");
            }

            private void EnsureRole(int roleStep, int accessStep, StepDecision accessDecision)
            {
                var withAccess = accessDecision == StepDecision.Run;
                XAccountRole role;
                using (var roles = new RoleService(_ctx.Owner, _ctx.Verbose))
                {
                    role = roles.EnsureRole(new RoleDefinition
                    {
                        RoleName = _request.EffectiveRoleName,
                        TrustPolicy = _steps[roleStep].Document!,
                        AccessPolicy = withAccess ? _steps[accessStep].Document : null,
                        AccessPolicyName = SetupPlanner.RoleAccessPolicyName,
                    }, Agreed, Ct)!;
                }

                var changes = role.Changes;
                var created = changes.Contains("CreateRole");
                Set(roleStep, created || changes.Contains("UpdateAssumeRolePolicy") ? SetupStepStatus.Changed : SetupStepStatus.Unchanged,
                    created ? "Role " + role.RoleArn + " created." : changes.Contains("UpdateAssumeRolePolicy") ? "Grantee merged into the trust policy of " + role.RoleArn + "." : "Role " + role.RoleArn + " already trusts the grantee.",
                    operation: created ? "IAM CreateRole" : changes.Contains("UpdateAssumeRolePolicy") ? "IAM UpdateAssumeRolePolicy" : null);
                if (withAccess)
                {
                    Set(accessStep, changes.Contains("PutRolePolicy") ? SetupStepStatus.Changed : SetupStepStatus.Unchanged,
                        changes.Contains("PutRolePolicy") ? "Access policy written." : "The access policy already allows this.");
                }
                else
                {
                    Mark(accessStep, accessDecision);
                }

                // Now the grantee's side can name the role.
                _roleArn = role.RoleArn;
                for (var j = roleStep + 1; j < _steps.Count; j++)
                {
                    if (_steps[j].Kind == SetupStepKind.AssumeRolePolicy)
                    {
                        _steps[j] = _steps[j].With(new SetupStatusUpdate(_steps[j].Status, "Merge sts:AssumeRole on " + _roleArn + " into the grantee's identity policy", document: SetupPlanner.AssumeRoleGrant(_roleArn)));
                    }
                    else if (_steps[j].Kind == SetupStepKind.AssumeRole)
                    {
                        _steps[j] = _steps[j].With(new SetupStatusUpdate(_steps[j].Status, _steps[j].Detail, target: _roleArn));
                    }
                }
            }

            private void RemoveRole(int i)
            {
                if (_roleArn == null)
                {
                    Set(i, SetupStepStatus.Unchanged, "The role does not exist.");
                    return;
                }

                using (var roles = new RoleService(_ctx.Owner, _ctx.Verbose))
                {
                    roles.RemoveRole(_request.EffectiveRoleName, Agreed, Ct);
                }

                Set(i, SetupStepStatus.Changed, "Role " + _roleArn + " deleted with its inline policies.");
            }

            private void AssumeRole(int i)
            {
                var session = _ctx.Verifier ?? _ctx.Grantee;
                _roleCredential = new RoleAssumer(session, _ctx.Verbose).Assume(
                    new AssumeRoleOptions { RoleArn = _roleArn!, RoleSessionName = "s3crossaccount-setup", PropagationTimeout = _ctx.PropagationTimeout }, Ct);
                Set(i, SetupStepStatus.Unchanged, "Assumed with the grantee's credentials (a read: nothing changes); the session expires " + (_roleCredential.Expiration?.ToString("u") ?? "later") + ".");
            }

            private void Acl(int i)
            {
                var step = _steps[i];
                var (bucketPermissions, objectPermissions) = SetupPlanner.AclPermissions(_request);
                var permissions = step.Kind == SetupStepKind.BucketAcl ? bucketPermissions : objectPermissions;
                var grants = permissions.Select(p => new AclGrant(AclGranteeKind.CanonicalUser, _canonicalId!, p)).ToList();
                _acls ??= new AclService(_ctx.Owner, _ctx.Verbose);
                var acls = _acls;
                Func<string?, bool> apply = key =>
                {
                    var change = _removal ? acls.Revoke(_request.Bucket, key, grants, Agreed, Ct) : acls.Grant(_request.Bucket, key, grants, Agreed, Ct);
                    return change != null && change.Changed;
                };

                if (step.Kind == SetupStepKind.BucketAcl)
                {
                    var changed = apply(null);
                    Set(i, changed ? SetupStepStatus.Changed : SetupStepStatus.Unchanged,
                        (changed ? (_removal ? "Revoked " : "Granted ") : (_removal ? "Nothing to revoke: no " : "Already granted: ")) + AclService.Describe(grants) + ".");
                    return;
                }

                if (!_removal)
                {
                    // One clear AclNotSupported for a bucket with ACLs disabled, before any object.
                    _acls.EnsureAclsEnabled(_request.Bucket, Ct);
                }

                int total = 0, changedCount = 0;
                foreach (var key in _acls.ListKeys(_request.Bucket, _request.Prefix ?? string.Empty, Ct))
                {
                    _firstKey ??= key;
                    total++;
                    try
                    {
                        if (apply(key)) changedCount++;
                    }
                    catch (XAccountException ex)
                    {
                        throw new XAccountException(ex.Code, $"{ex.Message} ({changedCount} of the {total} object ACLs reached so far were changed before this failure; the rest were not touched.)",
                            ex.Target, ex.RecommendedAction, ex);
                    }
                }

                if (total == 0)
                {
                    Set(i, SetupStepStatus.Skipped, $"No object has a key starting with '{_request.Prefix}': no object ACL to change. ACLs are per object: objects added later need their own grant.");
                    return;
                }

                Set(i, changedCount > 0 ? SetupStepStatus.Changed : SetupStepStatus.Unchanged,
                    $"{changedCount} of {total} object ACLs changed ({AclService.Describe(grants)}).");
            }

            /// <summary>
            /// The live probe (Test-XAccountAccess -Live) with the grantee's credentials, or the role session for method
            /// Role. It reads an object the bucket owner lists under the prefix, since a read-only grant may not include
            /// s3:ListBucket for the grantee to find one itself.
            /// </summary>
            private IReadOnlyList<LiveProbeResult> Verify()
            {
                if (_firstKey == null)
                {
                    _acls ??= new AclService(_ctx.Owner, _ctx.Verbose);
                    _firstKey = _acls.ListKeys(_request.Bucket, _request.Prefix ?? string.Empty, Ct).FirstOrDefault();
                }

                var session = _roleCredential != null ? _ctx.SessionFor(_roleCredential) : _ctx.Verifier ?? _ctx.Grantee;
                var plan = new LiveProbePlan(_request.Bucket) { Key = _firstKey, Prefix = _request.Prefix };
                return AccessProber.Probe(session, plan, _ctx.Verbose, Ct);
            }

            private static string? AccountOf(string? roleArn) =>
                roleArn != null && Core.Identifiers.PrincipalArn.TryParse(roleArn, out var p) ? p!.AccountId : null;
        }
    }
}
