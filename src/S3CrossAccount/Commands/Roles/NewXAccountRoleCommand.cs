using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using S3CrossAccount.Aws.Roles;
using S3CrossAccount.Commands.Base;
using S3CrossAccount.Commands.Policy;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;
using S3CrossAccount.Core.Roles;

namespace S3CrossAccount.Commands.Roles
{
    /// <summary>
    /// Seed method 3, step 1-2: a role in the bucket owner's account that the other account may
    /// assume, with its S3 access policy. Idempotent: a role that already matches is left alone.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "XAccountRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = TrustedPrincipalSet, HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/New-XAccountRole.md")]
    [OutputType(typeof(XAccountRole))]
    public sealed class NewXAccountRoleCommand : AwsCmdlet
    {
        public const string TrustedPrincipalSet = "TrustedPrincipal";
        public const string TrustPolicySet = "TrustPolicy";

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string RoleName { get; set; } = string.Empty;

        /// <summary>Account IDs, root ARNs, user or role ARNs of the other account.</summary>
        [Parameter(Mandatory = true, ParameterSetName = TrustedPrincipalSet)]
        [ValidateNotNullOrEmpty]
        public string[] TrustedPrincipal { get; set; } = new string[0];

        [Parameter(ParameterSetName = TrustedPrincipalSet)]
        [ValidateNotNullOrEmpty]
        public string? ExternalId { get; set; }

        [Parameter(ParameterSetName = TrustedPrincipalSet)]
        public SwitchParameter RequireMfa { get; set; }

        /// <summary>A complete trust policy, typically from the pipeline.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = TrustPolicySet)]
        [PolicyDocumentTransformation]
        public PolicyDocument? TrustPolicy { get; set; }

        /// <summary>A complete access policy (exclusive with -Bucket).</summary>
        [Parameter]
        [PolicyDocumentTransformation]
        public PolicyDocument? AccessPolicy { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.BucketCompleter))]
        public string? Bucket { get; set; }

        [Parameter]
        public S3AccessPreset Access { get; set; } = S3AccessPreset.Read;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Prefix { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string AccessPolicyName { get; set; } = "S3CrossAccountAccess";

        [Parameter]
        public SwitchParameter ManagedPolicy { get; set; }

        [Parameter]
        [ValidateRange(3600, 43200)]
        public int? MaxSessionDuration { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Description { get; set; }

        [Parameter]
        public Hashtable? Tag { get; set; }

        /// <summary>Replace a different trust or access policy instead of merging.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            if (RefusedPolicyText()) return;
            base.ProcessRecord();
            ProcessTarget(BuildDefinition, definition =>
            {
                using var service = new RoleService(GetAwsSession(), WriteVerbose);
                var role = service.EnsureRole(definition, ShouldProcess, CancellationToken);
                if (role != null) WriteObject(role);
            });
        }

        private RoleDefinition BuildDefinition()
        {
            foreach (var risk in new[] { Bucket != null && AccessPolicy == null ? RiskNotes.ForPreset(Access) : null, RiskNotes.ForSessionSeconds(MaxSessionDuration) })
            {
                if (risk != null)
                {
                    WriteWarning(risk);
                }
            }

            if (AccessPolicy != null && Bucket != null)
            {
                throw new XAccountException(ErrorCode.InvalidParameterCombination, "Pass either -AccessPolicy or -Bucket (with -Access and -Prefix), not both.", "AccessPolicy",
                    "Use -AccessPolicy for a complete policy document, or -Bucket/-Access/-Prefix for a preset.");
            }

            if (Bucket == null && (MyInvocation.BoundParameters.ContainsKey(nameof(Access)) || Prefix != null))
            {
                throw new XAccountException(ErrorCode.InvalidParameterCombination, "-Access and -Prefix need -Bucket.", "Bucket",
                    "Add -Bucket with the name of the bucket the role may access.");
            }

            var trust = ParameterSetName == TrustPolicySet
                ? TrustPolicy!
                : PolicyBuilder.TrustPolicy(TrustedPrincipal, new TrustPolicyOptions { ExternalId = ExternalId, RequireMfa = RequireMfa.IsPresent });
            var access = AccessPolicy
                ?? (Bucket == null ? null : PolicyBuilder.AccessPolicy(new S3AccessRequest(Bucket) { Access = Access, Prefix = Prefix }));
            return new RoleDefinition
            {
                RoleName = RoleName,
                TrustPolicy = trust,
                AccessPolicy = access,
                AccessPolicyName = AccessPolicyName,
                UseManagedPolicy = ManagedPolicy.IsPresent,
                MaxSessionDuration = MaxSessionDuration,
                Description = Description,
                Tags = Tag == null ? null : Tag.Cast<DictionaryEntry>().ToDictionary(e => e.Key.ToString()!, e => e.Value?.ToString() ?? string.Empty),
                Force = Force.IsPresent,
            };
        }
    }
}
