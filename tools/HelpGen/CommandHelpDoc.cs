using System.Collections.Generic;

namespace S3CrossAccount.Tools.HelpGen
{
    /// <summary>The text of one cmdlet's help as written in docs/&lt;Cmdlet&gt;.md. Metadata lives in the code.</summary>
    internal sealed class CommandHelpDoc
    {
        public CommandHelpDoc(string sourcePath) => SourcePath = sourcePath;

        public string SourcePath { get; }

        /// <summary>The level-1 heading: the cmdlet name.</summary>
        public string Name { get; set; } = string.Empty;

        public string Synopsis { get; set; } = string.Empty;

        public List<string> Description { get; } = new List<string>();

        public List<HelpExample> Examples { get; } = new List<HelpExample>();

        /// <summary>Parameter name (without the dash) to its description paragraphs, in file order.</summary>
        public Dictionary<string, List<string>> Parameters { get; } = new Dictionary<string, List<string>>(System.StringComparer.OrdinalIgnoreCase);

        public List<HelpTypeEntry> Inputs { get; } = new List<HelpTypeEntry>();

        public List<HelpTypeEntry> Outputs { get; } = new List<HelpTypeEntry>();

        public List<string> Notes { get; } = new List<string>();

        public List<HelpLink> RelatedLinks { get; } = new List<HelpLink>();
    }

    internal sealed class HelpExample
    {
        public HelpExample(string title) => Title = title;

        /// <summary>"Example 1: Short title".</summary>
        public string Title { get; }

        /// <summary>The contents of the example's powershell code fences, joined by a new line.</summary>
        public string Code { get; set; } = string.Empty;

        public List<string> Remarks { get; } = new List<string>();
    }

    internal sealed class HelpTypeEntry
    {
        public HelpTypeEntry(string typeName) => TypeName = typeName;

        public string TypeName { get; }

        public List<string> Description { get; } = new List<string>();
    }

    internal sealed class HelpLink
    {
        public HelpLink(string text, string? uri)
        {
            Text = text;
            Uri = uri;
        }

        public string Text { get; }

        public string? Uri { get; }
    }
}
