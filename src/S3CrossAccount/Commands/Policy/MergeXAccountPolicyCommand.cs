using System.Collections.Generic;
using System.Management.Automation;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Merging;

namespace S3CrossAccount.Commands.Policy
{
    /// <summary>
    /// Adds the piped grants to an existing policy without losing any statement (or, with -Remove, takes
    /// away only what such a grant added). Offline: it returns the new policy and changes nothing.
    /// </summary>
    [Cmdlet(VerbsData.Merge, "XAccountPolicy", HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/Merge-XAccountPolicy.md")]
    [OutputType(typeof(PolicyDocument))]
    public sealed class MergeXAccountPolicyCommand : Base.XAccountCmdlet
    {
        private PolicyDocument? _current;

        /// <summary>The existing policy; omit it (or pass $null) when there is none yet.</summary>
        [Parameter(Position = 0)]
        [AllowNull]
        [PolicyDocumentTransformation]
        public PolicyDocument? Policy { get; set; }

        [Parameter(Mandatory = true, ValueFromPipeline = true, Position = 1)]
        [ValidateNotNull]
        [PolicyDocumentTransformation]
        public PolicyDocument[] Grant { get; set; } = new PolicyDocument[0];

        [Parameter]
        public SwitchParameter Remove { get; set; }

        protected override void BeginProcessing() => _current = Policy;

        protected override void ProcessRecord()
        {
            if (RefusedPolicyText()) return;
            foreach (var grant in Grant)
            {
                var before = _current;
                _current = Remove.IsPresent
                    ? (_current == null ? null : PolicyMerger.Remove(_current, grant))
                    : PolicyMerger.Merge(_current, grant);
                foreach (var change in PolicyDiff.Compare(before, _current))
                {
                    WriteVerbose(change.ToString());
                }
            }
        }

        protected override void EndProcessing()
        {
            if (_current != null)
            {
                WriteObject(_current);
            }
        }
    }
}
