using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Help
{
    /// <summary>The packaged format file names only real module types, and every module output type has a table view.</summary>
    public class FormatFileTests
    {
        private static XDocument Format => XDocument.Load(ModuleFiles.FormatFile);

        [Fact]
        public void EveryViewTypeName_ResolvesToAPublicTypeInTheModulesAssemblies()
        {
            using var session = new PowerShellSession();
            // -as [type] only sees loaded assemblies; Core may not be loaded until a cmdlet needs it.
            session.Run($"$null = [System.Reflection.Assembly]::LoadFrom('{System.IO.Path.Combine(ModuleFiles.PackageDirectory, "S3CrossAccount.Core.dll")}')").ShouldSucceed();
            var problems = new List<string>();
            foreach (var typeName in Format.Descendants("ViewSelectedBy").Elements("TypeName").Select(e => e.Value.Trim()).Distinct())
            {
                var assembly = session.Run($"$t = '{typeName}' -as [type]; if ($t -and $t.IsPublic) {{ $t.Assembly.GetName().Name }}").ShouldSucceed().Text;
                if (assembly != "S3CrossAccount" && assembly != "S3CrossAccount.Core")
                {
                    problems.Add($"{typeName}: not a public type of S3CrossAccount.dll or S3CrossAccount.Core.dll");
                }
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        [Fact]
        public void EveryModuleOutputType_HasATableView()
        {
            using var session = new PowerShellSession();
            var tables = Format.Descendants("View")
                .Where(v => v.Element("TableControl") != null)
                .SelectMany(v => v.Element("ViewSelectedBy")?.Elements("TypeName").Select(t => t.Value.Trim()) ?? Enumerable.Empty<string>())
                .ToHashSet(StringComparer.Ordinal);
            var missing = CmdletHelpTests.ModuleOutputTypes(session).Where(t => !tables.Contains(t)).ToList();
            Assert.True(missing.Count == 0, "S3CrossAccount.Format.ps1xml has no table view for: " + string.Join(", ", missing));
        }

        [Fact]
        public void FormatFile_IsLoadedWithTheModule()
        {
            using var session = new PowerShellSession();
            var names = session.Run("(Get-Module S3CrossAccount).ExportedFormatFiles | ForEach-Object { [System.IO.Path]::GetFileName($_) }").ShouldSucceed().All<string>();
            Assert.Equal(new[] { "S3CrossAccount.Format.ps1xml" }, names);
        }
    }
}
