using System.Linq;
using Xunit;

namespace S3CrossAccount.Tools.HelpGen.Tests
{
    /// <summary>Each way help can be incomplete fails generation with a message naming the cmdlet and parameter.</summary>
    public class HelpValidatorTests
    {
        [Fact]
        public void CompleteDocs_HaveNoProblems_AndProduceMaml()
        {
            using var docs = new FixtureDocs();
            var (problems, maml) = docs.Generate();
            Assert.Empty(problems);
            Assert.NotNull(maml);
        }

        [Fact]
        public void NotesWithALowerCaseName_AreNotCmdletHelp_ButACapitalisedStrayFileIs()
        {
            using var docs = new FixtureDocs();
            docs.Write("aws-calls.md", "# AWS calls per method\n\nNot cmdlet help.\n");
            Assert.Empty(docs.Problems());

            docs.Write("Get-Stray.md", "# Get-Stray\n## SYNOPSIS\nStray.\n");
            Assert.NotEmpty(docs.Problems());
        }

        [Fact]
        public void ExportedCmdletWithoutDocsFile_Fails()
        {
            using var docs = new FixtureDocs();
            docs.Delete("Get-HelpFixture.md");
            var problem = Assert.Single(docs.Problems());
            Assert.EndsWith("Get-HelpFixture.md: error XAHELP: Get-HelpFixture has no help: write docs/Get-HelpFixture.md", problem);
        }

        [Fact]
        public void MissingSynopsis_Fails()
        {
            using var docs = new FixtureDocs();
            docs.Replace("Get-HelpFixture.md", "Gets the fixture.\n", string.Empty);
            Assert.Equal("Get-HelpFixture: ## SYNOPSIS is missing or empty", Message(Assert.Single(docs.Problems())));
        }

        [Fact]
        public void MissingDescription_Fails()
        {
            using var docs = new FixtureDocs();
            docs.Replace("Get-HelpFixture.md", "## DESCRIPTION\nGets it.\n", string.Empty);
            Assert.Equal("Get-HelpFixture: ## DESCRIPTION is missing or empty", Message(Assert.Single(docs.Problems())));
        }

        [Fact]
        public void OneExample_Fails()
        {
            using var docs = new FixtureDocs();
            docs.Replace("Get-HelpFixture.md", "### Example 2: Two\n```powershell\nGet-HelpFixture -Name x\n```\n", string.Empty);
            Assert.Equal("Get-HelpFixture: has 1 example(s); at least 2 are required", Message(Assert.Single(docs.Problems())));
        }

        [Fact]
        public void ExampleWithoutCode_Fails()
        {
            using var docs = new FixtureDocs();
            docs.Replace("Get-HelpFixture.md", "```powershell\nGet-HelpFixture -Name x\n```\n", "Only words.\n");
            Assert.Equal("Get-HelpFixture: 'Example 2: Two' has no ```powershell code block", Message(Assert.Single(docs.Problems())));
        }

        [Fact]
        public void ExampleThatDoesNotParse_Fails()
        {
            using var docs = new FixtureDocs();
            docs.Replace("Get-HelpFixture.md", "Get-HelpFixture -Name x", "Get-HelpFixture -Name (x");
            var message = Message(Assert.Single(docs.Problems()));
            Assert.StartsWith("Get-HelpFixture: the code of 'Example 2: Two' does not parse:", message);
        }

        [Theory]
        [InlineData("PS> Get-HelpFixture -Name x")]
        [InlineData("PS C:\\> Get-HelpFixture -Name x")]
        public void ExampleWithAPrompt_Fails(string code)
        {
            using var docs = new FixtureDocs();
            docs.Replace("Get-HelpFixture.md", "Get-HelpFixture -Name x", code);
            Assert.Equal("Get-HelpFixture: the code of 'Example 2: Two' starts a line with a prompt (PS>); keep only the command", Message(Assert.Single(docs.Problems())));
        }

        [Fact]
        public void PlatyPsCommonParametersEntryAndYamlMetadata_AreIgnored()
        {
            using var docs = new FixtureDocs();
            docs.Replace("Get-HelpFixture.md", "### -Name\nThe name.", "### -Name\nThe name.\n\n```yaml\nType: String\nPosition: 0\n```\n\n### CommonParameters\nThis cmdlet supports the common parameters.");
            var (problems, maml) = docs.Generate();
            Assert.Empty(problems);
            Assert.DoesNotContain("Type: String", maml!.ToString());
        }

        [Fact]
        public void UndocumentedParameter_FailsNamingIt()
        {
            using var docs = new FixtureDocs();
            docs.Replace("Set-HelpFixture.md", "### -Mode\nMerge or replace.\n", string.Empty);
            Assert.Equal("Set-HelpFixture: parameter -Mode is not documented (add '### -Mode' with a description under ## PARAMETERS)", Message(Assert.Single(docs.Problems())));
        }

        [Fact]
        public void ParameterHeadingWithoutText_CountsAsUndocumented()
        {
            using var docs = new FixtureDocs();
            docs.Replace("Set-HelpFixture.md", "### -Mode\nMerge or replace.\n", "### -Mode\n");
            Assert.Equal("Set-HelpFixture: parameter -Mode is not documented (add '### -Mode' with a description under ## PARAMETERS)", Message(Assert.Single(docs.Problems())));
        }

        [Fact]
        public void DocumentedParameterThatDoesNotExist_Fails()
        {
            using var docs = new FixtureDocs();
            docs.Replace("Get-HelpFixture.md", "### -Name\nThe name.", "### -Name\nThe name.\n### -Bucket\nGone.");
            Assert.Equal("Get-HelpFixture: documents parameter -Bucket, which the cmdlet does not declare", Message(Assert.Single(docs.Problems())));
        }

        [Fact]
        public void BaseClassParameter_TakesItsHelpFromTheSharedFile_AndFailsWithoutIt()
        {
            using var docs = new FixtureDocs();
            Assert.Empty(docs.Problems());
            docs.Delete(HelpGenerator.SharedParametersFile);
            Assert.Equal("Set-HelpFixture: parameter -ProfileName is not documented (add '### -ProfileName' with a description under ## PARAMETERS)", Message(Assert.Single(docs.Problems())));
        }

        [Fact]
        public void DocsForACmdletTheManifestDoesNotExport_Fails()
        {
            using var docs = new FixtureDocs();
            var problem = Assert.Single(docs.Problems(new[] { "Set-HelpFixture" }));
            Assert.Equal("documents Get-HelpFixture, which Fixture.psd1 does not export (CmdletsToExport)", Message(problem));
        }

        [Fact]
        public void ExportedNameWithoutACmdletClass_Fails()
        {
            using var docs = new FixtureDocs();
            var problem = Assert.Single(docs.Problems(FixtureDocs.Exported.Append("Get-Nothing").ToList()));
            Assert.Equal("Get-Nothing is in CmdletsToExport but no public cmdlet class declares it", Message(problem));
        }

        [Fact]
        public void HeadingThatIsNotTheFileName_Fails()
        {
            using var docs = new FixtureDocs();
            docs.Replace("Get-HelpFixture.md", "# Get-HelpFixture", "# Get-HelpFixtures");
            Assert.Equal("the first heading '# Get-HelpFixtures' must be the cmdlet name 'Get-HelpFixture' (the file name)", Message(Assert.Single(docs.Problems())));
        }

        [Fact]
        public void EveryProblemIsReported_NotOnlyTheFirst()
        {
            using var docs = new FixtureDocs();
            docs.Replace("Set-HelpFixture.md", "### -Mode\nMerge or replace.\n", string.Empty);
            docs.Replace("Set-HelpFixture.md", "### -Force\nSkips the prompt.\n", string.Empty);
            docs.Delete("Get-HelpFixture.md");
            Assert.Equal(3, docs.Problems().Count);
        }

        private static string Message(string problem) => problem.Substring(problem.IndexOf("error XAHELP: ", System.StringComparison.Ordinal) + "error XAHELP: ".Length);
    }
}
