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

    /// <summary>Every timed run of one (objects, -ThrottleLimit) cell.</summary>
    internal sealed record BulkCell(int Objects, int Concurrency, IReadOnlyList<double> Seconds, RequestCounts Requests)
    {
        public double MedianSeconds => BenchTable.Median(Seconds);
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
            text.AppendLine("| objects | -ThrottleLimit | median wall time (s) | objects/s | speedup vs serial | % of ideal speedup | requests per object |");
            text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");

            // The serial figure per object, from the largest serial cell measured, estimates serial runs not made.
            var serial = cells.Where(c => c.Concurrency == 1).OrderByDescending(c => c.Objects).FirstOrDefault();
            var estimated = new List<int>();
            foreach (var group in cells.GroupBy(c => c.Objects).OrderBy(g => g.Key))
            {
                var objects = group.Key;
                var measuredSerial = group.FirstOrDefault(c => c.Concurrency == 1);
                double? serialSeconds = measuredSerial?.MedianSeconds ?? (serial == null ? (double?)null : serial.MedianSeconds / serial.Objects * objects);
                if (measuredSerial == null && serialSeconds != null)
                {
                    estimated.Add(objects);
                    text.AppendLine(string.Format(inv, "| {0:N0} | 1 (estimated) | {1:F1} est. | {2:F1} est. | 1.00 | – | – |",
                        objects, serialSeconds, objects / serialSeconds));
                }

                foreach (var cell in group.OrderBy(c => c.Concurrency))
                {
                    var median = cell.MedianSeconds;
                    var speedup = serialSeconds / median;
                    text.AppendLine(string.Format(inv, "| {0:N0} | {1} | {2:F1} | {3:F1} | {4} | {5} | {6:F3} |",
                        objects, cell.Concurrency, median, objects / median,
                        speedup == null ? "–" : speedup.Value.ToString("F2", inv) + (measuredSerial == null ? " est." : string.Empty),
                        speedup == null ? "–" : (speedup.Value / cell.Concurrency * 100).ToString("F0", inv) + "%",
                        (double)cell.Requests.Total / objects));
                }
            }

            text.AppendLine();
            text.AppendLine($"- {machine}.");
            text.AppendLine($"- Every run is a fresh grant (each object's ACL is reset to the owner's FULL_CONTROL alone before it, directly against radosgw, untimed); the proxy adds {delayMs} ms to every request; ideal speedup = -ThrottleLimit.");
            if (estimated.Count > 0 && serial != null)
            {
                text.AppendLine(string.Format(inv, "- Serial time for {0} objects is not measured but estimated from the {1:N0}-object serial run's {2:F1} ms per object.",
                    string.Join(" and ", estimated.Select(n => n.ToString("N0", inv))), serial.Objects, serial.MedianSeconds / serial.Objects * 1000));
            }

            foreach (var cell in cells.GroupBy(c => c.Objects).Select(g => g.OrderBy(c => c.Concurrency).First()))
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
