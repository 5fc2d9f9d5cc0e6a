using System.Management.Automation;
using S3CrossAccount.Core.Policies;

namespace S3CrossAccount.Commands.Policy
{
    /// <summary>Writes policies (or single statements) as JSON in the canonical element order; indented unless -Compress.</summary>
    [Cmdlet(VerbsData.ConvertTo, "XAccountPolicyJson", DefaultParameterSetName = PolicySet, HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/ConvertTo-XAccountPolicyJson.md")]
    [OutputType(typeof(string))]
    public sealed class ConvertToXAccountPolicyJsonCommand : Base.XAccountCmdlet
    {
        public const string PolicySet = "Policy";
        public const string StatementSet = "Statement";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PolicySet)]
        [ValidateNotNull]
        [PolicyDocumentTransformation]
        public PolicyDocument[] Policy { get; set; } = new PolicyDocument[0];

        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = StatementSet)]
        [ValidateNotNull]
        public PolicyStatement[] Statement { get; set; } = new PolicyStatement[0];

        /// <summary>No whitespace: the form AWS counts against policy size limits.</summary>
        [Parameter]
        public SwitchParameter Compress { get; set; }

        protected override void ProcessRecord()
        {
            if (RefusedPolicyText()) return;
            if (ParameterSetName == StatementSet)
            {
                foreach (var s in Statement)
                {
                    WriteObject(PolicyJson.WriteStatement(s, !Compress.IsPresent));
                }

                return;
            }

            foreach (var p in Policy)
            {
                WriteObject(PolicyJson.Write(p, !Compress.IsPresent));
            }
        }
    }
}
