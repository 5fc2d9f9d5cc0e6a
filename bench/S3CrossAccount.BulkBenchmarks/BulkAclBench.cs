using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using S3CrossAccount.IntegrationTests.Faults;
using S3CrossAccount.IntegrationTests.Harness;
using S3CrossAccount.TestSupport;

namespace S3CrossAccount.BulkBenchmarks
{
    /// <summary>
    /// Times Grant-XAccountAcl -Prefix in the hosted PowerShell engine (module imported by its manifest)
    /// against radosgw through a proxy that delays every request, at several -ThrottleLimit values.
    /// Objects are created and reset directly against radosgw, concurrently and untimed.
    /// </summary>
    internal sealed class BulkAclBench
    {
        private const string KeyPrefix = "bulk/";

        /// <summary>Requests at once when seeding or resetting objects directly (no proxy, no delay).</summary>
        private const int SetupConcurrency = 32;

        private readonly RgwServer _server;
        private readonly FaultProxy _proxy;
        private readonly TempProfileFile _profiles;
        private readonly PowerShellSession _ps;
        private readonly AmazonS3Client _s3;

        internal BulkAclBench(RgwServer server, FaultProxy proxy, TempProfileFile profiles, PowerShellSession ps)
        {
            _server = server;
            _proxy = proxy;
            _profiles = profiles;
            _ps = ps;
            _s3 = server.S3(server.A);
        }

        /// <summary>
        /// Runs every (objects, concurrency) cell <paramref name="runs"/> times, interleaved so that noise from other
        /// processes spreads over all of them. A bucket with more than <paramref name="serialMax"/> objects gets its
        /// serial figure from a sample: the serial grant over its first <paramref name="serialMax"/> keys (a power of ten).
        /// </summary>
        internal async Task<IReadOnlyList<BulkCell>> RunAsync(IReadOnlyList<int> objectCounts, IReadOnlyList<int> concurrencies, int serialMax, int runs)
        {
            await WarmUpAsync();
            var cells = new List<BulkCell>();
            foreach (var objects in objectCounts)
            {
                var bucket = await NewBucketAsync("bench" + objects, objects);
                var levels = concurrencies.Select(c => c == 1 && objects > serialMax
                        ? (Concurrency: c, Sample: serialMax, Prefix: SamplePrefix(serialMax))
                        : (Concurrency: c, Sample: objects, Prefix: KeyPrefix))
                    .Where(l => l.Prefix != null).ToList();
                var runsOf = levels.ToDictionary(l => l.Concurrency, _ => new List<BulkRun>());
                var requests = new Dictionary<int, RequestCounts>();
                for (var run = 1; run <= runs; run++)
                {
                    foreach (var (concurrency, sample, prefix) in levels)
                    {
                        await ResetAclsAsync(bucket, sample);
                        var before = CpuClock.Now();
                        var (elapsed, counts) = TimeGrant(bucket, prefix!, sample, concurrency);
                        var measured = new BulkRun(elapsed, sample, CpuClock.Now().Since(before));
                        runsOf[concurrency].Add(measured);
                        if (!requests.TryGetValue(concurrency, out var seen) || counts.Total > seen.Total)
                        {
                            requests[concurrency] = counts;
                        }

                        Log($"{objects} objects{(sample < objects ? $" (serial over {sample} of them)" : string.Empty)}, -ThrottleLimit {concurrency}, run {run}/{runs}: "
                            + $"{elapsed:F2} s, {counts.Total} requests ({counts.NotOk} not 2xx); CPU per object {measured.ClientCpuMsPerObject:F2} ms client and proxy, "
                            + $"{measured.ServerCpuMsPerObject:F2} ms radosgw and OSD; cores busy {measured.CoresBusy:F2}");
                    }
                }

                cells.AddRange(levels.Select(l => new BulkCell(objects, l.Concurrency, runsOf[l.Concurrency], requests[l.Concurrency])));
            }

            return cells;
        }

        /// <summary>The key prefix that selects exactly the first <paramref name="count"/> keys (bulk/00 for 1,000 of bulk/00000-bulk/09999), or null.</summary>
        private static string? SamplePrefix(int count)
        {
            var digits = Key(0).Length - KeyPrefix.Length;
            for (int zeros = 0, matched = (int)Math.Pow(10, digits); zeros <= digits; zeros++, matched /= 10)
            {
                if (matched == count)
                {
                    return KeyPrefix + new string('0', zeros);
                }
            }

            return null;
        }

        internal static void Log(string message) => Console.Error.WriteLine($"[bulk {DateTime.UtcNow:HH:mm:ss}] {message}");

        private static string Key(int i) => $"{KeyPrefix}{i:D5}";

        /// <summary>Loads the SDK and JIT-compiles the cmdlet's path once, so the first timed run does not pay for it.</summary>
        private async Task WarmUpAsync()
        {
            var bucket = await NewBucketAsync("benchwarm", 40);
            TimeGrant(bucket, KeyPrefix, 40, 8);
        }

        private async Task<string> NewBucketAsync(string hint, int objects)
        {
            var bucket = UniqueNames.Bucket(hint);
            await _s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
            var watch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, objects), new ParallelOptions { MaxDegreeOfParallelism = SetupConcurrency },
                async (i, ct) => await _s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = Key(i), ContentBody = "x" }, ct));
            Log($"created {objects} objects in {bucket} in {watch.Elapsed.TotalSeconds:F1} s (directly, {SetupConcurrency} at once)");
            return bucket;
        }

        /// <summary>Back to the owner's FULL_CONTROL alone (canned ACL private), so the next grant changes every ACL.</summary>
        private async Task ResetAclsAsync(string bucket, int objects)
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, objects), new ParallelOptions { MaxDegreeOfParallelism = SetupConcurrency },
                async (i, ct) => await _s3.PutObjectAclAsync(new PutObjectAclRequest { BucketName = bucket, Key = Key(i), ACL = S3CannedACL.Private }, ct));
        }

        /// <summary>
        /// One timed grant through the proxy. Throws unless every object's ACL was changed without an error:
        /// a figure from a run that did something else would be meaningless.
        /// </summary>
        private (double Seconds, RequestCounts Requests) TimeGrant(string bucket, string prefix, int objects, int concurrency)
        {
            var command = $"Grant-XAccountAcl -Bucket {bucket} -Prefix {prefix} -Permission READ -CanonicalId '{_server.B.AdminCanonicalId}' "
                + $"-ThrottleLimit {concurrency} {_server.CmdletArgs(_profiles, "A", _proxy.Endpoint)}";
            _proxy.ClearRecords();
            var watch = Stopwatch.StartNew();
            var result = _ps.Run(command);
            watch.Stop();
            var recorded = _proxy.Requests;

            if (result.FirstError != null)
            {
                throw new InvalidOperationException($"Grant-XAccountAcl failed: {result.FirstError.FullyQualifiedErrorId}: {result.FirstError.Exception.Message}");
            }

            var changed = result.Output.Count(o => Equals(o.Properties["Changed"].Value, true));
            if (result.Output.Count != objects || changed != objects)
            {
                throw new InvalidOperationException($"expected {objects} changed ACLs, got {result.Output.Count} results of which {changed} changed");
            }

            return (watch.Elapsed.TotalSeconds, Classify(recorded));
        }

        private static RequestCounts Classify(IReadOnlyList<RecordedRequest> requests)
        {
            var getAcl = requests.Count(r => r.IsS3("GET", "acl"));
            var putAcl = requests.Count(r => r.IsS3("PUT", "acl"));
            var list = requests.Count(r => r.IsS3("GET", "list-type=2"));
            var ownership = requests.Count(r => r.IsS3("GET", "ownershipControls"));
            var notOk = requests.Count(r => r.Status < 200 || r.Status > 299);
            return new RequestCounts(getAcl, putAcl, list, ownership, requests.Count - getAcl - putAcl - list - ownership, notOk);
        }
    }
}
