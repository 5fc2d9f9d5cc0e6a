using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace S3CrossAccount.IntegrationTests.Harness
{
    /// <summary>What one writer process printed: one line per grant ("DONE id", "FAIL id ErrorId", "REWRITE").</summary>
    public sealed class WriterRun
    {
        public int ExitCode { get; init; }

        public string[] Lines { get; init; } = Array.Empty<string>();

        public string Errors { get; init; } = string.Empty;

        public IEnumerable<string> Done => Lines.Where(l => l.StartsWith("DONE ", StringComparison.Ordinal)).Select(l => l.Substring(5));

        public IEnumerable<string> Failed => Lines.Where(l => l.StartsWith("FAIL ", StringComparison.Ordinal)).Select(l => l.Substring(5));

        /// <summary>How many times this writer wrote its change again after another writer's write took it away from the target named.</summary>
        public int Rewrites(string target) => Lines.Count(l => l.StartsWith("REWRITE Another writer changed the " + target, StringComparison.Ordinal));

        /// <summary>
        /// For each write of <paramref name="writeCall"/>, the time since the read of <paramref name="readCall"/>
        /// before it: how long this writer held a version that another writer's write could make stale.
        /// </summary>
        public IEnumerable<TimeSpan> ReadToWrite(string readCall, string writeCall)
        {
            double? read = null;
            foreach (var parts in Lines.Where(l => l.StartsWith("AT ", StringComparison.Ordinal)).Select(l => l.Split(' ')))
            {
                var ms = double.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture);
                if (parts[1] == "read" && parts[2] == readCall) read = ms;
                else if (parts[1] == "write" && parts[2] == writeCall && read.HasValue) yield return TimeSpan.FromMilliseconds(ms - read.Value);
            }
        }
    }

    /// <summary>
    /// Separate OS processes (tools/XAccountShell: the PowerShell engine with the packaged module imported)
    /// running one script each at the same moment: every process imports the module, then waits for a go
    /// file, so their writes overlap instead of being spread by start-up time.
    /// </summary>
    public static class WriterProcesses
    {
        /// <summary>
        /// The script prelude every writer runs: wait for the go file. Writers print DONE/FAIL lines; Tally
        /// (fed a cmdlet's Verbose stream, which reaches it as each line is written) prints REWRITE for each
        /// line saying that another writer's change was merged and written again, and "AT read|write target ms"
        /// when a read or a write of a target starts, from which the test measures read-to-write times.
        /// </summary>
        public const string Prelude =
            "while (-not [System.IO.File]::Exists($env:XA_GO)) { [System.Threading.Thread]::Sleep(10) }\n"
            + "function Tally { process { if ($_ -is [System.Management.Automation.VerboseRecord]) {\n"
            + "  $m = $_.Message; $ms = [DateTime]::UtcNow.Ticks / 10000\n"
            + "  if ($m -like 'Another writer changed*') { \"REWRITE $m\" }\n"
            + "  elseif ($m -match '^(S3|IAM) (GetBucketPolicy|GetObjectAcl|GetRole) ') { \"AT read $($Matches[2]) $ms\" }\n"
            + "  elseif ($m -match '^(S3|IAM) (PutBucketPolicy|PutObjectAcl|UpdateAssumeRolePolicy) ') { \"AT write $($Matches[2]) $ms\" }\n"
            + "} } }\n";

        private static string ShellPath =>
            typeof(WriterProcesses).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "XAccountShell").Value!;

        /// <summary>Runs <paramref name="scripts"/> as that many processes, each with its own environment added; returns when all have exited.</summary>
        public static async Task<WriterRun[]> RunAsync(IReadOnlyList<(string Script, IDictionary<string, string> Environment)> writers, string? manifest = null)
        {
            var go = Path.Combine(Path.GetTempPath(), "s3xa-go-" + Guid.NewGuid().ToString("N"));
            var processes = writers.Select(w => Start(Prelude + w.Script, w.Environment, go, manifest)).ToList();
            try
            {
                // Every writer imports the module (about a second) and then polls the go file.
                await Task.Delay(TimeSpan.FromSeconds(3));
                File.WriteAllText(go, "go");
                return await Task.WhenAll(processes.Select(CollectAsync));
            }
            finally
            {
                File.Delete(go);
                foreach (var p in processes) p.Dispose();
            }
        }

        private static Process Start(string script, IDictionary<string, string> environment, string go, string? manifest)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(ShellPath);
            start.ArgumentList.Add(script);
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("S3XA_", StringComparison.Ordinal)).ToList())
            {
                start.Environment.Remove(name);
            }

            start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
            start.Environment["XA_GO"] = go;
            if (manifest != null) start.Environment["S3CROSSACCOUNT_MANIFEST"] = manifest;
            foreach (var pair in environment) start.Environment[pair.Key] = pair.Value;
            return Process.Start(start)!;
        }

        private static async Task<WriterRun> CollectAsync(Process process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return new WriterRun
            {
                ExitCode = process.ExitCode,
                Lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray(),
                Errors = await stderr,
            };
        }
    }
}
