using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using BenchmarkDotNet.Running;
using S3CrossAccount.Core.Evaluation;
using S3CrossAccount.Core.Evaluation.Requests;

namespace S3CrossAccount.Benchmarks
{
    public static class Program
    {
        public static void Main(string[] args)
        {
            switch (args.Length > 0 ? args[0] : string.Empty)
            {
                case "--quick":
                    Quick();
                    return;
                case "--scenario":
                    // The evaluator scenario as iam-simulate's Simulation input (bench/iam-simulate/simulate.mjs decides it).
                    File.WriteAllText(args[1], Scenario());
                    return;
                case "--compare":
                    // This side of the iam-simulate comparison: CPU time per decision, as simulate.mjs measures its own.
                    var b = new EvaluatorBenchmarks();
                    b.Setup();
                    Console.WriteLine($"s3crossaccount-decisions-per-cpu-second={DecisionsPerCpuSecond(b.CrossAccount, 3000):F0}");
                    Console.WriteLine($"s3crossaccount-allowed={b.CrossAccount().ToString().ToLowerInvariant()}");
                    return;
                default:
                    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                    return;
            }
        }

        // Rough figures without BenchmarkDotNet's harness, for a smoke run (bench/run.sh --quick).
        private static void Quick()
        {
            var b = new EvaluatorBenchmarks();
            b.Setup();
            foreach (var (name, run) in new (string, Func<bool>)[] { ("decision", b.CrossAccount), ("explained", b.CrossAccountExplained), ("detailed", b.CrossAccountDetailed) })
            {
                Console.WriteLine($"{name,-9}: {DecisionsPerCpuSecond(run, 1500):N0} decisions per CPU-second, {AllocatedPerCall(run):N0} B allocated per decision");
            }

            var empty = new AccessPolicies();
            var request = new AccessRequest(EvaluatorBenchmarks.Principal, EvaluatorBenchmarks.Action, EvaluatorBenchmarks.Resource, EvaluatorBenchmarks.BucketAccount);
            Func<bool> none = () => AccessEvaluator.Decide(request, empty).Allowed;
            Console.WriteLine($"no policy: {DecisionsPerCpuSecond(none, 500):N0} decisions per CPU-second, {AllocatedPerCall(none):N0} B allocated per decision (the fixed cost)");
        }

        // CPU time, not wall time: on a shared machine the wall clock counts other processes' time.
        private static double DecisionsPerCpuSecond(Func<bool> run, int milliseconds)
        {
            for (int i = 0; i < 20000; i++)
            {
                run();
            }

            var process = Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            long n = 0;
            while (wall.ElapsedMilliseconds < milliseconds)
            {
                for (int i = 0; i < 1000; i++)
                {
                    run();
                }

                n += 1000;
            }

            process.Refresh();
            return n / (process.TotalProcessorTime - cpu0).TotalSeconds;
        }

        private static long AllocatedPerCall(Func<bool> run)
        {
            run();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                run();
            }

            return (GC.GetAllocatedBytesForCurrentThread() - before) / 1000;
        }

        private static string Scenario()
        {
            using var bucket = JsonDocument.Parse(EvaluatorBenchmarks.BucketPolicyJson());
            using var identity = JsonDocument.Parse(EvaluatorBenchmarks.IdentityPolicyJson);
            return JsonSerializer.Serialize(new
            {
                identityPolicies = new[] { new { name = "bob-read", policy = identity.RootElement } },
                serviceControlPolicies = Array.Empty<object>(),
                resourceControlPolicies = Array.Empty<object>(),
                resourcePolicy = bucket.RootElement,
                request = new
                {
                    principal = EvaluatorBenchmarks.Principal,
                    action = EvaluatorBenchmarks.Action,
                    resource = new { resource = EvaluatorBenchmarks.Resource, accountId = EvaluatorBenchmarks.BucketAccount },
                    contextVariables = new { aws_SourceIp = EvaluatorBenchmarks.SourceIp },
                },
            }).Replace("aws_SourceIp", "aws:SourceIp");
        }
    }
}
