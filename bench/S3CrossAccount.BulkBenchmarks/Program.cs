using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;
using S3CrossAccount.IntegrationTests.Faults;
using S3CrossAccount.IntegrationTests.Harness;
using S3CrossAccount.TestSupport;

namespace S3CrossAccount.BulkBenchmarks
{
    /// <summary>
    /// Usage: dotnet run -c Release --project bench/S3CrossAccount.BulkBenchmarks -- [--suite acl,report]
    ///        [--objects 1000,10000] [--buckets 100] [--concurrency 1,8,32] [--runs 5] [--delay-ms 20] [--serial-max 1000]
    /// Prints the markdown table on stdout, progress on stderr. Exits 0 with a message, and no table, when
    /// radosgw is not installed or cannot start: a benchmark is never a failed build.
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            var objects = new[] { 1000, 10000 };
            var concurrency = new[] { 1, 8, 32 };
            int runs = 5, delayMs = 20, serialMax = 1000, reportBuckets = 100;
            var suites = new[] { "acl", "report" };
            for (var i = 0; i < args.Length; i++)
            {
                var value = i + 1 < args.Length ? args[i + 1] : string.Empty;
                switch (args[i])
                {
                    case "--objects": objects = Ints(value); i++; break;
                    case "--concurrency": concurrency = Ints(value); i++; break;
                    case "--runs": runs = Ints(value).Single(); i++; break;
                    case "--delay-ms": delayMs = Ints(value).Single(); i++; break;
                    case "--serial-max": serialMax = Ints(value).Single(); i++; break;
                    case "--buckets": reportBuckets = Ints(value).Single(); i++; break;
                    case "--suite": suites = value.Split(',', StringSplitOptions.RemoveEmptyEntries); i++; break;
                    default:
                        Console.Error.WriteLine($"unknown argument '{args[i]}'");
                        return 2;
                }
            }

            if (!OnPath("radosgw"))
            {
                Console.WriteLine("Bulk ACL benchmark skipped: radosgw is not installed (apt-get install -y --no-install-recommends ceph-mon ceph-osd radosgw ceph-common).");
                return 0;
            }

            // A benchmark never installs packages: start.sh fails instead of running apt-get.
            Environment.SetEnvironmentVariable("S3XA_NO_INSTALL", "1");
            RgwServer server;
            try
            {
                server = RgwServer.Start();
            }
            catch (RgwUnavailableException ex)
            {
                Console.WriteLine($"Bulk ACL benchmark skipped: radosgw could not be started: {ex.Message}");
                return 0;
            }

            // stop.sh stops the daemons by their recorded pids, on every way out (start.sh's watchdog covers SIGKILL).
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
            using var signals = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => server.Stop());
            using var terms = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => server.Stop());
            try
            {
                BulkAclBench.Log($"radosgw started in {server.StartupTime.TotalSeconds:F1} s at {server.Endpoint}");
                await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
                proxy.Inject(FaultKind.Delay, FaultRule.Always, delay: TimeSpan.FromMilliseconds(delayMs));
                using var profiles = server.CreateProfileFile();
                using var ps = new PowerShellSession();
                var started = DateTime.UtcNow;
                var loadBefore = LoadAverage();
                var tables = new StringBuilder();
                if (suites.Contains("acl"))
                {
                    var cells = await new BulkAclBench(server, proxy, profiles, ps).RunAsync(objects, concurrency, serialMax, runs);
                    tables.Append(BenchTable.Format(cells, runs, delayMs, "{machine}"));
                }

                if (suites.Contains("report"))
                {
                    var cells = await new ReportBench(server, proxy, profiles, ps).RunAsync(reportBuckets, concurrency, runs);
                    tables.AppendLine().Append(ReportBench.Format(cells, reportBuckets, runs, delayMs)).AppendLine().AppendLine("- {machine}.");
                }

                var machine = string.Format(CultureInfo.InvariantCulture,
                    "Machine: {0} cores, {1}, .NET {2}; run {3:yyyy-MM-dd HH:mm}-{4:HH:mm} UTC; radosgw (memstore), proxy and client on the same machine; 1-minute load average {5} at the start, {6} at the end (other processes share the cores)",
                    Environment.ProcessorCount, RuntimeInformation.OSDescription, Environment.Version, started, DateTime.UtcNow, loadBefore, LoadAverage());
                Console.Write(tables.ToString().Replace("{machine}", machine));
                return 0;
            }
            finally
            {
                server.Stop();
            }
        }

        private static string LoadAverage() =>
            System.IO.File.Exists("/proc/loadavg") ? System.IO.File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

        private static int[] Ints(string list) =>
            list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();

        private static bool OnPath(string program) =>
            (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Any(dir => System.IO.File.Exists(System.IO.Path.Combine(dir, program)));
    }
}
