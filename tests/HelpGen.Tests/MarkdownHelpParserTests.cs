using System.Linq;
using Xunit;

namespace S3CrossAccount.Tools.HelpGen.Tests
{
    public class MarkdownHelpParserTests
    {
        private static CommandHelpDoc Parsed => MarkdownHelpParser.Parse(FixtureDocs.SetDoc, "Set-HelpFixture.md");

        [Fact]
        public void Name_And_Synopsis_AreReflowedToOneLine()
        {
            Assert.Equal("Set-HelpFixture", Parsed.Name);
            Assert.Equal("Sets the fixture on one line.", Parsed.Synopsis);
        }

        [Fact]
        public void Description_KeepsParagraphs()
        {
            Assert.Equal(new[] { "First paragraph of the description.", "Second paragraph." }, Parsed.Description);
        }

        [Fact]
        public void Examples_SplitTitleCodeAndRemarks_AndCommentsInCodeAreNotHeadings()
        {
            var examples = Parsed.Examples;
            Assert.Equal(2, examples.Count);
            Assert.Equal("Example 1: By name", examples[0].Title);
            Assert.Equal("# A comment is code, not a heading\nSet-HelpFixture -Name demo -Tag a*, b", examples[0].Code);
            Assert.Equal(new[] { "Sets demo." }, examples[0].Remarks);
            Assert.Equal("'arn:aws:s3:::demo' | Set-HelpFixture -WhatIf", examples[1].Code);
        }

        [Fact]
        public void Parameters_AreKeyedByNameWithoutTheDash()
        {
            Assert.Equal(new[] { "Name", "Arn", "Tag", "Mode", "Force" }, Parsed.Parameters.Keys.ToArray());
            Assert.Equal(new[] { "Tags; wildcards allowed." }, Parsed.Parameters["tag"]);
        }

        [Fact]
        public void InputsOutputsNotesAndLinks()
        {
            var doc = Parsed;
            Assert.Equal("System.String", doc.Inputs.Single().TypeName);
            Assert.Equal(new[] { "An ARN." }, doc.Inputs.Single().Description);
            Assert.Equal(new[] { "The name." }, doc.Outputs.Single().Description);
            Assert.Equal(new[] { "Fixture notes." }, doc.Notes);
            Assert.Equal("Get-HelpFixture", doc.RelatedLinks[0].Text);
            Assert.Null(doc.RelatedLinks[0].Uri);
            Assert.Equal("Bucket policies", doc.RelatedLinks[1].Text);
            Assert.Equal("https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html", doc.RelatedLinks[1].Uri);
        }

        [Fact]
        public void Lists_KeepTheirLines_CodeInADescriptionStaysVerbatim()
        {
            var doc = MarkdownHelpParser.Parse("# X-Y\n## DESCRIPTION\nIntro\ncontinued.\n\n- one\n- two\n\n```json\n{ \"a\": 1 }\n```\n", "X-Y.md");
            Assert.Equal(new[] { "Intro continued.", "- one\n- two", "{ \"a\": 1 }" }, doc.Description);
        }

        [Fact]
        public void CodeInAnotherLanguage_IsARemarkNotExampleCode()
        {
            var doc = MarkdownHelpParser.Parse("# X-Y\n## EXAMPLES\n### Example 1: T\n```powershell\nGet-Date\n```\n```json\n{}\n```\n", "X-Y.md");
            Assert.Equal("Get-Date", doc.Examples[0].Code);
            Assert.Equal(new[] { "{}" }, doc.Examples[0].Remarks);
        }

        [Fact]
        public void CrLfLineEndings_ParseLikeLf()
        {
            var doc = MarkdownHelpParser.Parse(FixtureDocs.SetDoc.Replace("\n", "\r\n"), "Set-HelpFixture.md");
            Assert.Equal("Sets the fixture on one line.", doc.Synopsis);
            Assert.Equal("# A comment is code, not a heading\nSet-HelpFixture -Name demo -Tag a*, b", doc.Examples[0].Code);
        }

        [Fact]
        public void UnclosedFence_IsAFormatError()
        {
            var ex = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.Parse("# X-Y\n## EXAMPLES\n```powershell\nGet-Date\n", "X-Y.md"));
            Assert.Equal("X-Y.md", ex.SourcePath);
            Assert.Contains("not closed", ex.Message);
        }
    }
}
