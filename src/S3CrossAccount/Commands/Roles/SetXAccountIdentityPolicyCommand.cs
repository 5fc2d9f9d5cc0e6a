using System.Management.Automation;
using S3CrossAccount.Aws.Roles;
using S3CrossAccount.Commands.Base;
using S3CrossAccount.Commands.Policy;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Roles;

namespace S3CrossAccount.Commands.Roles
{
    /// <summary>
    /// Puts an identity policy inline on a user, role or group: merged with the inline policy of the
    /// same name, written only when that changes it.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "XAccountIdentityPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = IdentityTarget.User, HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/Set-XAccountIdentityPolicy.md")]
    [OutputType(typeof(XAccountIdentityPolicy))]
    public sealed class SetXAccountIdentityPolicyCommand : AwsCmdlet
    {
        [Parameter(Mandatory = true, ParameterSetName = IdentityTarget.User)]
        [ValidateNotNullOrEmpty]
        public string? UserName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdentityTarget.Role)]
        [ValidateNotNullOrEmpty]
        public string? RoleName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdentityTarget.Group)]
        [ValidateNotNullOrEmpty]
        public string? GroupName { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string PolicyName { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [PolicyDocumentTransformation]
        public PolicyDocument? Policy { get; set; }

        /// <summary>Overwrite the inline policy instead of merging into it.</summary>
        [Parameter]
        public SwitchParameter Replace { get; set; }

        protected override void ProcessRecord()
        {
            if (RefusedPolicyText()) return;
            base.ProcessRecord();
            TryRun(() =>
            {
                var (type, name) = IdentityTarget.Of(ParameterSetName, UserName, RoleName, GroupName);
                using var service = new IdentityPolicyService(GetAwsSession(), WriteVerbose);
                WriteObject(service.SetPolicy(type, name, PolicyName, Policy!, Replace.IsPresent, ShouldProcess, CancellationToken));
            });
        }
    }
}
