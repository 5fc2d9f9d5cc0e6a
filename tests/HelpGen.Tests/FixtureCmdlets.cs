using System.Management.Automation;

namespace S3CrossAccount.Tools.HelpGen.Tests.Fixtures
{
    public enum FixtureMode
    {
        Merge,
        Replace,
    }

    /// <summary>Stands in for the AWS base class: its parameters may take their help from _shared-parameters.md.</summary>
    public abstract class FixtureAwsCmdlet : PSCmdlet
    {
        [Parameter]
        [Alias("StoredCredentials", "AWSProfileName")]
        public string? ProfileName { get; set; }
    }

    /// <summary>Two parameter sets, positions, pipeline input, aliases, wildcards, an enum, ShouldProcess.</summary>
    [Cmdlet(VerbsCommon.Set, "HelpFixture", SupportsShouldProcess = true, DefaultParameterSetName = ByNameSet)]
    [OutputType(typeof(string))]
    public sealed class SetHelpFixtureCommand : FixtureAwsCmdlet
    {
        public const string ByNameSet = "ByName";
        public const string ByArnSet = "ByArn";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByNameSet, ValueFromPipelineByPropertyName = true)]
        [Alias("BucketName")]
        public string Name { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = ByArnSet, ValueFromPipeline = true)]
        public string Arn { get; set; } = string.Empty;

        [Parameter]
        [SupportsWildcards]
        public string[]? Tag { get; set; }

        [Parameter]
        public FixtureMode Mode { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord() => WriteObject(Name);
    }

    [Cmdlet(VerbsCommon.Get, "HelpFixture")]
    [OutputType(typeof(string))]
    public sealed class GetHelpFixtureCommand : PSCmdlet
    {
        [Parameter(Position = 0)]
        public string? Name { get; set; }

        protected override void ProcessRecord() => WriteObject(Name);
    }
}
