using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace S3CrossAccount.Tools.HelpGen
{
    /// <summary>
    /// Reads the help markdown shape of docs/ (see the project brief): "# Name", then "## SECTION"
    /// headings, with "### " sub-headings for examples, parameters, inputs and outputs. Headings inside
    /// code fences are code (a PowerShell comment starts with '#'), never structure.
    /// </summary>
    internal static class MarkdownHelpParser
    {
        private static readonly Regex LinkPattern = new Regex(@"^\[(?<text>[^\]]+)\]\((?<uri>[^)\s]+)\)$", RegexOptions.Compiled);

        public static CommandHelpDoc ParseFile(string path) => Parse(File.ReadAllText(path), path);

        public static CommandHelpDoc Parse(string markdown, string sourcePath)
        {
            var doc = new CommandHelpDoc(sourcePath);
            var blocks = new List<Block>();
            string section = string.Empty;
            string? sub = null;
            var lines = markdown.Replace("\r\n", "\n").Split('\n');
            var text = new List<string>();
            var inFence = false;
            string fenceLanguage = string.Empty;
            var fence = new List<string>();

            void FlushText()
            {
                if (text.Count > 0)
                {
                    blocks.Add(new Block(section, sub, BlockKind.Text, string.Join("\n", text), string.Empty));
                    text.Clear();
                }
            }

            foreach (var raw in lines)
            {
                var line = raw.TrimEnd();
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    if (!inFence)
                    {
                        FlushText();
                        inFence = true;
                        fenceLanguage = line.TrimStart().Substring(3).Trim();
                        fence.Clear();
                    }
                    else
                    {
                        inFence = false;
                        blocks.Add(new Block(section, sub, BlockKind.Code, string.Join("\n", fence), fenceLanguage));
                    }

                    continue;
                }

                if (inFence)
                {
                    fence.Add(raw.TrimEnd());
                    continue;
                }

                if (line.StartsWith("### ", StringComparison.Ordinal))
                {
                    FlushText();
                    sub = line.Substring(4).Trim();
                    blocks.Add(new Block(section, sub, BlockKind.SubHeading, sub, string.Empty));
                }
                else if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    FlushText();
                    section = line.Substring(3).Trim().ToUpperInvariant();
                    sub = null;
                }
                else if (line.StartsWith("# ", StringComparison.Ordinal))
                {
                    FlushText();
                    doc.Name = line.Substring(2).Trim();
                    section = string.Empty;
                    sub = null;
                }
                else if (line.Length == 0)
                {
                    FlushText();
                }
                else
                {
                    text.Add(line);
                }
            }

            if (inFence)
            {
                throw new HelpFormatException(sourcePath, "a code fence (```) is not closed");
            }

            FlushText();
            Assemble(doc, blocks);
            return doc;
        }

        private static void Assemble(CommandHelpDoc doc, List<Block> blocks)
        {
            foreach (var block in blocks)
            {
                switch (block.Section)
                {
                    case "SYNOPSIS":
                        if (block.Kind == BlockKind.Text)
                        {
                            doc.Synopsis = doc.Synopsis.Length == 0 ? Paragraph(block.Content) : doc.Synopsis + " " + Paragraph(block.Content);
                        }

                        break;
                    case "DESCRIPTION":
                        AddBody(doc.Description, block);
                        break;
                    case "EXAMPLES":
                        if (block.Kind == BlockKind.SubHeading)
                        {
                            doc.Examples.Add(new HelpExample(block.Content));
                        }
                        else if (doc.Examples.Count > 0)
                        {
                            var example = doc.Examples[doc.Examples.Count - 1];
                            if (block.Kind == BlockKind.Code && IsPowerShell(block.Language))
                            {
                                example.Code = example.Code.Length == 0 ? block.Content : example.Code + "\n" + block.Content;
                            }
                            else
                            {
                                AddBody(example.Remarks, block);
                            }
                        }

                        break;
                    case "PARAMETERS":
                        if (block.SubHeading == null)
                        {
                            break;
                        }

                        var name = block.SubHeading.TrimStart('-').Trim();
                        // platyPS habits: a "### CommonParameters" boilerplate entry and a ```yaml block of
                        // metadata per parameter. The metadata comes from the code here, so both are skipped.
                        if (name.Equals("CommonParameters", StringComparison.OrdinalIgnoreCase) ||
                            (block.Kind == BlockKind.Code && block.Language.Equals("yaml", StringComparison.OrdinalIgnoreCase)))
                        {
                            break;
                        }

                        if (!doc.Parameters.TryGetValue(name, out var paragraphs))
                        {
                            paragraphs = new List<string>();
                            doc.Parameters[name] = paragraphs;
                        }

                        if (block.Kind != BlockKind.SubHeading)
                        {
                            AddBody(paragraphs, block);
                        }

                        break;
                    case "INPUTS":
                        AddTypeEntry(doc.Inputs, block);
                        break;
                    case "OUTPUTS":
                        AddTypeEntry(doc.Outputs, block);
                        break;
                    case "NOTES":
                        AddBody(doc.Notes, block);
                        break;
                    case "RELATED LINKS":
                        if (block.Kind == BlockKind.Text)
                        {
                            foreach (var item in block.Content.Split('\n'))
                            {
                                var entry = item.Trim().TrimStart('-', '*').Trim();
                                if (entry.Length == 0)
                                {
                                    continue;
                                }

                                var match = LinkPattern.Match(entry);
                                doc.RelatedLinks.Add(match.Success ? new HelpLink(match.Groups["text"].Value, match.Groups["uri"].Value) : new HelpLink(entry, null));
                            }
                        }

                        break;
                }
            }
        }

        private static void AddTypeEntry(List<HelpTypeEntry> entries, Block block)
        {
            if (block.Kind == BlockKind.SubHeading)
            {
                entries.Add(new HelpTypeEntry(block.Content));
            }
            else if (entries.Count > 0)
            {
                AddBody(entries[entries.Count - 1].Description, block);
            }
        }

        /// <summary>Prose paragraphs are re-flowed (Get-Help wraps them); lists and code keep their lines.</summary>
        private static void AddBody(List<string> target, Block block)
        {
            if (block.Kind == BlockKind.Code)
            {
                target.Add(block.Content);
            }
            else if (block.Kind == BlockKind.Text)
            {
                target.Add(IsList(block.Content) ? block.Content : Paragraph(block.Content));
            }
        }

        private static bool IsList(string content) =>
            content.Split('\n').Skip(1).Any() && content.Split('\n').All(l => Regex.IsMatch(l, @"^\s*([-*]|\d+\.)\s|^\s{2,}"));

        private static string Paragraph(string content) =>
            string.Join(" ", content.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

        private static bool IsPowerShell(string language) =>
            language.Equals("powershell", StringComparison.OrdinalIgnoreCase) || language.Equals("pwsh", StringComparison.OrdinalIgnoreCase) || language.Equals("ps1", StringComparison.OrdinalIgnoreCase);

        private enum BlockKind
        {
            Text,
            Code,
            SubHeading,
        }

        private sealed class Block
        {
            public Block(string section, string? subHeading, BlockKind kind, string content, string language)
            {
                Section = section;
                SubHeading = subHeading;
                Kind = kind;
                Content = content;
                Language = language;
            }

            public string Section { get; }

            public string? SubHeading { get; }

            public BlockKind Kind { get; }

            public string Content { get; }

            public string Language { get; }
        }
    }

    internal sealed class HelpFormatException : Exception
    {
        public HelpFormatException(string sourcePath, string message)
            : base(message) => SourcePath = sourcePath;

        public string SourcePath { get; }
    }
}
