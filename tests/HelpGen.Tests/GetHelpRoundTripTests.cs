using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using S3CrossAccount.Tools.HelpGen.Tests.Fixtures;
using Xunit;

namespace S3CrossAccount.Tools.HelpGen.Tests
{
    /// <summary>
    /// The generated MAML read back by the real Get-Help: this test assembly is imported as a binary
    /// module (its fixture cmdlets) with the generated help in en-US/ beside it, as the package does.
    /// Both tests write the same file; xunit runs the tests of one class one after the other.
    /// </summary>
    public class GetHelpRoundTripTests : IDisposable
    {
        private readonly Runspace _runspace;

        public GetHelpRoundTripTests()
        {
            // Get-Help finds a binary cmdlet's help as en-US/<assembly file name>-Help.xml beside the assembly.
            var assembly = typeof(SetHelpFixtureCommand).Assembly.Location;
            var helpDirectory = Path.Combine(Path.GetDirectoryName(assembly)!, "en-US");
            Directory.CreateDirectory(helpDirectory);
            using (var docs = new FixtureDocs())
            {
                docs.Generate().Maml!.Save(Path.Combine(helpDirectory, Path.GetFileName(assembly) + "-Help.xml"));
            }

            _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            _runspace.Open();
            Invoke($"Import-Module '{assembly}'");
        }

        [Fact]
        public void GetHelpFull_ShowsSynopsisDescriptionParametersAndExamples()
        {
            var help = Invoke("Get-Help Set-HelpFixture -Full").Single();
            Assert.Equal("Sets the fixture on one line.", help.Properties["Synopsis"].Value?.ToString()?.Trim());
            var description = Invoke("(Get-Help Set-HelpFixture -Full).description[0].Text").Single().ToString()!.Trim();
            Assert.Equal("First paragraph of the description.", description);
            var examples = Invoke("(Get-Help Set-HelpFixture -Examples).examples.example.code");
            Assert.Equal(new[] { "# A comment is code, not a heading\nSet-HelpFixture -Name demo -Tag a*, b", "'arn:aws:s3:::demo' | Set-HelpFixture -WhatIf" }, examples.Select(e => e.ToString()));
            var tag = Invoke("Get-Help Set-HelpFixture -Parameter Tag").Single();
            Assert.Equal("true", tag.Properties["globbing"].Value?.ToString());
            Assert.Equal("Tags; wildcards allowed.", Invoke("(Get-Help Set-HelpFixture -Parameter Tag).description[0].Text").Single().ToString()!.Trim());
            Assert.Equal("The name of a stored credential profile.", Invoke("(Get-Help Set-HelpFixture -Parameter ProfileName).description[0].Text").Single().ToString()!.Trim());
        }

        [Fact]
        public void GetHelp_ShowsOneSyntaxPerParameterSet_AndTheRelatedLinks()
        {
            Assert.Equal(2, Invoke("@((Get-Help Set-HelpFixture).syntax.syntaxItem).Count").Single().BaseObject);
            var links = Invoke("(Get-Help Set-HelpFixture -Full).relatedLinks.navigationLink.linkText").Select(l => l.ToString());
            Assert.Equal(new[] { "Get-HelpFixture", "Bucket policies" }, links);
        }

        public void Dispose()
        {
            _runspace.Dispose();
        }

        private System.Collections.ObjectModel.Collection<PSObject> Invoke(string script)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddScript(script);
            var output = ps.Invoke();
            if (ps.HadErrors)
            {
                throw new Xunit.Sdk.XunitException(script + ": " + string.Join("; ", ps.Streams.Error.Select(e => e.ToString())));
            }

            return output;
        }
    }
}
