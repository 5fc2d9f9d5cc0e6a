using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace S3CrossAccount.BulkBenchmarks
{
    /// <summary>The requests the proxy saw during one timed run, by S3 operation.</summary>
    internal sealed record RequestCounts(int GetObjectAcl, int PutObjectAcl, int ListPages, int OwnershipReads, int Other, int NotOk)
    {
        public int Total => GetObjectAcl + PutObjectAcl + ListPages + OwnershipReads + Other;
    }

    /// <summary>One timed run over <paramref name="Objects"/> objects: its wall time and the CPU time it took.</summary>
    internal sealed record BulkRun(double Seconds, int Objects, CpuClock Cpu)
    {
        public double ClientCpuMsPerObject => Cpu.ClientSeconds * 1000 / Objects;

        public double ServerCpuMsPerObject => Cpu.ServerSeconds * 1000 / Objects;

        /// <summary>Cores kept busy on average, by the client, the proxy and the Ceph daemons together.</summary>
        public double CoresBusy => (Cpu.ClientSeconds + Cpu.ServerSeconds) / Seconds;
    }

    /// <summary>
    /// Every timed run of one (objects, -ThrottleLimit) cell. <see cref="Timed"/> objects were granted per run: all of
    /// the bucket's, or for a serial run on a large bucket a sample of them whose time estimates the whole.
    /// </summary>
    internal sealed record BulkCell(int Objects, int Concurrency, IReadOnlyList<BulkRun> Runs, RequestCounts Requests)
    {
        public int Timed => Runs[0].Objects;

        public double MedianSeconds => BenchTable.Median(Runs.Select(r => r.Seconds));

        public bool Sampled => Timed < Objects;

        /// <summary>The median run's time per object, scaled to the whole bucket when sampled.</summary>
        public double MedianSecondsForAll => MedianSeconds / Timed * Objects;

        public double MedianClientCpuMsPerObject => BenchTable.Median(Runs.Select(r => r.ClientCpuMsPerObject));

        public double MedianServerCpuMsPerObject => BenchTable.Median(Runs.Select(r => r.ServerCpuMsPerObject));

        public double MedianCoresBusy => BenchTable.Median(Runs.Select(r => r.CoresBusy));
    }

    /// <summary>Turns the measured cells into the markdown table README's Benchmarks section is made from.</summary>
    internal static class BenchTable
    {
        /// <summary>S3 ListObjectsV2 returns at most 1,000 keys a page.</summary>
        internal const int KeysPerListPage = 1000;

        internal static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            if (sorted.Count == 0)
            {
                throw new ArgumentException("no values", nameof(values));
            }

            var mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        /// <summary>
        /// The fewest requests a grant over <paramref name="objects"/> objects can make: one GetObjectAcl and
        /// one PutObjectAcl per object, one ListObjectsV2 page per 1,000 keys, plus the one Object Ownership
        /// read per bucket the cmdlet makes to fail clearly on a bucket with ACLs disabled.
        /// </summary>
        internal static int MinimumRequests(int objects) => 2 * objects + (objects + KeysPerListPage - 1) / KeysPerListPage + 1;

        internal static string Format(IReadOnlyList<BulkCell> cells, int runs, int delayMs, string machine)
        {
            var text = new StringBuilder();
            var inv = CultureInfo.InvariantCulture;
            text.AppendLine($"## Bulk ACL: Grant-XAccountAcl -Prefix through a {delayMs} ms delaying proxy (median of {runs} runs)");
            text.AppendLine();
            text.AppendLine("| objects | -ThrottleLimit | median wall time (s) | objects/s | speedup vs serial | % of ideal speedup | requests per object | CPU ms per object: client and proxy / radosgw and OSD | cores busy (of " + Environment.ProcessorCount + ") |");
            text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            var sampled = new List<BulkCell>();
            foreach (var group in cells.GroupBy(c => c.Objects).OrderBy(g => g.Key))
            {
                var objects = group.Key;
                var serial = group.FirstOrDefault(c => c.Concurrency == 1);
                double? serialSeconds = serial?.MedianSecondsForAll;
                foreach (var cell in group.OrderBy(c => c.Concurrency))
                {
                    var median = cell.MedianSecondsForAll;
                    var speedup = serialSeconds / median;
                    var estimate = serial != null && serial.Sampled ? " est." : string.Empty;
                    if (cell.Sampled)
                    {
                        sampled.Add(cell);
                    }

                    text.AppendLine(string.Format(inv, "| {0:N0} | {1}{2} | {3:F1}{4} | {5:F1} | {6} | {7} | {8} | {9:F2} / {10:F2} | {11:F2} |",
                        objects, cell.Concurrency, cell.Sampled ? $" ({cell.Timed:N0} of them)" : string.Empty, median, cell.Sampled ? " est." : string.Empty, objects / median,
                        speedup == null ? "–" : speedup.Value.ToString("F2", inv) + estimate,
                        speedup == null ? "–" : (speedup.Value / cell.Concurrency * 100).ToString("F0", inv) + "%",
                        cell.Sampled ? "–" : ((double)cell.Requests.Total / objects).ToString("F3", inv),
                        cell.MedianClientCpuMsPerObject, cell.MedianServerCpuMsPerObject, cell.MedianCoresBusy));
                }
            }

            text.AppendLine();
            text.AppendLine($"- {machine}.");
            text.AppendLine($"- Every run is a fresh grant (each object's ACL is reset to the owner's FULL_CONTROL alone before it, directly against radosgw, untimed); the proxy adds {delayMs} ms to every request; ideal speedup = -ThrottleLimit.");
            foreach (var cell in sampled)
            {
                text.AppendLine(string.Format(inv, "- The serial time for {0:N0} objects is estimated from serial runs over {1:N0} of them in the same bucket (-Prefix selecting its first {1:N0} keys): {2:F1} ms per object.",
                    cell.Objects, cell.Timed, cell.MedianSeconds / cell.Timed * 1000));
            }

            text.AppendLine("- CPU: this process (the client in the hosted PowerShell engine, and the delaying proxy) and the Ceph daemons, from /proc, per object granted; cores busy is their sum over the wall time. Everything shares the machine's cores, so a concurrent run falls short of its ideal speedup as much by waiting for a core at every hop of a request as by its own work.");
            foreach (var cell in cells.Where(c => !c.Sampled).GroupBy(c => c.Objects).Select(g => g.OrderBy(c => c.Concurrency).First()))
            {
                var r = cell.Requests;
                text.AppendLine(string.Format(inv, "- Requests per run over {0:N0} objects: {1:N0} GetObjectAcl + {2:N0} PutObjectAcl + {3:N0} ListObjectsV2 page(s) + {4:N0} GetBucketOwnershipControls{5} = {6:N0}; the minimum possible is {7:N0}.",
                    cell.Objects, r.GetObjectAcl, r.PutObjectAcl, r.ListPages, r.OwnershipReads, r.Other > 0 ? $" + {r.Other:N0} other" : string.Empty, r.Total, MinimumRequests(cell.Objects)));
            }

            text.AppendLine("- Why two requests per object at least: S3 has no call that adds one grant; PutObjectAcl (its x-amz-grant-* headers) replaces the whole ACL, so the ACL must be read first to keep the existing grants, and an ACL that already holds the grant is not written (a re-run makes only the reads).");
            return text.ToString();
        }
    }
}
