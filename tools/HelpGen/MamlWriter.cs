using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace S3CrossAccount.Tools.HelpGen
{
    /// <summary>
    /// Writes the MAML command help that Get-Help reads for binary cmdlets (the schema PowerShell's own
    /// *.dll-Help.xml files use). Text comes from the markdown; syntax and parameter attributes come
    /// from the cmdlet's metadata so they cannot drift from the code.
    /// </summary>
    internal static class MamlWriter
    {
        private static readonly XNamespace Msh = "http://msh";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        private static readonly IReadOnlyDictionary<string, string> RiskMitigationText = new Dictionary<string, string>
        {
            ["WhatIf"] = "Shows what would happen if the cmdlet runs. The cmdlet is not run.",
            ["Confirm"] = "Prompts you for confirmation before running the cmdlet.",
        };

        public static XDocument Write(IEnumerable<(CmdletMetadata Cmdlet, CommandHelpDoc Doc)> commands, CommandHelpDoc? shared)
        {
            var root = new XElement(Msh + "helpItems", new XAttribute("schema", "maml"));
            foreach (var (cmdlet, doc) in commands.OrderBy(c => c.Cmdlet.Name, StringComparer.Ordinal))
            {
                root.Add(WriteCommand(cmdlet, doc, shared));
            }

            return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
        }

        private static XElement WriteCommand(CmdletMetadata cmdlet, CommandHelpDoc doc, CommandHelpDoc? shared)
        {
            IReadOnlyList<string> DescriptionOf(ParameterMetadata p)
            {
                if (doc.Parameters.TryGetValue(p.Name, out var own) && own.Count > 0)
                {
                    return own;
                }

                if (shared != null && shared.Parameters.TryGetValue(p.Name, out var common) && common.Count > 0)
                {
                    return common;
                }

                return RiskMitigationText.TryGetValue(p.Name, out var text) ? new[] { text } : Array.Empty<string>();
            }

            return new XElement(Command + "command",
                new XAttribute(XNamespace.Xmlns + "maml", Maml),
                new XAttribute(XNamespace.Xmlns + "command", Command),
                new XAttribute(XNamespace.Xmlns + "dev", Dev),
                new XElement(Command + "details",
                    new XElement(Command + "name", cmdlet.Name),
                    new XElement(Command + "verb", cmdlet.Verb),
                    new XElement(Command + "noun", cmdlet.Noun),
                    Description(new[] { doc.Synopsis })),
                Description(doc.Description),
                new XElement(Command + "syntax",
                    cmdlet.ParameterSetNames.Select(set => new XElement(Command + "syntaxItem",
                        new XElement(Maml + "name", cmdlet.Name),
                        cmdlet.Parameters.Where(p => p.IsIn(set)).Select(p => Parameter(p, p.For(set), DescriptionOf(p), inSyntax: true))))),
                new XElement(Command + "parameters",
                    cmdlet.Parameters.Select(p => Parameter(p, Summary(p), DescriptionOf(p), inSyntax: false))),
                new XElement(Command + "inputTypes", doc.Inputs.Select(i => new XElement(Command + "inputType", TypeElement(i.TypeName), Description(i.Description)))),
                new XElement(Command + "returnValues", doc.Outputs.Select(o => new XElement(Command + "returnValue", TypeElement(o.TypeName), Description(o.Description)))),
                new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(doc.Notes))),
                new XElement(Command + "examples", doc.Examples.Select(e => new XElement(Command + "example",
                    new XElement(Maml + "title", "-------------------------- " + e.Title + " --------------------------"),
                    new XElement(Dev + "code", e.Code),
                    new XElement(Dev + "remarks", Paragraphs(e.Remarks))))),
                new XElement(Maml + "relatedLinks", doc.RelatedLinks.Select(l => new XElement(Maml + "navigationLink",
                    new XElement(Maml + "linkText", l.Text),
                    new XElement(Maml + "uri", l.Uri ?? string.Empty)))));
        }

        /// <summary>
        /// The parameters section shows one line per parameter: required only when required in every
        /// set it belongs to, a position only when it is the same in all of them.
        /// </summary>
        private static ParameterSetMembership Summary(ParameterMetadata p)
        {
            var positions = p.Sets.Select(s => s.Position).Distinct().ToList();
            return new ParameterSetMembership(
                "summary",
                p.Sets.All(s => s.Mandatory),
                positions.Count == 1 ? positions[0] : int.MinValue,
                p.Sets.Any(s => s.ByValue),
                p.Sets.Any(s => s.ByPropertyName));
        }

        private static XElement Parameter(ParameterMetadata p, ParameterSetMembership set, IReadOnlyList<string> description, bool inSyntax)
        {
            var element = new XElement(Command + "parameter",
                new XAttribute("required", set.Mandatory ? "true" : "false"),
                new XAttribute("variableLength", p.Type.IsArray ? "true" : "false"),
                new XAttribute("globbing", p.Globbing ? "true" : "false"),
                new XAttribute("pipelineInput", PipelineInput(set)),
                new XAttribute("position", set.Position == int.MinValue ? "named" : set.Position.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new XAttribute("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases)),
                new XElement(Maml + "name", p.Name),
                Description(description));
            if (p.ValidValues.Count > 0 && inSyntax)
            {
                element.Add(new XElement(Command + "parameterValueGroup",
                    p.ValidValues.Select(v => new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute("variableLength", "false"), v))));
            }
            else if (!p.IsSwitch)
            {
                element.Add(new XElement(Command + "parameterValue",
                    new XAttribute("required", "true"),
                    new XAttribute("variableLength", p.Type.IsArray ? "true" : "false"),
                    TypeNames.Short(p.Type)));
            }

            element.Add(new XElement(Dev + "type", new XElement(Maml + "name", TypeNames.Full(p.Type)), new XElement(Maml + "uri")));
            element.Add(new XElement(Dev + "defaultValue", "None"));
            return element;
        }

        private static string PipelineInput(ParameterSetMembership set)
        {
            if (set.ByValue && set.ByPropertyName)
            {
                return "True (ByValue, ByPropertyName)";
            }

            if (set.ByValue)
            {
                return "True (ByValue)";
            }

            return set.ByPropertyName ? "True (ByPropertyName)" : "False";
        }

        private static XElement TypeElement(string name) =>
            new XElement(Dev + "type", new XElement(Maml + "name", name), new XElement(Maml + "uri"));

        private static XElement Description(IEnumerable<string> paragraphs) =>
            new XElement(Maml + "description", Paragraphs(paragraphs));

        private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) =>
            paragraphs.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => new XElement(Maml + "para", p));
    }

    internal static class TypeNames
    {
        /// <summary>"String[]", "Nullable`1" becomes "Int32", generics keep their arguments.</summary>
        public static string Short(Type type)
        {
            var underlying = Nullable.GetUnderlyingType(type);
            if (underlying != null)
            {
                return Short(underlying);
            }

            if (type.IsArray)
            {
                return Short(type.GetElementType()!) + "[]";
            }

            if (type.IsGenericType)
            {
                var name = type.Name.Substring(0, type.Name.IndexOf('`'));
                return name + "[" + string.Join(", ", type.GetGenericArguments().Select(Short)) + "]";
            }

            return type.Name;
        }

        public static string Full(Type type)
        {
            var underlying = Nullable.GetUnderlyingType(type);
            if (underlying != null)
            {
                return Full(underlying);
            }

            if (type.IsArray)
            {
                return Full(type.GetElementType()!) + "[]";
            }

            if (type.IsGenericType)
            {
                var definition = type.GetGenericTypeDefinition().FullName!;
                return definition.Substring(0, definition.IndexOf('`')) + "[" + string.Join(", ", type.GetGenericArguments().Select(Full)) + "]";
            }

            return type.FullName ?? type.Name;
        }
    }
}
