using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Commands.Base
{
    /// <summary>
    /// One cmdlet's bulk run (Grant-/Revoke-XAccountAcl over a prefix or piped targets, Get-XAccountAccessReport over
    /// buckets): each target's unit of work runs on at most -ThrottleLimit workers (<see cref="BoundedRunner"/>), while
    /// its output, Verbose lines, ShouldProcess, errors and the one progress bar with its counters stay on the pipeline
    /// thread. A unit's <see cref="XAccountException"/> is that target's failure: non-terminating, the others go on.
    /// </summary>
    internal sealed class BulkRun
    {
        private readonly Cmdlet _cmdlet;
        private readonly BoundedRunner _runner;
        private readonly string _activity;
        private readonly bool _showProgress;
        private readonly Func<BulkRun, string> _status;
        private readonly Func<object, bool> _isChange;
        private int? _expected;

        /// <param name="showProgress">Write a progress record as each unit ends.</param>
        /// <param name="status">The progress bar's status line, from the counters.</param>
        /// <param name="isChange">Which outputs count as <see cref="Changed"/>.</param>
        internal BulkRun(Cmdlet cmdlet, string activity, int throttleLimit, Action<XAccountException> onError, CancellationToken cancellation,
            bool showProgress, Func<BulkRun, string> status, Func<object, bool>? isChange = null)
        {
            _cmdlet = cmdlet;
            _activity = activity;
            _showProgress = showProgress;
            _status = status;
            _isChange = isChange ?? (_ => false);
            _runner = new BoundedRunner(throttleLimit, onError, cancellation);
        }

        internal int Submitted { get; private set; }

        internal int Done { get; private set; }

        internal int Changed { get; private set; }

        /// <summary>True while targets are still being listed: the total is not known yet, so the bar shows no percentage.</summary>
        internal bool Listing { get; private set; }

        /// <summary>The number of units: as announced by <see cref="Expect"/>, or as submitted so far.</summary>
        internal int Total => _expected ?? Submitted;

        /// <summary>A Verbose writer for the units (a worker's line is written on the pipeline thread).</summary>
        internal Action<string> Verbose => message => _runner.Post(() => _cmdlet.WriteVerbose(message));

        /// <summary>ShouldProcess for the units, asked on the pipeline thread.</summary>
        internal bool ShouldProcess(string target, string action) => _runner.Invoke(() => _cmdlet.ShouldProcess(target, action));

        /// <summary>Announces how many units will be submitted, for the percentage of the first ones.</summary>
        internal void Expect(int total) => _expected = total;

        /// <summary>Submits one target's unit: it runs on a worker, and what it returns is written as output.</summary>
        internal void Submit(Func<IEnumerable<object>> unit)
        {
            Submitted++;
            _runner.Submit(() =>
            {
                try
                {
                    var output = unit().ToList();
                    _runner.Post(() => Write(output));
                }
                finally
                {
                    _runner.Post(UnitDone);
                }
            });
        }

        /// <summary>Submits a unit per listed target, the listing itself running on the pipeline thread; returns how many were listed.</summary>
        internal int SubmitEach<T>(IEnumerable<T> targets, Func<T, IEnumerable<object>> unit)
        {
            Listing = true;
            var found = 0;
            try
            {
                foreach (var target in targets)
                {
                    found++;
                    Submit(() => unit(target));
                }
            }
            finally
            {
                Listing = false;
            }

            return found;
        }

        /// <summary>
        /// Starts work the units share (not a target: no output, not counted) beside them, on a worker; its result or
        /// failure is the task's. A unit waits for it with <see cref="TryWait{T}"/>.
        /// </summary>
        internal Task<T> Start<T>(Func<T> work)
        {
            var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _runner.Submit(() =>
            {
                try
                {
                    result.SetResult(work());
                }
                catch (Exception ex)
                {
                    result.SetException(ex);
                }
            });
            return result.Task;
        }

        /// <summary>False when the shared work failed (its error is the caller's to report once, after <see cref="Finish"/>).</summary>
        internal static bool TryWait<T>(Task<T> shared, CancellationToken cancellation, out T result)
        {
            try
            {
                shared.Wait(cancellation);
                result = shared.Result;
                return true;
            }
            catch (AggregateException)
            {
                result = default!;
                return false;
            }
        }

        /// <summary>Waits for every unit, serving their requests; then completes the progress bar when asked to.</summary>
        internal void Finish(bool completeProgress, string? completedStatus = null)
        {
            _runner.Drain();
            if (completeProgress)
            {
                _cmdlet.WriteProgress(new ProgressRecord(1, _activity, completedStatus ?? _status(this)) { RecordType = ProgressRecordType.Completed });
            }
        }

        private void Write(IReadOnlyList<object> output)
        {
            foreach (var item in output)
            {
                if (_isChange(item))
                {
                    Changed++;
                }

                _cmdlet.WriteObject(item);
            }
        }

        private void UnitDone()
        {
            Done++;
            if (_showProgress)
            {
                var percent = Listing ? -1 : (int)(Done * 100L / Math.Max(1, Total));
                _cmdlet.WriteProgress(new ProgressRecord(1, _activity, _status(this)) { PercentComplete = percent });
            }
        }
    }
}
