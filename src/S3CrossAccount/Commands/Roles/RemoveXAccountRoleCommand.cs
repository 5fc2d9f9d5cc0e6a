using System.Management.Automation;
using S3CrossAccount.Aws.Roles;
using S3CrossAccount.Commands.Base;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Commands.Roles
{
    /// <summary>Deletes a role made by New-XAccountRole with its inline and module-created managed policies.</summary>
    [Cmdlet(VerbsCommon.Remove, "XAccountRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
        HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/Remove-XAccountRole.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveXAccountRoleCommand : AwsCmdlet
    {
        // One parameter set: a role object from New-XAccountRole carries both RoleName and RoleArn,
        // and two sets that could each bind it would be ambiguous.
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? RoleName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? RoleArn { get; set; }

        protected override void ProcessRecord()
        {
            base.ProcessRecord();
            ProcessTarget(() => RoleName ?? (RoleArn != null ? RoleNames.FromArn(RoleArn) : throw new XAccountException(ErrorCode.InvalidParameterCombination,
                "Name the role with -RoleName or -RoleArn.", "RoleName", "Pipe the output of New-XAccountRole, or pass -RoleName.")), name =>
            {
                using var service = new RoleService(GetAwsSession(), WriteVerbose);
                service.RemoveRole(name, ShouldProcess, CancellationToken);
            });
        }
    }
}
