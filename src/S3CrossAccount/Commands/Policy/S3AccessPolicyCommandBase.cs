using System.Management.Automation;
using S3CrossAccount.Core.Identifiers;
using S3CrossAccount.Core.Policies.Builders;

namespace S3CrossAccount.Commands.Policy
{
    /// <summary>The parameters every S3 policy builder shares: bucket, preset or actions, folder, versions, partition.</summary>
    public abstract class S3AccessPolicyCommandBase : Base.XAccountCmdlet
    {
        protected const string AccessSet = "Access";
        protected const string ActionSet = "Action";

        private bool _warned;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = AccessSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ActionSet, ValueFromPipelineByPropertyName = true)]
        [Alias("BucketName")]
        [ValidateNotNullOrEmpty]
        public string Bucket { get; set; } = string.Empty;

        [Parameter(ParameterSetName = AccessSet, ValueFromPipelineByPropertyName = true)]
        public S3AccessPreset Access { get; set; } = S3AccessPreset.Read;

        [Parameter(Mandatory = true, ParameterSetName = ActionSet, ValueFromPipelineByPropertyName = true)]
        [Base.ListTextTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.ActionCompleter))]
        public string[] Action { get; set; } = new string[0];

        [Parameter(ParameterSetName = AccessSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ActionSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Folder", "KeyPrefix")]
        public string? Prefix { get; set; }

        [Parameter(ParameterSetName = AccessSet)]
        public SwitchParameter IncludeObjectVersions { get; set; }

        [Parameter(ParameterSetName = AccessSet)]
        [Parameter(ParameterSetName = ActionSet)]
        [ValidateSet(Core.Identifiers.Partition.Aws, Core.Identifiers.Partition.AwsCn, Core.Identifiers.Partition.AwsUsGov)]
        public string Partition { get; set; } = Core.Identifiers.Partition.Aws;

        protected S3AccessRequest BuildRequest()
        {
            var risk = ParameterSetName == AccessSet ? RiskNotes.ForPreset(Access) : null;
            if (risk != null && !_warned)
            {
                // Once per command, not once per piped row.
                WriteWarning(risk);
                _warned = true;
            }

            return Request();
        }

        private S3AccessRequest Request() => new S3AccessRequest(Bucket)
        {
            Prefix = Prefix,
            Access = Access,
            Actions = ParameterSetName == ActionSet ? Action : null,
            IncludeObjectVersions = IncludeObjectVersions.IsPresent,
            Partition = Partition,
        };
    }
}
