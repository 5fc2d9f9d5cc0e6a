using System.Linq;
using System.Xml.Linq;
using S3CrossAccount.Tools.HelpGen.Tests.Fixtures;
using Xunit;

namespace S3CrossAccount.Tools.HelpGen.Tests
{
    public class CmdletMetadataAndMamlTests
    {
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        [Fact]
        public void Metadata_ReadsNameSetsAndParameterAttributes()
        {
            var set = CmdletMetadata.FromType(typeof(SetHelpFixtureCommand));
            Assert.Equal("Set-HelpFixture", set.Name);
            Assert.Equal(new[] { "ByName", "ByArn" }, set.ParameterSetNames);
            // Own parameters first, then the base class's, then the engine's -WhatIf/-Confirm.
            Assert.Equal(new[] { "Name", "Arn", "Tag", "Mode", "Force", "ProfileName", "WhatIf", "Confirm" }, set.Parameters.Select(p => p.Name));
            var name = set.Parameters.Single(p => p.Name == "Name");
            Assert.Equal(new[] { "BucketName" }, name.Aliases);
            Assert.True(name.For("ByName").Mandatory);
            Assert.Equal(0, name.For("ByName").Position);
            Assert.True(name.For("ByName").ByPropertyName);
            Assert.False(name.IsIn("ByArn"));
            Assert.True(set.Parameters.Single(p => p.Name == "Tag").Globbing);
            Assert.Equal(new[] { "Merge", "Replace" }, set.Parameters.Single(p => p.Name == "Mode").ValidValues);
            Assert.True(set.Parameters.Single(p => p.Name == "ProfileName").DeclaredOnBase);
            Assert.Equal(new[] { "StoredCredentials", "AWSProfileName" }, set.Parameters.Single(p => p.Name == "ProfileName").Aliases);
        }

        [Fact]
        public void CmdletWithoutNamedSets_HasOneSyntaxItem()
        {
            Assert.Equal(new[] { CmdletMetadata.AllParameterSets }, CmdletMetadata.FromType(typeof(GetHelpFixtureCommand)).ParameterSetNames);
        }

        [Fact]
        public void Maml_HasOneSyntaxItemPerSet_WithThatSetsParameters()
        {
            var command = SetCommand();
            var items = command.Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
            Assert.Equal(2, items.Count);
            Assert.Equal(new[] { "Name", "Tag", "Mode", "Force", "ProfileName", "WhatIf", "Confirm" }, ParameterNames(items[0]));
            Assert.Equal(new[] { "Arn", "Tag", "Mode", "Force", "ProfileName", "WhatIf", "Confirm" }, ParameterNames(items[1]));
        }

        [Fact]
        public void Maml_ParameterAttributesComeFromTheCode_DescriptionsFromTheMarkdown()
        {
            var parameters = SetCommand().Element(Command + "parameters")!.Elements(Command + "parameter").ToDictionary(p => p.Element(Maml + "name")!.Value);
            var name = parameters["Name"];
            Assert.Equal("true", (string?)name.Attribute("required"));
            Assert.Equal("0", (string?)name.Attribute("position"));
            Assert.Equal("True (ByPropertyName)", (string?)name.Attribute("pipelineInput"));
            Assert.Equal("BucketName", (string?)name.Attribute("aliases"));
            Assert.Equal("The name.", name.Element(Maml + "description")!.Value);
            Assert.Equal("System.String", name.Element(Dev + "type")!.Element(Maml + "name")!.Value);
            Assert.Equal("True (ByValue)", (string?)parameters["Arn"].Attribute("pipelineInput"));
            Assert.Equal("named", (string?)parameters["Arn"].Attribute("position"));
            Assert.Equal("true", (string?)parameters["Tag"].Attribute("globbing"));
            Assert.Equal("true", (string?)parameters["Tag"].Attribute("variableLength"));
            Assert.Equal("String[]", parameters["Tag"].Element(Command + "parameterValue")!.Value);
            Assert.Null(parameters["Force"].Element(Command + "parameterValue"));
            Assert.Equal("The name of a stored credential profile.", parameters["ProfileName"].Element(Maml + "description")!.Value);
            Assert.Equal("StoredCredentials, AWSProfileName", (string?)parameters["ProfileName"].Attribute("aliases"));
            Assert.Equal("Shows what would happen if the cmdlet runs. The cmdlet is not run.", parameters["WhatIf"].Element(Maml + "description")!.Value);
        }

        [Fact]
        public void Maml_EnumParameterListsItsValuesInTheSyntax()
        {
            var mode = SetCommand().Element(Command + "syntax")!.Elements(Command + "syntaxItem").First()
                .Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == "Mode");
            Assert.Equal(new[] { "Merge", "Replace" }, mode.Element(Command + "parameterValueGroup")!.Elements().Select(e => e.Value));
        }

        [Fact]
        public void Maml_CarriesDetailsExamplesTypesNotesAndLinks()
        {
            var command = SetCommand();
            var details = command.Element(Command + "details")!;
            Assert.Equal("Set-HelpFixture", details.Element(Command + "name")!.Value);
            Assert.Equal("Set", details.Element(Command + "verb")!.Value);
            Assert.Equal("HelpFixture", details.Element(Command + "noun")!.Value);
            Assert.Equal("Sets the fixture on one line.", details.Element(Maml + "description")!.Value);
            Assert.Equal(new[] { "First paragraph of the description.", "Second paragraph." }, command.Element(Maml + "description")!.Elements(Maml + "para").Select(p => p.Value));
            var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
            Assert.Equal("-------------------------- Example 1: By name --------------------------", examples[0].Element(Maml + "title")!.Value);
            Assert.Equal("# A comment is code, not a heading\nSet-HelpFixture -Name demo -Tag a*, b", examples[0].Element(Dev + "code")!.Value);
            Assert.Equal("Sets demo.", examples[0].Element(Dev + "remarks")!.Value);
            Assert.Equal("System.String", command.Element(Command + "inputTypes")!.Descendants(Maml + "name").Single().Value);
            Assert.Equal("Fixture notes.", command.Element(Maml + "alertSet")!.Value);
            var links = command.Element(Maml + "relatedLinks")!.Elements(Maml + "navigationLink").ToList();
            Assert.Equal("Get-HelpFixture", links[0].Element(Maml + "linkText")!.Value);
            Assert.Equal("https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html", links[1].Element(Maml + "uri")!.Value);
        }

        [Fact]
        public void Maml_ListsOnlyExportedCmdlets_InNameOrder()
        {
            using var docs = new FixtureDocs();
            var names = docs.Generate().Maml!.Root!.Elements(Command + "command").Select(c => c.Element(Command + "details")!.Element(Command + "name")!.Value);
            Assert.Equal(new[] { "Get-HelpFixture", "Set-HelpFixture" }, names);
        }

        private static XElement SetCommand()
        {
            using var docs = new FixtureDocs();
            return docs.Generate().Maml!.Root!.Elements(Command + "command").Single(c => c.Element(Command + "details")!.Element(Command + "name")!.Value == "Set-HelpFixture");
        }

        private static string[] ParameterNames(XElement syntaxItem) =>
            syntaxItem.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value).ToArray();
    }
}
