using System.Linq;
using System.Management.Automation;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Completion
{
    /// <summary>
    /// The -Region completer as PowerShell runs it: through TabExpansion2 on a script function that
    /// declares [ArgumentCompleter([S3CrossAccount.Commands.Completers.RegionCompleter])], the same
    /// attribute the module's cmdlets carry. (The completer reads only Core's AwsRegionNames; whether an
    /// AWS assembly is loaded cannot be asserted here, as other tests in this process load it.)
    /// </summary>
    public class RegionCompleterTests
    {
        private const string Probe = "function Test-RegionProbe { param([ArgumentCompleter([S3CrossAccount.Commands.Completers.RegionCompleter])] [string] $Region) }";

        [Fact]
        public void Prefix_CompletesTheMatchingRegionNames_WithTheDisplayNameAsToolTip()
        {
            using var session = new PowerShellSession();
            session.Run(Probe).ShouldSucceed();
            var results = Complete(session, "Test-RegionProbe -Region eu-w");
            Assert.Equal(new[] { "eu-west-1", "eu-west-2", "eu-west-3" }, results.Select(r => r.CompletionText));
            Assert.Equal("eu-west-1 - Europe (Ireland)", results[0].ToolTip);
            Assert.Equal(CompletionResultType.ParameterValue, results[0].ResultType);
        }

        [Fact]
        public void WordThatStartsNoName_MatchesDisplayNames()
        {
            using var session = new PowerShellSession();
            session.Run(Probe).ShouldSucceed();
            Assert.Equal(new[] { "eu-west-1" }, Complete(session, "Test-RegionProbe -Region Ireland").Select(r => r.CompletionText));
            Assert.Equal(new[] { "us-gov-east-1", "us-gov-west-1" }, Complete(session, "Test-RegionProbe -Region GovCloud").Select(r => r.CompletionText));
        }

        private static CompletionResult[] Complete(PowerShellSession session, string line) =>
            session.Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches").ShouldSucceed().All<CompletionResult>().ToArray();
    }
}
