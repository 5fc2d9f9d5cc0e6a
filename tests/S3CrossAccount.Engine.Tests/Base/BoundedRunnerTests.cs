using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using S3CrossAccount.Core.Errors;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Base
{
    /// <summary>
    /// The runner behind -ThrottleLimit (Grant/Revoke-XAccountAcl -Prefix, Get-XAccountAccessReport), taken from the
    /// module assembly that Import-Module loaded. The test thread plays the pipeline thread.
    /// </summary>
    public class BoundedRunnerTests
    {
        private static readonly Type RunnerType = LoadRunnerType();

        [Fact]
        public void EveryUnitRuns_NeverMoreThanTheLimitAtOnce_OnWorkerThreadsThatTakeUnitAfterUnit()
        {
            var runner = new Runner(3, _ => { });
            var running = 0;
            var most = 0;
            var done = 0;
            var threads = new ConcurrentDictionary<Thread, bool>();
            for (var i = 0; i < 40; i++)
            {
                runner.Submit(() =>
                {
                    threads[Thread.CurrentThread] = true;
                    var now = Interlocked.Increment(ref running);
                    InterlockedMax(ref most, now);
                    Thread.Sleep(2);
                    Interlocked.Decrement(ref running);
                    Interlocked.Increment(ref done);
                });
            }

            runner.Drain();
            Assert.Equal(40, done);
            Assert.InRange(most, 1, 3);

            // A thread per unit (what it did before) would be 40 threads, each started on the pipeline thread.
            Assert.InRange(threads.Count, 1, 3);
            Assert.DoesNotContain(Thread.CurrentThread, threads.Keys);
            Assert.All(threads.Keys, t => Assert.True(t.IsBackground, "a worker never keeps the process alive"));

            // Idle workers end by themselves (after two seconds without work), so an abandoned runner leaks no thread.
            Assert.All(threads.Keys, t => Assert.True(t.Join(TimeSpan.FromSeconds(60)), "an idle worker ended"));
        }

        [Fact]
        public void PostsAndErrorsRunOnThePipelineThread_AndTheOtherUnitsGoOn()
        {
            var pipeline = Thread.CurrentThread;
            var reported = new List<(string Target, Thread Thread)>();
            var runner = new Runner(4, ex => reported.Add(((string)ex.Target!, Thread.CurrentThread)));
            var posted = new List<Thread>();
            for (var i = 0; i < 12; i++)
            {
                var n = i;
                runner.Submit(() =>
                {
                    if (n == 5)
                    {
                        throw new XAccountException(ErrorCode.ServiceError, "unit 5 failed", "unit5");
                    }

                    runner.Post(() => posted.Add(Thread.CurrentThread));
                });
            }

            runner.Drain();
            Assert.Equal(11, posted.Count);
            Assert.All(posted, t => Assert.Same(pipeline, t));
            Assert.Equal(new[] { ("unit5", pipeline) }, reported);
        }

        [Fact]
        public void AUnitsUnexpectedException_IsRethrownOnThePipelineThread()
        {
            var runner = new Runner(2, _ => { });
            // From Submit when the unit has already failed by the time it looks, from Drain otherwise.
            var thrown = Assert.Throws<InvalidOperationException>(() =>
            {
                runner.Submit(() => throw new InvalidOperationException("a bug"));
                runner.Drain();
            });
            Assert.Equal("a bug", thrown.Message);
        }

        [Fact]
        public void ARunnerUsedAgainAfterItsWorkersEnded_StartsNewOnes()
        {
            var runner = new Runner(2, _ => { });
            var first = new ConcurrentDictionary<Thread, bool>();
            runner.Submit(() => first[Thread.CurrentThread] = true);
            runner.Drain();
            Assert.All(first.Keys, t => Assert.True(t.Join(TimeSpan.FromSeconds(60))));

            var ran = 0;
            for (var i = 0; i < 5; i++)
            {
                runner.Submit(() => Interlocked.Increment(ref ran));
            }

            runner.Drain();
            Assert.Equal(5, ran);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }

        private static Type LoadRunnerType()
        {
            using (var session = new PowerShellSession())
            {
                var assembly = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "S3CrossAccount");
                return assembly.GetType("S3CrossAccount.Commands.Base.BoundedRunner", throwOnError: true)!;
            }
        }

        /// <summary>The internal runner through reflection, with its exceptions unwrapped.</summary>
        private sealed class Runner
        {
            private readonly object _runner;

            public Runner(int limit, Action<XAccountException> onError) =>
                _runner = Activator.CreateInstance(RunnerType, BindingFlags.NonPublic | BindingFlags.Instance, null,
                    new object[] { limit, onError, CancellationToken.None }, null)!;

            public void Submit(Action work) => Call("Submit", work);

            public void Post(Action action) => Call("Post", action);

            public void Drain() => Call("Drain");

            private void Call(string method, params object[] args)
            {
                try
                {
                    RunnerType.GetMethod(method, BindingFlags.NonPublic | BindingFlags.Instance)!.Invoke(_runner, args);
                }
                catch (TargetInvocationException ex) when (ex.InnerException != null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                }
            }
        }
    }
}
