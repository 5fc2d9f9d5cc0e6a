using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using Xunit;

namespace S3CrossAccount.Tools.HelpGen.Tests
{
    /// <summary>HelpGen against the real packaged module, the way the build runs it.</summary>
    public class PackagedModuleTests
    {
        private static string ModuleOutDir =>
            typeof(PackagedModuleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ModuleOutDir").Value!;

        [Fact]
        public void CmdletAssemblyBuiltAgainstPowerShellStandard_BindsToTheEnginesTypes()
        {
            // S3CrossAccount.dll references System.Management.Automation from PowerShellStandard.Library 5.1;
            // loaded here it must bind to SMA 7.6.9, or no cmdlet would be seen as a Cmdlet.
            var assembly = HelpGenerator.LoadCmdletAssembly(Path.Combine(ModuleOutDir, "S3CrossAccount.dll"));
            var baseType = assembly.GetType("S3CrossAccount.Commands.Base.XAccountCmdlet", throwOnError: true)!;
            Assert.True(typeof(PSCmdlet).IsAssignableFrom(baseType));
            var found = CmdletMetadata.FromAssembly(assembly).Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal);
            var exported = ManifestReader.CmdletsToExport(Path.Combine(ModuleOutDir, "S3CrossAccount.psd1")).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(exported, found);
        }

        [Fact]
        public void ManifestReader_ReadsCmdletsToExport_IgnoringComments()
        {
            var path = Path.Combine(Path.GetTempPath(), "helpgen-" + Guid.NewGuid().ToString("N") + ".psd1");
            File.WriteAllText(path, "@{\n RootModule = 'X.dll'\n CmdletsToExport = @(\n  # Area one\n  'Get-A',\n  'Set-B' # trailing\n  # 'Get-Commented'\n )\n FunctionsToExport = @('F')\n}\n");
            try
            {
                Assert.Equal(new[] { "Get-A", "Set-B" }, ManifestReader.CmdletsToExport(path));
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
