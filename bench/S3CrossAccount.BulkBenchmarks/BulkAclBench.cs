using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using S3CrossAccount.IntegrationTests.Faults;
using S3CrossAccount.IntegrationTests.Harness;

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

        /// <summary>Runs every (objects, concurrency) cell <paramref name="runs"/> times, interleaved so that noise from other processes spreads over all of them.</summary>
        internal async Task<IReadOnlyList<BulkCell>> RunAsync(IReadOnlyList<int> objectCounts, IReadOnlyList<int> concurrencies, int serialMax, int runs)
        {
            await WarmUpAsync();
            var cells = new List<BulkCell>();
            foreach (var objects in objectCounts)
            {
                var bucket = await NewBucketAsync("bench" + objects, objects);
                var levels = concurrencies.Where(c => c > 1 || objects <= serialMax).ToList();
                var seconds = levels.ToDictionary(c => c, _ => new List<double>());
                var requests = new Dictionary<int, RequestCounts>();
                for (var run = 1; run <= runs; run++)
                {
                    foreach (var concurrency in levels)
                    {
                        await ResetAclsAsync(bucket, objects);
                        var (elapsed, counts) = TimeGrant(bucket, objects, concurrency);
                        seconds[concurrency].Add(elapsed);
                        if (!requests.TryGetValue(concurrency, out var seen) || counts.Total > seen.Total)
                        {
                            requests[concurrency] = counts;
                        }

                        Log($"{objects} objects, -ThrottleLimit {concurrency}, run {run}/{runs}: {elapsed:F2} s, {counts.Total} requests ({counts.NotOk} not 2xx)");
                    }
                }

                cells.AddRange(levels.Select(c => new BulkCell(objects, c, seconds[c], requests[c])));
            }

            return cells;
        }

        internal static void Log(string message) => Console.Error.WriteLine($"[bulk {DateTime.UtcNow:HH:mm:ss}] {message}");

        private static string Key(int i) => $"{KeyPrefix}{i:D5}";

        /// <summary>Loads the SDK and JIT-compiles the cmdlet's path once, so the first timed run does not pay for it.</summary>
        private async Task WarmUpAsync()
        {
            var bucket = await NewBucketAsync("benchwarm", 40);
            TimeGrant(bucket, 40, 8);
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
        private (double Seconds, RequestCounts Requests) TimeGrant(string bucket, int objects, int concurrency)
        {
            var command = $"Grant-XAccountAcl -Bucket {bucket} -Prefix {KeyPrefix} -Permission READ -CanonicalId '{_server.B.AdminCanonicalId}' "
                + $"-ThrottleLimit {concurrency} -EndpointUrl '{_proxy.Endpoint}' -ProfileName A -ProfileLocation '{_profiles.Path}' -Region {RgwServer.Region}";
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
