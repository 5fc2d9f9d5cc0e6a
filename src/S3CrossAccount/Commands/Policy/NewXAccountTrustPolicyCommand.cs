using System.Management.Automation;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;

namespace S3CrossAccount.Commands.Policy
{
    /// <summary>A role trust policy letting principals of another account assume the role (seeds 000, 001, 002).</summary>
    [Cmdlet(VerbsCommon.New, "XAccountTrustPolicy", HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/New-XAccountTrustPolicy.md")]
    [OutputType(typeof(PolicyDocument))]
    public sealed class NewXAccountTrustPolicyCommand : Base.XAccountCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Principal", "AccountId")]
        [ValidateNotNullOrEmpty]
        public string[] TrustedPrincipal { get; set; } = new string[0];

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ExternalId { get; set; }

        [Parameter]
        public SwitchParameter RequireMfa { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? PrincipalOrgId { get; set; }

        [Parameter]
        public SwitchParameter AllowPublic { get; set; }

        protected override void ProcessRecord()
        {
            ProcessTarget(() => PolicyBuilder.TrustPolicy(TrustedPrincipal, new TrustPolicyOptions
            {
                ExternalId = ExternalId,
                RequireMfa = RequireMfa.IsPresent,
                PrincipalOrgId = PrincipalOrgId,
                AllowPublic = AllowPublic.IsPresent,
            }), WriteObject);
        }
    }
}
