using System.Management.Automation;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Lint;

namespace S3CrossAccount.Commands.Policy
{
    /// <summary>Lints policies offline: size limits, elements the policy kind requires or forbids, malformed or unknown actions, resources and principals, action/resource mismatches, public principals, duplicate Sids, bad operators.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "XAccountPolicy", HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/Test-XAccountPolicy.md")]
    [OutputType(typeof(PolicyFinding))]
    public sealed class TestXAccountPolicyCommand : Base.XAccountCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        [PolicyDocumentTransformation]
        public PolicyDocument[] Policy { get; set; } = new PolicyDocument[0];

        /// <summary>The kind of policy, which sets the size limit; Auto guesses from the content.</summary>
        [Parameter]
        public PolicyKind Kind { get; set; } = PolicyKind.Auto;

        protected override void ProcessRecord()
        {
            if (RefusedPolicyText()) return;
            foreach (var p in Policy)
            {
                WriteObject(PolicyLinter.Lint(p, Kind), enumerateCollection: true);
            }
        }
    }
}
