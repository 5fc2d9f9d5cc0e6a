using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;
using BenchmarkDotNet.Running;
using S3CrossAccount.Core.Evaluation;
using S3CrossAccount.Core.Evaluation.Model;
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
                    Compare(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3000);
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

        // This side of the iam-simulate comparison, in CPU time per decision as simulate.mjs measures its own: deciding
        // on compiled policies, and the whole way iam-simulate goes on every call (policy JSON in, explained decision out).
        private static void Compare(int milliseconds)
        {
            var b = new EvaluatorBenchmarks();
            b.Setup();
            var bucketJson = EvaluatorBenchmarks.BucketPolicyJson();
            var request = new AccessRequest(EvaluatorBenchmarks.Principal, EvaluatorBenchmarks.Action, EvaluatorBenchmarks.Resource, EvaluatorBenchmarks.BucketAccount,
                context: new RequestContext().Set("aws:SourceIp", EvaluatorBenchmarks.SourceIp));
            Func<bool> fromJson = () => AccessEvaluator.Evaluate(request, new AccessPolicies
            {
                BucketPolicy = PolicyCompiler.Compile(bucketJson, "bucket"),
                IdentityPolicies = new[] { PolicyCompiler.Compile(EvaluatorBenchmarks.IdentityPolicyJson, "bob-read") },
            }).Allowed;
            Console.WriteLine($"s3crossaccount-decide-per-cpu-second={DecisionsPerCpuSecond(b.CrossAccount, milliseconds):F0}");
            Console.WriteLine($"s3crossaccount-from-json-per-cpu-second={DecisionsPerCpuSecond(fromJson, milliseconds, warmup: 200):F0}");
            Console.WriteLine($"s3crossaccount-allowed={(b.CrossAccount() && fromJson() ? "true" : "false")}");
        }

        // CPU time, not wall time: on a shared machine the wall clock counts other processes' time.
        private static double DecisionsPerCpuSecond(Func<bool> run, int milliseconds, int warmup = 20000)
        {
            for (int i = 0; i < warmup; i++)
            {
                run();
            }

            var process = Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            long n = 0;
            int batch = warmup / 20;
            while (wall.ElapsedMilliseconds < milliseconds)
            {
                for (int i = 0; i < batch; i++)
                {
                    run();
                }

                n += batch;
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
