using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using S3CrossAccount.Tools.HelpGen.Tests.Fixtures;

namespace S3CrossAccount.Tools.HelpGen.Tests
{
    /// <summary>A docs/ folder with complete help for the fixture cmdlets; tests break it one way at a time.</summary>
    internal sealed class FixtureDocs : IDisposable
    {
        public const string SetDoc = """
            # Set-HelpFixture
            ## SYNOPSIS
            Sets the fixture
            on one line.
            ## DESCRIPTION
            First paragraph
            of the description.

            Second paragraph.
            ## EXAMPLES
            ### Example 1: By name
            ```powershell
            # A comment is code, not a heading
            Set-HelpFixture -Name demo -Tag a*, b
            ```
            Sets demo.
            ### Example 2: From the pipeline
            ```powershell
            'arn:aws:s3:::demo' | Set-HelpFixture -WhatIf
            ```
            Shows what would change.
            ## PARAMETERS
            ### -Name
            The name.
            ### -Arn
            The ARN.
            ### -Tag
            Tags; wildcards allowed.
            ### -Mode
            Merge or replace.
            ### -Force
            Skips the prompt.
            ## INPUTS
            ### System.String
            An ARN.
            ## OUTPUTS
            ### System.String
            The name.
            ## NOTES
            Fixture notes.
            ## RELATED LINKS
            - Get-HelpFixture
            - [Bucket policies](https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html)
            """;

        public const string GetDoc = """
            # Get-HelpFixture
            ## SYNOPSIS
            Gets the fixture.
            ## DESCRIPTION
            Gets it.
            ## EXAMPLES
            ### Example 1: One
            ```powershell
            Get-HelpFixture
            ```
            ### Example 2: Two
            ```powershell
            Get-HelpFixture -Name x
            ```
            ## PARAMETERS
            ### -Name
            The name.
            """;

        public const string SharedDoc = """
            # Shared parameters
            ## PARAMETERS
            ### -ProfileName
            The name of a stored credential profile.
            ### -Region
            Declared by no fixture: shared descriptions may cover parameters a cmdlet lacks.
            """;

        public FixtureDocs()
        {
            Directory = Path.Combine(Path.GetTempPath(), "helpgen-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(Directory);
            Write("Set-HelpFixture.md", SetDoc);
            Write("Get-HelpFixture.md", GetDoc);
            Write(HelpGenerator.SharedParametersFile, SharedDoc);
        }

        public string Directory { get; }

        public string ManifestPath => Path.Combine(Directory, "Fixture.psd1");

        public static IReadOnlyList<CmdletMetadata> Cmdlets { get; } =
            new[] { CmdletMetadata.FromType(typeof(SetHelpFixtureCommand)), CmdletMetadata.FromType(typeof(GetHelpFixtureCommand)) };

        public static IReadOnlyList<string> Exported { get; } = new[] { "Set-HelpFixture", "Get-HelpFixture" };

        public void Write(string fileName, string content) => File.WriteAllText(Path.Combine(Directory, fileName), content);

        public void Replace(string fileName, string oldText, string newText)
        {
            var path = Path.Combine(Directory, fileName);
            var text = File.ReadAllText(path);
            if (!text.Contains(oldText, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("fixture text not found: " + oldText);
            }

            File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
        }

        public void Delete(string fileName) => File.Delete(Path.Combine(Directory, fileName));

        public (List<HelpProblem> Problems, System.Xml.Linq.XDocument? Maml) Generate(IReadOnlyList<string>? exported = null) =>
            HelpGenerator.Generate(Directory, Cmdlets, exported ?? Exported, ManifestPath);

        public List<string> Problems(IReadOnlyList<string>? exported = null) => Generate(exported).Problems.Select(p => p.ToString()).ToList();

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }
}
