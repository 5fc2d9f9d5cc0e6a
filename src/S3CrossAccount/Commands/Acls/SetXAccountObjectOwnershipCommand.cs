using System;
using System.Management.Automation;
using S3CrossAccount.Aws.Acls;
using S3CrossAccount.Commands.Base;
using S3CrossAccount.Core.Acls;
using S3CrossAccount.Core.Evaluation;

namespace S3CrossAccount.Commands.Acls
{
    /// <summary>
    /// Sets a bucket's Object Ownership. Leaving BucketOwnerEnforced turns ACLs back on (the seeds' ACL
    /// method needs that, AWS advises against it): that case is confirmed like a ConfirmImpact High
    /// change; disabling ACLs or switching between the two ACL modes is Medium. Nothing is written when
    /// the bucket already has the setting.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "XAccountObjectOwnership", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/Set-XAccountObjectOwnership.md")]
    [OutputType(typeof(XAccountObjectOwnership))]
    public sealed class SetXAccountObjectOwnershipCommand : AwsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("BucketName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.BucketCompleter))]
        public string Bucket { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public ObjectOwnership ObjectOwnership { get; set; }

        /// <summary>Skips the extra confirmation for enabling ACLs (never bypasses -WhatIf).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            base.ProcessRecord();
            TryRun(() =>
            {
                using var service = new AclService(GetAwsSession(), WriteVerbose);
                var result = service.SetOwnership(Bucket, ObjectOwnership, Confirm, CancellationToken);
                if (result != null)
                {
                    WriteObject(result);
                }
            });
        }

        private bool Confirm(ObjectOwnership? previous)
        {
            var enablesAcls = ObjectOwnershipRules.AclsEnabled(ObjectOwnership)
                && (previous == null || !ObjectOwnershipRules.AclsEnabled(previous.Value));
            var was = previous?.ToString() ?? "unknown";
            string action;
            if (enablesAcls)
            {
                action = $"Set Object Ownership to {ObjectOwnership} (was {was}): this ENABLES ACLs, so ACL grants control access to the bucket and its objects again";
            }
            else if (!ObjectOwnershipRules.AclsEnabled(ObjectOwnership))
            {
                action = $"Set Object Ownership to BucketOwnerEnforced (was {was}): this disables ACLs; access granted only by ACLs stops working";
            }
            else
            {
                action = $"Set Object Ownership to {ObjectOwnership} (was {was})";
            }

            if (!ShouldProcess(Bucket, action))
            {
                return false;
            }

            return !enablesAcls || Force.IsPresent || !NeedsHighImpactConfirmation()
                || ShouldContinue($"Enable ACLs on bucket '{Bucket}'? AWS recommends keeping them disabled and granting access with policies.", "Enable ACLs");
        }

        /// <summary>
        /// ConfirmImpact is fixed per cmdlet, so the High case is asked for here exactly when PowerShell
        /// would have asked for a High cmdlet: $ConfirmPreference is High, and -Confirm was not given
        /// (with -Confirm, or a lower preference, ShouldProcess has already asked; -Confirm:$false opts out).
        /// </summary>
        private bool NeedsHighImpactConfirmation()
        {
            if (MyInvocation.BoundParameters.ContainsKey("Confirm"))
            {
                return false;
            }

            var preference = SessionState.PSVariable.GetValue("ConfirmPreference");
            if (preference is PSObject wrapped)
            {
                preference = wrapped.BaseObject;
            }

            return preference is ConfirmImpact impact
                ? impact == ConfirmImpact.High
                : Enum.TryParse<ConfirmImpact>(preference?.ToString(), true, out var parsed) && parsed == ConfirmImpact.High;
        }
    }
}
