using System;

namespace S3CrossAccount.IntegrationTests.Harness
{
    /// <summary>Where start.sh/stop.sh are (tests/integration/rgw/, set by the csproj).</summary>
    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class RgwScriptsAttribute : Attribute
    {
        public RgwScriptsAttribute(string directory) => Directory = directory;

        public string Directory { get; }
    }
}
