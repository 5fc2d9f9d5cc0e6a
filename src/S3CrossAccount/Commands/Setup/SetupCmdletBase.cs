using System;
using System.Management.Automation;
using S3CrossAccount.Aws;
using S3CrossAccount.Aws.Roles;
using S3CrossAccount.Aws.Setup;
using S3CrossAccount.Commands.Base;
using S3CrossAccount.Commands.Sessions;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Policies.Builders;
using S3CrossAccount.Core.Setup;

namespace S3CrossAccount.Commands.Setup
{
    /// <summary>
    /// What Invoke-XAccountSetup and Remove-XAccountSetup share: the method, the bucket and the grant, and the
    /// two sides' credentials. The bucket account's side uses the AWS Tools common parameters of
    /// <see cref="AwsCmdlet"/> (-ProfileName, -Credential, ...); the other account's side is -GranteeProfileName
    /// or -GranteeCredential, resolved with the same -ProfileLocation, -Region and -EndpointUrl.
    /// </summary>
    public abstract class SetupCmdletBase : AwsCmdlet
    {
        // An S3CrossAccount.Aws.AwsSession, typed object for the import-time rule (AwsCmdlet).
        private object? _granteeSession;

        /// <summary>BucketPolicy, Acl or Role: the seed method to carry out.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public SetupMethod Method { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("BucketName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.BucketCompleter))]
        public string Bucket { get; set; } = string.Empty;

        /// <summary>The other account (12-digit ID or root ARN) or one of its IAM users or roles (ARN).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Principal")]
        [ValidateNotNullOrEmpty]
        public string Grantee { get; set; } = string.Empty;

        /// <summary>Limits the access to keys under this prefix ("folder").</summary>
        /// <remarks>No validation attribute: a piped setup result without a prefix binds null.</remarks>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? Prefix { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public S3AccessPreset Access { get; set; } = S3AccessPreset.Read;

        /// <summary>Explicit S3 actions instead of -Access.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [ArgumentCompleter(typeof(Completers.ActionCompleter))]
        public string[]? Action { get; set; }

        /// <summary>The grantee user's or role's IAM name, when it is not the last part of its ARN (radosgw: tenant$user).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? GranteeIdentityName { get; set; }

        /// <summary>Method Role: the role in the bucket account (default XAccount-&lt;grantee account&gt;-&lt;bucket&gt;).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        public string? RoleName { get; set; }

        /// <summary>A profile with the other account's credentials.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.ProfileNameCompleter))]
        public string? GranteeProfileName { get; set; }

        /// <summary>The other account's credentials as an object (Use-XAccountRole output, AWS Tools credentials).</summary>
        [Parameter]
        [ValidateNotNull]
        public object? GranteeCredential { get; set; }

        /// <summary>True for Remove-XAccountSetup.</summary>
        protected abstract bool IsRemoval { get; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if ((GranteeProfileName == null) == (GranteeCredential == null))
            {
                ThrowXAccountError(new XAccountException(ErrorCode.InvalidParameterCombination,
                    "A setup acts in both accounts: give the other account's credentials with exactly one of -GranteeProfileName or -GranteeCredential.",
                    "GranteeProfileName", "Add -GranteeProfileName <profile of the other account>; the bucket account's credentials come from -ProfileName, -Credential or the AWS Tools defaults."));
            }

            if (Action != null && MyInvocation.BoundParameters.ContainsKey(nameof(Access)))
            {
                ThrowXAccountError(new XAccountException(ErrorCode.InvalidParameterCombination, "Pass either -Access or -Action, not both.", "Action",
                    "Use -Access for a preset (Read, Write, ReadWrite, List, Console) or -Action for a list of S3 actions."));
            }

            _granteeSession = ResolveOtherSession(GranteeProfileName, GranteeCredential);
        }

        protected override void ProcessRecord()
        {
            base.ProcessRecord();
            ProcessTarget(CheckRequest, request =>
            {
                var context = new SetupContext(GetAwsSession(), (AwsSession)_granteeSession!, credential => ResolveOtherSession(null, credential))
                {
                    Verbose = WriteVerbose,
                    Confirm = Confirm,
                    WhatIf = IsWhatIf,
                    CancellationToken = CancellationToken,
                    Verifier = (AwsSession?)VerifierSession,
                    PropagationTimeout = TimeSpan.FromSeconds(PropagationSeconds),
                };
                var result = SetupRunner.Run(request, IsRemoval, context, out var error);
                WriteObject(result);
                if (error != null)
                {
                    WriteXAccountError(error);
                }
            });
        }

        /// <summary>Invoke-XAccountSetup: the grantee principal's own session for AssumeRole and the probe (an AwsSession, typed object for the import-time rule).</summary>
        private protected virtual object? VerifierSession => null;

        /// <summary>Invoke-XAccountSetup -PropagationTimeout.</summary>
        private protected virtual int PropagationSeconds => 60;

        private SetupRequest CheckRequest()
        {
            if (RoleName != null && Method != SetupMethod.Role)
            {
                throw new XAccountException(ErrorCode.InvalidParameterCombination, "-RoleName applies to -Method Role only.", "RoleName",
                    "Remove -RoleName, or use -Method Role.");
            }

            var request = new SetupRequest(Method, Bucket, Grantee)
            {
                Prefix = string.IsNullOrEmpty(Prefix) ? null : Prefix,
                Access = Access,
                Actions = Action == null || Action.Length == 0 ? null : Action,
                GranteeIdentityName = GranteeIdentityName,
                RoleName = RoleName,
            };
            if (Method == SetupMethod.Role)
            {
                RoleNames.Validate(request.EffectiveRoleName);
            }

            return request;
        }

        private bool IsWhatIf => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value)
            ? ((SwitchParameter)value).IsPresent
            : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

        /// <summary>One ShouldProcess per step, worded like PowerShell's own, telling -WhatIf apart from a "No".</summary>
        private StepDecision Confirm(string target, string action)
        {
            var description = $"Performing the operation \"{action}\" on target \"{target}\".";
            var warning = $"Are you sure you want to perform this action?{System.Environment.NewLine}{description}";
            if (ShouldProcess(description, warning, "Confirm", out var reason))
            {
                return StepDecision.Run;
            }

            return reason == ShouldProcessReason.WhatIf ? StepDecision.WhatIf : StepDecision.Declined;
        }
    }
}
