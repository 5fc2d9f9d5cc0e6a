using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace S3CrossAccount.Engine.Tests
{
    public class ModuleImportTests
    {
        [Fact]
        public void ImportByManifest_ExportsExactlyTheManifestCmdlets()
        {
            using var session = new PowerShellSession();
            var exported = session.Run("(Get-Command -Module S3CrossAccount).Name").ShouldSucceed()
                .All<string>().OrderBy(n => n, StringComparer.Ordinal).ToArray();
            var fromManifest = session.Run($"(Test-ModuleManifest -Path '{PowerShellSession.ManifestPath}').ExportedCmdlets.Keys").ShouldSucceed()
                .All<string>().OrderBy(n => n, StringComparer.Ordinal).ToArray();
            Assert.Equal(fromManifest, exported);
        }

        [Fact]
        public void PackagedManifest_PassesTestModuleManifest_AndMatchesTheBuildVersion()
        {
            using var session = new PowerShellSession(importModule: false);
            var info = session.Run($"Test-ModuleManifest -Path '{PowerShellSession.ManifestPath}'").ShouldSucceed().Single<PSModuleInfo>();
            Assert.Equal("S3CrossAccount", info.Name);
            var versionFolder = new DirectoryInfo(Path.GetDirectoryName(PowerShellSession.ManifestPath)!).Name;
            Assert.Equal(versionFolder, info.Version.ToString(3));
            Assert.Contains("Core", info.CompatiblePSEditions);
            Assert.Contains("Desktop", info.CompatiblePSEditions);
            Assert.Equal(new Version(5, 1), info.PowerShellVersion);
            Assert.DoesNotContain(info.ExportedCmdlets.Keys, k => k.Contains('*'));
        }

        [Fact]
        public void PackagedManifest_ReleaseNotes_AreTheNewestChangelogSection()
        {
            using var session = new PowerShellSession(importModule: false);
            var info = session.Run($"Test-ModuleManifest -Path '{PowerShellSession.ManifestPath}'").ShouldSucceed().Single<PSModuleInfo>();
            var changelog = File.ReadAllLines(Path.Combine(Help.ModuleFiles.RepoRoot, "CHANGELOG.md"));
            var newest = string.Join("\n", changelog.SkipWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))).Trim();
            Assert.StartsWith("- ", newest);
            Assert.Equal(newest, info.ReleaseNotes.Replace("\r\n", "\n"));
        }

        [Fact]
        public void Package_HasTheLayoutPublishModuleExpects()
        {
            var root = Path.GetDirectoryName(PowerShellSession.ManifestPath)!;
            foreach (var file in new[] { "S3CrossAccount.psd1", "S3CrossAccount.dll", "S3CrossAccount.Core.dll", "S3CrossAccount.Format.ps1xml", "LICENSE" })
            {
                Assert.True(File.Exists(Path.Combine(root, file)), file + " missing from the package");
            }

            var deps = Path.Combine(root, "dependencies");
            Assert.True(File.Exists(Path.Combine(deps, "S3CrossAccount.Aws.dll")));
            Assert.True(File.Exists(Path.Combine(deps, "S3CrossAccount.Loader.dll")));
            Assert.True(File.Exists(Path.Combine(deps, "AWSSDK.Core.dll")));
            Assert.True(File.Exists(Path.Combine(deps, "AWSSDK.S3.dll")));
            Assert.True(File.Exists(Path.Combine(deps, "AWSSDK.SecurityToken.dll")));
            // Nothing AWS at the root: PowerShell would load it into the shared context.
            Assert.Empty(Directory.GetFiles(root, "AWSSDK*.dll"));
            Assert.False(File.Exists(Path.Combine(deps, "S3CrossAccount.Core.dll")), "Core must exist once, at the root, shared by both load contexts");
        }
    }
}
