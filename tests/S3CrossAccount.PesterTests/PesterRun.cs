using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;

namespace S3CrossAccount.PesterTests
{
    /// <summary>One Pester test as the JUnit result file records it.</summary>
    public sealed class PesterTest
    {
        public PesterTest(string name, string status, string? failure)
        {
            Name = name;
            Status = status;
            Failure = failure;
        }

        /// <summary>Describe.Context.It, as Pester names it.</summary>
        public string Name { get; }

        /// <summary>Passed, Failed, Skipped, NotRun or Inconclusive.</summary>
        public string Status { get; }

        /// <summary>The failure's message and Pester's stack lines, or null.</summary>
        public string? Failure { get; }
    }

    /// <summary>
    /// One run of every file in tests/Pester with Invoke-Pester in real pwsh (Pester 5.7.1 from the NuGet package),
    /// against the packaged module in out/, exactly as tests/Pester/README.md tells users to run them; its JUnit
    /// result file is read back per Pester file. Shared by the xunit cases (a class fixture), so pwsh runs once.
    /// </summary>
    public sealed class PesterRun
    {
        public PesterRun()
        {
            var resultFile = Path.Combine(Path.GetTempPath(), "s3xa-pester-" + Guid.NewGuid().ToString("N") + ".xml");
            // No $ErrorActionPreference here: it would reach into every test and turn the module's non-terminating
            // errors into terminating ones, which is not how a user's Invoke-Pester runs them.
            var script = $@"
Import-Module '{PesterModule}' -RequiredVersion 5.7.1
$configuration = New-PesterConfiguration
$configuration.Run.Path = '{PesterDirectory}'
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'JUnitXml'
$configuration.TestResult.OutputPath = '{resultFile}'
Invoke-Pester -Configuration $configuration
";
            try
            {
                Process = Pwsh.RunScript(RepoRoot, script, TimeSpan.FromMinutes(15));
                ResultXml = File.Exists(resultFile) ? File.ReadAllText(resultFile) : null;
            }
            finally
            {
                File.Delete(resultFile);
            }

            Files = ResultXml == null
                ? new Dictionary<string, List<PesterTest>>()
                : XDocument.Parse(ResultXml).Descendants("testsuite").ToDictionary(
                    suite => Path.GetFileName((string)suite.Attribute("name")!),
                    suite => suite.Elements("testcase").Select(ToTest).ToList(),
                    StringComparer.Ordinal);
        }

        public static string RepoRoot => Metadata("RepoRoot");

        public static string PesterModule => Metadata("PesterModule");

        public static string PesterDirectory => Path.Combine(RepoRoot, "tests", "Pester");

        /// <summary>The files Invoke-Pester runs from a directory: *.Tests.ps1.</summary>
        public static IEnumerable<object[]> TestFiles() =>
            Directory.GetFiles(PesterDirectory, "*.Tests.ps1").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { f! });

        public PwshResult Process { get; }

        public string? ResultXml { get; }

        /// <summary>Each Pester file's tests, by file name.</summary>
        public IReadOnlyDictionary<string, List<PesterTest>> Files { get; }

        private static PesterTest ToTest(XElement testcase)
        {
            var failure = testcase.Element("failure") ?? testcase.Element("error");
            var text = failure == null ? null : ((string?)failure.Attribute("message") + Environment.NewLine + failure.Value).Trim();
            return new PesterTest((string)testcase.Attribute("name")!, (string?)testcase.Attribute("status") ?? "Passed", text);
        }

        private static string Metadata(string key) =>
            typeof(PesterRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
    }
}
