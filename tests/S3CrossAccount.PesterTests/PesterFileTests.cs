using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace S3CrossAccount.PesterTests
{
    /// <summary>
    /// tests/Pester in real pwsh: one case per Pester file, failing with the name and error of every Pester test of
    /// that file that failed. The Pester tests themselves are listed in the case's output.
    /// </summary>
    public class PesterFileTests : IClassFixture<PesterRun>
    {
        private readonly PesterRun _run;
        private readonly ITestOutputHelper _output;

        public PesterFileTests(PesterRun run, ITestOutputHelper output)
        {
            _run = run;
            _output = output;
        }

        [Theory]
        [MemberData(nameof(PesterRun.TestFiles), MemberType = typeof(PesterRun))]
        public void PesterFile_PassesInRealPwsh(string file)
        {
            Assert.True(_run.ResultXml != null, "Invoke-Pester wrote no result file. " + _run.Process);
            Assert.True(_run.Files.TryGetValue(file, out var tests), $"Invoke-Pester reported nothing for {file}. " + _run.Process);
            Assert.True(tests!.Count > 0, $"{file} ran no test (a failure in discovery or BeforeAll?). " + _run.Process);

            foreach (var test in tests)
            {
                _output.WriteLine($"{test.Status,-8} {test.Name}");
            }

            var failed = tests.Where(t => t.Status != "Passed" && t.Status != "Skipped").ToList();
            Assert.True(failed.Count == 0, $"{failed.Count} of the {tests.Count} Pester tests in {file} failed:" + Environment.NewLine
                + string.Join(Environment.NewLine, failed.Select(t => $"- {t.Name} ({t.Status}):{Environment.NewLine}    {t.Failure?.Replace("\n", "\n    ")}")));
        }
    }
}
