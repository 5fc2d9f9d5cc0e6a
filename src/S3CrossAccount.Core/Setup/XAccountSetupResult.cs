using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Core.Policies.Builders;
using S3CrossAccount.Core.Probes;

namespace S3CrossAccount.Core.Setup
{
    /// <summary>
    /// What Invoke-XAccountSetup or Remove-XAccountSetup did: every step in order with its outcome, the
    /// live probe rows run with the grantee's credentials, and whether the whole run completed.
    /// </summary>
    public sealed class XAccountSetupResult
    {
        public XAccountSetupResult(SetupRequest request, bool removal, IReadOnlyList<XAccountSetupStep> steps, IReadOnlyList<LiveProbeResult> verification)
        {
            Method = request.Method;
            Bucket = request.Bucket;
            Prefix = request.Prefix;
            Access = request.Access;
            Action = request.Actions;
            RoleName = request.Method == SetupMethod.Role ? request.EffectiveRoleName : null;
            Grantee = request.Grantee.Value;
            GranteeAccountId = request.Grantee.AccountId;
            IsRemoval = removal;
            Steps = steps;
            Verification = verification;
            Verified = removal ? null : SetupPlanner.Verified(request, verification);
        }

        public SetupMethod Method { get; }

        public string Bucket { get; }

        public string? Prefix { get; }

        /// <summary>The preset asked for (not used when <see cref="Action"/> is set).</summary>
        public S3AccessPreset Access { get; }

        /// <summary>The explicit S3 actions asked for instead of a preset, or null.</summary>
        public IReadOnlyList<string>? Action { get; }

        /// <summary>Method Role: the role in the bucket account. With Method, Bucket, Grantee, Prefix, Access and Action it binds into Remove-XAccountSetup.</summary>
        public string? RoleName { get; }

        /// <summary>The grantee as given: an account ID or a principal ARN.</summary>
        public string Grantee { get; }

        public string GranteeAccountId { get; }

        /// <summary>True for Remove-XAccountSetup.</summary>
        public bool IsRemoval { get; }

        public IReadOnlyList<XAccountSetupStep> Steps { get; }

        /// <summary>The live probe rows (Test-XAccountAccess -Live) after the setup; empty after a removal, -WhatIf or a failure.</summary>
        public IReadOnlyList<LiveProbeResult> Verification { get; }

        /// <summary>
        /// Whether the probe was allowed every read the access grants (s3:GetObject, s3:ListBucket) that it could
        /// try; null when nothing was probed (removal, -WhatIf, failure, no object under the prefix).
        /// </summary>
        public bool? Verified { get; }

        /// <summary>True when every step ran (Changed, Unchanged or Skipped because it does not apply): a re-run changes nothing.</summary>
        public bool Completed => Steps.All(s => s.Status == SetupStepStatus.Changed || s.Status == SetupStepStatus.Unchanged || s.Status == SetupStepStatus.Skipped);

        /// <summary>The steps that wrote to AWS in this run.</summary>
        public IReadOnlyList<XAccountSetupStep> Changed => Steps.Where(s => s.Status == SetupStepStatus.Changed).ToList();

        public override string ToString() => $"{(IsRemoval ? "Remove" : "Setup")} {Method} {Bucket} for {Grantee}: {(Completed ? "completed" : "not completed")}";
    }
}
