using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Commands.Base
{
    /// <summary>
    /// Runs units of work on at most N worker threads while everything PowerShell must see (WriteObject,
    /// WriteError, WriteVerbose, WriteProgress, ShouldProcess) runs on the pipeline thread: workers post
    /// closures, and the pipeline thread executes them whenever it waits (for a free slot, or in
    /// <see cref="Drain"/>). PowerShell allows those calls from the pipeline thread only.
    /// Not disposable on purpose: a stopped pipeline may leave workers finishing (cancelled) after the
    /// cmdlet is gone, and they still release their slot and post their wake-up; idle workers end by themselves.
    /// </summary>
    internal sealed class BoundedRunner
    {
        /// <summary>How long a worker waits for more work before its thread ends.</summary>
        private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(2);

        private readonly BlockingCollection<Action> _mainThread = new BlockingCollection<Action>();
        private readonly BlockingCollection<Action> _work = new BlockingCollection<Action>();
        private readonly int _limit;
        private readonly SemaphoreSlim _slots;
        private readonly int _pipelineThreadId = Thread.CurrentThread.ManagedThreadId;
        private readonly Action<XAccountException> _onError;
        private readonly CancellationToken _cancellation;
        private int _running;
        private int _workers;
        private Exception? _fatal;

        /// <param name="limit">Maximum units of work running at once.</param>
        /// <param name="onError">Reports a unit's <see cref="XAccountException"/> (called on the pipeline thread).</param>
        internal BoundedRunner(int limit, Action<XAccountException> onError, CancellationToken cancellation)
        {
            _limit = Math.Max(1, limit);
            _slots = new SemaphoreSlim(_limit);
            _onError = onError;
            _cancellation = cancellation;
        }

        private bool OnPipelineThread => Thread.CurrentThread.ManagedThreadId == _pipelineThreadId;

        /// <summary>Starts the work as soon as a slot is free, serving the workers' requests meanwhile.</summary>
        internal void Submit(Action work)
        {
            // Sleep on the queue, not on the semaphore: a worker blocked in Invoke (ShouldProcess) must be
            // served at once, not at the next timeout. A finishing worker releases its slot before it posts
            // its wake-up, so the slot is free when that wake-up runs.
            _cancellation.ThrowIfCancellationRequested();
            while (!_slots.Wait(0))
            {
                if (_mainThread.TryTake(out var action, 20, _cancellation))
                {
                    action();
                }

                ThrowIfFatal();
            }

            Interlocked.Increment(ref _running);
            _work.Add(work);
            if (Volatile.Read(ref _workers) < _limit)
            {
                StartWorker();
            }

            Pump();
        }

        /// <summary>Runs the action on the pipeline thread: now when called there, otherwise at its next wait.</summary>
        internal void Post(Action action)
        {
            if (OnPipelineThread)
            {
                action();
            }
            else
            {
                _mainThread.Add(action);
            }
        }

        /// <summary>Runs the function on the pipeline thread and returns its result to the calling worker.</summary>
        internal T Invoke<T>(Func<T> function)
        {
            if (OnPipelineThread)
            {
                return function();
            }

            var result = new TaskCompletionSource<T>();
            _mainThread.Add(() =>
            {
                try
                {
                    result.SetResult(function());
                }
                catch (Exception ex)
                {
                    result.SetException(ex);
                    throw;
                }
            });
            return result.Task.GetAwaiter().GetResult();
        }

        /// <summary>Waits for every submitted unit, serving their requests; rethrows a worker's unexpected failure.</summary>
        internal void Drain()
        {
            while (Volatile.Read(ref _running) > 0)
            {
                if (_mainThread.TryTake(out var action, 20))
                {
                    action();
                }

                ThrowIfFatal();
            }

            Pump();
        }

        /// <summary>
        /// Dedicated threads, not thread-pool ones: a unit blocks on the SDK's async calls, whose completions need pool
        /// threads (at -ThrottleLimit 32 on 2 cores, 32 blocked pool threads starved them until the pool slowly grew).
        /// Each worker takes unit after unit: with a thread per unit, starting the threads was most of the pipeline
        /// thread's CPU in a bulk grant (dotnet-trace, 2-core VM), and it delayed serving the other workers.
        /// </summary>
        private void StartWorker()
        {
            Interlocked.Increment(ref _workers);
            new Thread(WorkerLoop) { IsBackground = true, Name = "S3CrossAccount worker" }.Start();
        }

        private void WorkerLoop()
        {
            while (true)
            {
                if (_work.TryTake(out var unit, IdleTimeout))
                {
                    Run(unit);
                    continue;
                }

                // About to end. A unit added meanwhile is taken by this worker, or by the one its Submit starts:
                // Submit adds the unit before it counts the workers, and this worker uncounts itself before it looks.
                Interlocked.Decrement(ref _workers);
                if (_work.Count == 0)
                {
                    return;
                }

                if (Interlocked.Increment(ref _workers) > _limit)
                {
                    Interlocked.Decrement(ref _workers);
                    return;
                }
            }
        }

        private void Run(Action work)
        {
            try
            {
                work();
            }
            catch (XAccountException ex)
            {
                Post(() => _onError(ex));
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref _fatal, ex, null);
            }
            finally
            {
                _slots.Release();
                Interlocked.Decrement(ref _running);
                _mainThread.Add(() => { });
            }
        }

        private void Pump()
        {
            while (_mainThread.TryTake(out var action))
            {
                action();
            }

            ThrowIfFatal();
        }

        private void ThrowIfFatal()
        {
            var fatal = Interlocked.Exchange(ref _fatal, null);
            if (fatal != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(fatal).Throw();
            }
        }
    }
}
