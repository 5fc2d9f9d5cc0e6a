using System.Management.Automation;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Setup;

namespace S3CrossAccount.Commands.Setup
{
    /// <summary>
    /// Carries out a whole seed method for a runbook, both accounts' sides in order (bucket policy and identity
    /// policy; ACL grants by canonical ID; role, assume-role policy and AssumeRole), then proves the access
    /// with the live probe. Every step merges and is idempotent: a re-run after a failure completes the setup
    /// without duplicating anything, and a re-run of a completed setup writes nothing.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "XAccountSetup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/Invoke-XAccountSetup.md")]
    [OutputType(typeof(XAccountSetupResult))]
    public sealed class InvokeXAccountSetupCommand : SetupCmdletBase
    {
        private object? _verifierSession;

        /// <summary>
        /// A profile with the grantee principal's own credentials, for AssumeRole and the probe when -GranteeProfileName
        /// is an administrator of the other account rather than the grantee user or role itself.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.ProfileNameCompleter))]
        public string? VerifyProfileName { get; set; }

        /// <summary>The grantee principal's own credentials as an object (see -VerifyProfileName).</summary>
        [Parameter]
        [ValidateNotNull]
        public object? VerifyCredential { get; set; }

        /// <summary>Method Role: seconds to keep retrying an AccessDenied AssumeRole while IAM propagates the new role.</summary>
        [Parameter]
        [ValidateRange(0, 3600)]
        public int PropagationTimeout { get; set; } = 60;

        protected override bool IsRemoval => false;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (VerifyProfileName != null && VerifyCredential != null)
            {
                ThrowXAccountError(new XAccountException(ErrorCode.InvalidParameterCombination, "Pass either -VerifyProfileName or -VerifyCredential, not both.", "VerifyCredential",
                    "Give the grantee principal's own credentials once."));
            }

            if (VerifyProfileName != null || VerifyCredential != null)
            {
                _verifierSession = ResolveOtherSession(VerifyProfileName, VerifyCredential);
            }
        }

        private protected override object? VerifierSession => _verifierSession;

        private protected override int PropagationSeconds => PropagationTimeout;
    }
}
