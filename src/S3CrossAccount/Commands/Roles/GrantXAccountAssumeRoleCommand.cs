using System.Management.Automation;
using S3CrossAccount.Aws.Roles;
using S3CrossAccount.Commands.Base;
using S3CrossAccount.Core.Policies.Builders;
using S3CrossAccount.Core.Roles;

namespace S3CrossAccount.Commands.Roles
{
    /// <summary>
    /// Seed method 3, step 3: lets a user, role or group of the other account call sts:AssumeRole on
    /// the role (the policy of seed 002), merged into an inline policy.
    /// </summary>
    [Cmdlet(VerbsSecurity.Grant, "XAccountAssumeRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = IdentityTarget.User, HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/Grant-XAccountAssumeRole.md")]
    [OutputType(typeof(XAccountIdentityPolicy))]
    public sealed class GrantXAccountAssumeRoleCommand : AwsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] RoleArn { get; set; } = new string[0];

        // Not bound from the pipeline: a role object also has a RoleName (the role to assume, not the
        // identity that receives the permission).
        [Parameter(Mandatory = true, ParameterSetName = IdentityTarget.User)]
        [ValidateNotNullOrEmpty]
        public string? UserName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdentityTarget.Role)]
        [ValidateNotNullOrEmpty]
        public string? RoleName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdentityTarget.Group)]
        [ValidateNotNullOrEmpty]
        public string? GroupName { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string PolicyName { get; set; } = "S3CrossAccountAssumeRole";

        protected override void ProcessRecord()
        {
            base.ProcessRecord();
            ProcessTarget(() => PolicyBuilder.AssumeRolePolicy(RoleArn), policy =>
            {
                var (type, name) = IdentityTarget.Of(ParameterSetName, UserName, RoleName, GroupName);
                using var service = new IdentityPolicyService(GetAwsSession(), WriteVerbose);
                WriteObject(service.SetPolicy(type, name, PolicyName, policy, replace: false, ShouldProcess, CancellationToken));
            });
        }
    }
}
