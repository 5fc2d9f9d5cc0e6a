using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace S3CrossAccount.Tools.HelpGen
{
    /// <summary>What the code says about a cmdlet: name, parameter sets, parameters. Read by reflection.</summary>
    internal sealed class CmdletMetadata
    {
        public const string AllParameterSets = "__AllParameterSets";

        private CmdletMetadata(Type type, string verb, string noun, string? defaultSet, bool supportsShouldProcess, IReadOnlyList<ParameterMetadata> parameters, IReadOnlyList<string> outputTypes)
        {
            Type = type;
            Verb = verb;
            Noun = noun;
            DefaultParameterSet = defaultSet;
            SupportsShouldProcess = supportsShouldProcess;
            Parameters = parameters;
            OutputTypes = outputTypes;
        }

        public Type Type { get; }

        public string Verb { get; }

        public string Noun { get; }

        public string Name => Verb + "-" + Noun;

        public string? DefaultParameterSet { get; }

        public bool SupportsShouldProcess { get; }

        /// <summary>Declared parameters (including those of base classes), then -WhatIf/-Confirm when ShouldProcess is supported.</summary>
        public IReadOnlyList<ParameterMetadata> Parameters { get; }

        public IReadOnlyList<string> OutputTypes { get; }

        /// <summary>Named parameter sets, the default first; one unnamed set when no parameter names one.</summary>
        public IReadOnlyList<string> ParameterSetNames
        {
            get
            {
                var named = Parameters.SelectMany(p => p.Sets.Select(s => s.SetName))
                    .Where(n => n != AllParameterSets).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                if (named.Count == 0)
                {
                    return new[] { AllParameterSets };
                }

                if (DefaultParameterSet != null && named.Remove(DefaultParameterSet))
                {
                    named.Insert(0, DefaultParameterSet);
                }

                return named;
            }
        }

        public static IEnumerable<CmdletMetadata> FromAssembly(Assembly assembly) =>
            GetLoadableTypes(assembly)
                .Where(t => t.IsPublic && !t.IsAbstract && typeof(Cmdlet).IsAssignableFrom(t) && t.GetCustomAttribute<CmdletAttribute>() != null)
                .Select(FromType);

        public static CmdletMetadata FromType(Type type)
        {
            var cmdlet = type.GetCustomAttribute<CmdletAttribute>()
                ?? throw new ArgumentException(type.FullName + " has no [Cmdlet] attribute", nameof(type));
            var parameters = new List<ParameterMetadata>();
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(DeclarationDepth(type)).ThenBy(p => p.MetadataToken))
            {
                var attributes = property.GetCustomAttributes<ParameterAttribute>(inherit: true).ToList();
                if (attributes.Count == 0)
                {
                    continue;
                }

                var sets = attributes.Select(a => new ParameterSetMembership(
                    a.ParameterSetName ?? AllParameterSets,
                    a.Mandatory,
                    a.Position,
                    a.ValueFromPipeline,
                    a.ValueFromPipelineByPropertyName)).ToList();
                var aliases = property.GetCustomAttributes<AliasAttribute>(inherit: true).SelectMany(a => a.AliasNames).ToList();
                var globbing = property.GetCustomAttribute<SupportsWildcardsAttribute>(inherit: true) != null;
                var validValues = property.GetCustomAttribute<ValidateSetAttribute>(inherit: true)?.ValidValues.ToList()
                    ?? (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) switch
                    {
                        { IsEnum: true } e => Enum.GetNames(e).ToList(),
                        _ => new List<string>(),
                    };
                parameters.Add(new ParameterMetadata(property.Name, property.PropertyType, aliases, globbing, sets, validValues, property.DeclaringType != type, isRiskMitigation: false));
            }

            if (cmdlet.SupportsShouldProcess)
            {
                foreach (var name in new[] { "WhatIf", "Confirm" })
                {
                    var alias = name == "WhatIf" ? "wi" : "cf";
                    parameters.Add(new ParameterMetadata(name, typeof(SwitchParameter), new[] { alias }, false,
                        new[] { new ParameterSetMembership(AllParameterSets, false, int.MinValue, false, false) }, Array.Empty<string>(), declaredOnBase: false, isRiskMitigation: true));
                }
            }

            var outputTypes = type.GetCustomAttributes<OutputTypeAttribute>(inherit: true)
                .SelectMany(a => a.Type).Select(t => t.Name).Distinct(StringComparer.Ordinal).ToList();
            return new CmdletMetadata(type, cmdlet.VerbName, cmdlet.NounName, cmdlet.DefaultParameterSetName, cmdlet.SupportsShouldProcess, parameters, outputTypes);
        }

        /// <summary>Base-class parameters first would bury the cmdlet's own; list its own first.</summary>
        private static Func<PropertyInfo, int> DeclarationDepth(Type type) => p =>
        {
            var depth = 0;
            for (var t = type; t != null && t != p.DeclaringType; t = t.BaseType)
            {
                depth++;
            }

            return depth;
        };

        private static IEnumerable<Type> GetLoadableTypes(Assembly assembly)
        {
            try
            {
                return assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException ex)
            {
                throw new InvalidOperationException(
                    "cannot load the types of " + assembly.GetName().Name + ": " +
                    string.Join("; ", ex.LoaderExceptions.Where(e => e != null).Select(e => e!.Message).Distinct()), ex);
            }
        }
    }

    internal sealed class ParameterMetadata
    {
        public ParameterMetadata(string name, Type type, IReadOnlyList<string> aliases, bool globbing, IReadOnlyList<ParameterSetMembership> sets, IReadOnlyList<string> validValues, bool declaredOnBase, bool isRiskMitigation)
        {
            Name = name;
            Type = type;
            Aliases = aliases;
            Globbing = globbing;
            Sets = sets;
            ValidValues = validValues;
            DeclaredOnBase = declaredOnBase;
            IsRiskMitigation = isRiskMitigation;
        }

        public string Name { get; }

        public Type Type { get; }

        public IReadOnlyList<string> Aliases { get; }

        public bool Globbing { get; }

        public IReadOnlyList<ParameterSetMembership> Sets { get; }

        /// <summary>From [ValidateSet] or the enum's names; empty when any value goes.</summary>
        public IReadOnlyList<string> ValidValues { get; }

        /// <summary>Declared on a base class (the AWS common parameters): may take its text from docs/_shared-parameters.md.</summary>
        public bool DeclaredOnBase { get; }

        /// <summary>-WhatIf/-Confirm, added by the engine for SupportsShouldProcess.</summary>
        public bool IsRiskMitigation { get; }

        public bool IsSwitch => Type == typeof(SwitchParameter);

        public bool IsIn(string setName) =>
            Sets.Any(s => s.SetName == CmdletMetadata.AllParameterSets || string.Equals(s.SetName, setName, StringComparison.OrdinalIgnoreCase));

        public ParameterSetMembership For(string setName) =>
            Sets.FirstOrDefault(s => string.Equals(s.SetName, setName, StringComparison.OrdinalIgnoreCase))
            ?? Sets.First(s => s.SetName == CmdletMetadata.AllParameterSets);
    }

    internal sealed class ParameterSetMembership
    {
        public ParameterSetMembership(string setName, bool mandatory, int position, bool byValue, bool byPropertyName)
        {
            SetName = setName;
            Mandatory = mandatory;
            Position = position;
            ByValue = byValue;
            ByPropertyName = byPropertyName;
        }

        public string SetName { get; }

        public bool Mandatory { get; }

        /// <summary>int.MinValue when the parameter is named only (ParameterAttribute's default).</summary>
        public int Position { get; }

        public bool ByValue { get; }

        public bool ByPropertyName { get; }
    }
}
