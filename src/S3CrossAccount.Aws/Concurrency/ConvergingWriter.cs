using System;
using System.Threading;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Aws.Concurrency
{
    /// <summary>
    /// One command's change to one stored document (a policy, an ACL), in a form that can be applied
    /// again to whatever is stored now: what converging needs to know about the target.
    /// </summary>
    /// <typeparam name="T">The stored state; null means "none" (no bucket policy, no inline policy).</typeparam>
    internal sealed class TargetChange<T> where T : class
    {
        /// <summary>The target in words, for messages: "bucket policy of 'b'".</summary>
        internal string Target { get; set; } = string.Empty;

        internal Func<CancellationToken, T?> Read { get; set; } = _ => null;

        /// <summary>True when everything this command added is in the state and everything it removed is not.</summary>
        internal Func<T?, bool> Holds { get; set; } = _ => true;

        /// <summary>
        /// This command's change applied to <paramref name="state"/>: what it added merged in and what it
        /// removed taken out, everything else (another writer's statements and grants) left as it is.
        /// </summary>
        internal Func<T?, T?> ApplyTo { get; set; } = s => s;

        internal Action<T?, CancellationToken> Write { get; set; } = (_, __) => { };

        /// <summary>What of this command's change the state lacks, in words ("statement X", "READ for ...").</summary>
        internal Func<T?, string> Missing { get; set; } = _ => string.Empty;

        /// <summary>
        /// The error when the write succeeded but the read that verifies it failed: it must say that the new
        /// state is in place and how to undo it.
        /// </summary>
        internal Func<XAccountException, XAccountException> WrittenButUnverified { get; set; } = ex => ex;
    }

    /// <summary>
    /// Lock, then write-then-converge, for every read-merge-write the module makes (bucket policy, bucket
    /// and object ACL, trust policy, identity policy). S3 and IAM have no conditional write for these
    /// documents, so a read-merge-write can overwrite another writer's change made in between. Two
    /// defences make that race harmless:
    /// on one machine, writers of a target take <see cref="TargetLock"/> before their read and keep it
    /// until their change has been verified, so they never interleave;
    /// across machines, after writing, the writer waits a jittered settle interval (long enough for a
    /// writer that read before this write to land its own write), reads again, and if another writer's
    /// write took any of this command's change away, applies the change to what is there now and writes
    /// again (a bounded number of times). Only this command's own additions and removals are re-applied:
    /// another writer's statements and grants are never removed.
    /// A change is reported done only when a read after the settle interval shows it.
    /// </summary>
    internal sealed class ConvergingWriter
    {
        private readonly ConvergeSettings _settings;
        private readonly string _scope;
        private readonly Action<string>? _verbose;

        /// <param name="scope">What makes a target name unique besides the name: the endpoint ("aws" for AWS's own).</param>
        internal ConvergingWriter(ConvergeSettings settings, string scope, Action<string>? verbose)
        {
            _settings = settings ?? throw new ArgumentNullException(nameof(settings));
            _scope = scope ?? throw new ArgumentNullException(nameof(scope));
            _verbose = verbose;
        }

        internal ConvergeSettings Settings => _settings;

        /// <summary>
        /// Takes the machine-wide lock of one target. The key is the endpoint plus the kind and name of
        /// the target (bucket, bucket + key, role, identity + policy name), not the account: a bucket name
        /// names one bucket per endpoint, and an IAM name in two accounts at most makes their writers wait
        /// for each other, which is harmless, while resolving the account would cost a call each time.
        /// </summary>
        internal IDisposable Lock(string kind, string name, string target, CancellationToken ct) =>
            TargetLock.Acquire(_settings.LockDirectory, _scope + "|" + kind + "|" + name, target, _settings.LockTimeout, _verbose, ct);

        /// <summary>
        /// Call right after the first write, with the target's lock still held: settles, reads, and writes
        /// this command's change again while another writer's write has taken part of it away. Returns the
        /// state the last read showed. Throws ConcurrentModification when the change still does not hold
        /// after <see cref="ConvergeSettings.Retries"/> rewrites.
        /// </summary>
        internal T? Converge<T>(TargetChange<T> change, CancellationToken ct) where T : class
        {
            if (change == null) throw new ArgumentNullException(nameof(change));
            for (var rewrite = 0; ; rewrite++)
            {
                Settle(ct);
                T? now;
                try
                {
                    now = change.Read(ct);
                }
                catch (XAccountException ex)
                {
                    throw change.WrittenButUnverified(ex);
                }

                if (change.Holds(now))
                {
                    return now;
                }

                var missing = change.Missing(now);
                if (rewrite >= _settings.Retries)
                {
                    throw new XAccountException(ErrorCode.ConcurrentModification,
                        $"Another writer changed the {change.Target} at the same time, and after {_settings.Retries} rewrite(s) the {change.Target} still lacks what this command changed: {missing}.",
                        change.Target,
                        "Run the command again (it changes only what is still missing); if this repeats, find the other writer (another machine, runbook or admin) and run one at a time.");
                }

                _verbose?.Invoke($"Another writer changed the {change.Target} at the same time: after the write, {missing} is missing. "
                    + $"Applying this command's change to what is there now and writing again (rewrite {rewrite + 1} of {_settings.Retries}); the other writer's changes stay.");
                change.Write(change.ApplyTo(now), ct);
            }
        }

        private void Settle(CancellationToken ct)
        {
            var wait = Jitter.Plus(_settings.Settle, TimeSpan.FromTicks(_settings.Settle.Ticks / 2));
            if (wait > TimeSpan.Zero)
            {
                ct.WaitHandle.WaitOne(wait);
            }

            ct.ThrowIfCancellationRequested();
        }

        /// <summary>"aws" for AWS's endpoints, else the endpoint URL: the scope in which target names are unique.</summary>
        internal static string ScopeOf(AwsSession session) => string.IsNullOrEmpty(session.EndpointUrl) ? "aws" : session.EndpointUrl!.TrimEnd('/').ToLowerInvariant();
    }
}
