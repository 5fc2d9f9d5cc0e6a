using System;
using System.Diagnostics;
using BenchmarkDotNet.Running;

namespace S3CrossAccount.Benchmarks
{
    public static class Program
    {
        public static void Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "--quick")
            {
                // A rough figure without BenchmarkDotNet's harness (for machines where a full run is too slow).
                var b = new EvaluatorBenchmarks();
                b.Setup();
                foreach (var detailed in new[] { false, true })
                {
                    Func<bool> run = detailed ? b.CrossAccountDetailed : b.CrossAccount;
                    for (int i = 0; i < 20000; i++) run();
                    // CPU time, not wall time: on a shared machine the wall clock counts other processes' time.
                    var process = Process.GetCurrentProcess();
                    var cpu0 = process.TotalProcessorTime;
                    var sw = Stopwatch.StartNew();
                    int n = 0;
                    while (sw.ElapsedMilliseconds < 3000) { run(); n++; }
                    process.Refresh();
                    var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
                    Console.WriteLine($"{(detailed ? "detailed" : "fast    ")}: {n / sw.Elapsed.TotalSeconds:N0} decisions/s wall, {n / cpu:N0} decisions per CPU-second");
                }

                var empty = new S3CrossAccount.Core.Evaluation.AccessPolicies();
                var req = new S3CrossAccount.Core.Evaluation.Requests.AccessRequest("arn:aws:iam::444455556666:user/bob", "s3:GetObject", "arn:aws:s3:::bucket/shared/report.csv", "111122223333");
                var sw2 = Stopwatch.StartNew();
                int m = 0;
                while (sw2.ElapsedMilliseconds < 1000) { S3CrossAccount.Core.Evaluation.AccessEvaluator.Evaluate(req, empty); m++; }
                Console.WriteLine($"no policies: {m / sw2.Elapsed.TotalSeconds:N0} decisions/s (fixed cost per decision)");
                long a0 = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < 1000; i++) S3CrossAccount.Core.Evaluation.AccessEvaluator.Evaluate(req, empty);
                Console.WriteLine($"allocated per decision, no policies: {(GC.GetAllocatedBytesForCurrentThread() - a0) / 1000} B");
                a0 = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < 1000; i++) b.CrossAccount();
                Console.WriteLine($"allocated per decision, 101+1 statements: {(GC.GetAllocatedBytesForCurrentThread() - a0) / 1000} B");
                return;
            }

            if (args.Length > 0 && args[0] == "--alloc")
            {
                var req = new S3CrossAccount.Core.Evaluation.Requests.AccessRequest("arn:aws:iam::444455556666:user/bob", "s3:GetObject", "arn:aws:s3:::bucket/shared/report.csv", "111122223333");
                foreach (var json in new[]
                {
                    "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::bucket/team/*\"}]}",
                    "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket/team/*\"}]}",
                    "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::100000000000:root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket/shared/*\"}]}",
                })
                {
                    var pol = new S3CrossAccount.Core.Evaluation.AccessPolicies { BucketPolicy = S3CrossAccount.Core.Evaluation.Model.PolicyCompiler.Compile(json, "b") };
                    S3CrossAccount.Core.Evaluation.AccessEvaluator.Evaluate(req, pol);
                    long a0 = GC.GetAllocatedBytesForCurrentThread();
                    for (int i = 0; i < 1000; i++) S3CrossAccount.Core.Evaluation.AccessEvaluator.Evaluate(req, pol);
                    Console.WriteLine($"{(GC.GetAllocatedBytesForCurrentThread() - a0) / 1000} B  {json}");
                }

                return;
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
