using System.Collections.Generic;
using System.Management.Automation;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;

namespace S3CrossAccount.Commands.Policy
{
    /// <summary>
    /// The identity policy in the other account allowing sts:AssumeRole on the roles (seeds 000, 001, 002).
    /// Role ARNs from the whole pipeline go into one policy.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "XAccountAssumeRolePolicy", HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/New-XAccountAssumeRolePolicy.md")]
    [OutputType(typeof(PolicyDocument))]
    public sealed class NewXAccountAssumeRolePolicyCommand : Base.XAccountCmdlet
    {
        private readonly List<string> _roles = new List<string>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Arn")]
        [ValidateNotNullOrEmpty]
        public string[] RoleArn { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            foreach (var arn in RoleArn)
            {
                // Checked one by one so a bad ARN is reported with its own target and the rest still count.
                ProcessTarget(() => PolicyBuilder.AssumeRolePolicy(new[] { arn }), _ =>
                {
                    if (!_roles.Contains(arn))
                    {
                        _roles.Add(arn);
                    }
                });
            }
        }

        protected override void EndProcessing()
        {
            if (_roles.Count > 0)
            {
                WriteObject(PolicyBuilder.AssumeRolePolicy(_roles));
            }
        }
    }
}
