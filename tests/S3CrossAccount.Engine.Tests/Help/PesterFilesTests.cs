using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Help
{
    /// <summary>The user-facing Pester files parse (a quick check; tests/S3CrossAccount.PesterTests runs them in real pwsh).</summary>
    public class PesterFilesTests
    {
        [Fact]
        public void EveryPesterFile_Parses()
        {
            var files = Directory.GetFiles(Path.Combine(ModuleFiles.RepoRoot, "tests", "Pester"), "*.ps1");
            Assert.NotEmpty(files);
            var problems = files.SelectMany(f =>
            {
                Parser.ParseFile(f, out _, out var errors);
                return errors.Select(e => $"{Path.GetFileName(f)}:{e.Extent.StartLineNumber}: {e.Message}");
            }).ToList();
            Assert.Empty(problems);
        }
    }
}
