using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using S3CrossAccount.IntegrationTests.Faults;
using S3CrossAccount.IntegrationTests.Harness;
using S3CrossAccount.TestSupport;

namespace S3CrossAccount.BulkBenchmarks
{
    /// <summary>
    /// Times Get-XAccountAccessReport over many buckets (each with a cross-account bucket policy, and one role of
    /// the account trusted by another account that reaches them all) through the delaying proxy, at several
    /// -ThrottleLimit values; verifies every run found every way in.
    /// </summary>
    internal sealed class ReportBench
    {
        private readonly RgwServer _server;
        private readonly FaultProxy _proxy;
        private readonly TempProfileFile _profiles;
        private readonly PowerShellSession _ps;

        internal ReportBench(RgwServer server, FaultProxy proxy, TempProfileFile profiles, PowerShellSession ps)
        {
            _server = server;
            _proxy = proxy;
            _profiles = profiles;
            _ps = ps;
        }

        internal sealed record Cell(int Concurrency, IReadOnlyList<double> Seconds, int Requests);

        internal async Task<IReadOnlyList<Cell>> RunAsync(int bucketCount, IReadOnlyList<int> concurrencies, int runs)
        {
            using var s3 = _server.S3(_server.A);
            var buckets = Enumerable.Range(0, bucketCount).Select(i => UniqueNames.Bucket("rpt" + i)).ToList();
            var watch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(buckets, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (bucket, ct) =>
            {
                await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, ct);
                await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest
                {
                    BucketName = bucket,
                    Policy = $"{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Effect\":\"Allow\",\"Principal\":{{\"AWS\":\"{_server.B.AdminArn}\"}},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::{bucket}/*\"}}]}}",
                }, ct);
            });
            var role = UniqueNames.Role("BenchConsole");
            _ps.Run($"New-XAccountRole -RoleName {role} -TrustedPrincipal {_server.C.RootArn} -Bucket {buckets[0]} -Access Console {_server.CmdletArgs(_profiles, "A")}").ShouldSucceed();
            BulkAclBench.Log($"created {bucketCount} buckets with bucket policies and role {role} in {watch.Elapsed.TotalSeconds:F1} s (directly)");
            _ps.SetVariable("reportBuckets", buckets.ToArray());

            Time(bucketCount, concurrencies.Max());
            var seconds = concurrencies.ToDictionary(c => c, _ => new List<double>());
            var requests = new Dictionary<int, int>();
            for (var run = 1; run <= runs; run++)
            {
                foreach (var concurrency in concurrencies)
                {
                    var (elapsed, count) = Time(bucketCount, concurrency);
                    seconds[concurrency].Add(elapsed);
                    requests[concurrency] = count;
                    BulkAclBench.Log($"report over {bucketCount} buckets, -ThrottleLimit {concurrency}, run {run}/{runs}: {elapsed:F2} s, {count} requests");
                }
            }

            _ps.Run($"Remove-XAccountRole -RoleName {role} {_server.CmdletArgs(_profiles, "A")} -Confirm:$false").ShouldSucceed();
            return concurrencies.Select(c => new Cell(c, seconds[c], requests[c])).ToList();
        }

        /// <summary>One timed report through the proxy; throws unless it found both ways in to every bucket.</summary>
        private (double Seconds, int Requests) Time(int bucketCount, int concurrency)
        {
            var command = $"Get-XAccountAccessReport -Bucket $reportBuckets -AccountId {_server.A.AccountId} -ThrottleLimit {concurrency} "
                + _server.CmdletArgs(_profiles, "A", _proxy.Endpoint);
            _proxy.ClearRecords();
            var watch = Stopwatch.StartNew();
            var result = _ps.Run(command);
            watch.Stop();
            if (result.FirstError != null)
            {
                throw new InvalidOperationException($"Get-XAccountAccessReport failed: {result.FirstError.FullyQualifiedErrorId}: {result.FirstError.Exception.Message}");
            }

            var byPath = result.Output.GroupBy(o => o.Properties["Path"].Value.ToString()).ToDictionary(g => g.Key!, g => g.Count());
            if (byPath.GetValueOrDefault("BucketPolicy") != bucketCount || byPath.GetValueOrDefault("Role") < bucketCount)
            {
                throw new InvalidOperationException($"expected a BucketPolicy and a Role row per bucket, got {string.Join(", ", byPath.Select(p => p.Key + "=" + p.Value))}");
            }

            return (watch.Elapsed.TotalSeconds, _proxy.Requests.Count);
        }

        internal static string Format(IReadOnlyList<Cell> cells, int bucketCount, int runs, int delayMs)
        {
            var inv = CultureInfo.InvariantCulture;
            var text = new StringBuilder();
            text.AppendLine($"## Get-XAccountAccessReport over {bucketCount} buckets through a {delayMs} ms delaying proxy (median of {runs} runs)");
            text.AppendLine();
            text.AppendLine("| buckets | -ThrottleLimit | median wall time (s) | buckets/s | speedup vs serial | % of ideal speedup | requests |");
            text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            var serial = cells.FirstOrDefault(c => c.Concurrency == 1);
            foreach (var cell in cells.OrderBy(c => c.Concurrency))
            {
                var median = BenchTable.Median(cell.Seconds);
                var speedup = serial == null ? (double?)null : BenchTable.Median(serial.Seconds) / median;
                text.AppendLine(string.Format(inv, "| {0} | {1} | {2:F2} | {3:F1} | {4} | {5} | {6:N0} |", bucketCount, cell.Concurrency, median, bucketCount / median,
                    speedup == null ? "–" : speedup.Value.ToString("F2", inv), speedup == null ? "–" : (speedup.Value / cell.Concurrency * 100).ToString("F0", inv) + "%", cell.Requests));
            }

            text.AppendLine();
            text.AppendLine($"- Each bucket has a bucket policy for another account's user; one role of the account, trusted by another account, reaches every bucket (Console preset). Every run must report both ways in to every bucket.");
            text.AppendLine($"- Requests: GetBucketPolicy and GetBucketAcl per bucket ({2 * bucketCount}), and once per report, read beside the buckets as one more unit of -ThrottleLimit, ListRoles and, for the one role trusted outside the account, ListRolePolicies, GetRolePolicy and ListAttachedRolePolicies; the per-bucket pair is the minimum, since a bucket's policy and ACL come from separate calls.");
            return text.ToString();
        }
    }
}
