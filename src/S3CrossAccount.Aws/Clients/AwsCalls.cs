using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Aws.Clients
{
    /// <summary>
    /// The one way this module makes an AWS call, for S3, STS and IAM alike:
    /// <list type="bullet">
    /// <item>the call is named on the Verbose stream before it is made ("S3 PutBucketPolicy bucket", "IAM GetRole name",
    /// "STS AssumeRole arn"): service, operation and target, never a document, a key or a token;</item>
    /// <item>retries are the SDK's, in its standard mode (3 attempts unless AWS_RETRY_MODE, AWS_MAX_ATTEMPTS or the shared
    /// config file say otherwise; throttling, 5xx and broken connections are retried with backoff), on every client this
    /// module builds (<see cref="AwsClientFactory"/>, the IAM client);</item>
    /// <item>the HTTP attempts behind each call are counted (<see cref="Requests"/>), and a call that needed more than one
    /// says so on Verbose;</item>
    /// <item>cancellation is the caller's token, passed to the SDK; OperationCanceledException goes through unmapped;</item>
    /// <item>any other failure becomes an <see cref="XAccountException"/> through <see cref="AwsErrorMapper"/>
    /// (<see cref="AwsErrorCodes"/>, the one table of AWS error codes).</item>
    /// </list>
    /// Thread-safe: one instance may serve concurrent calls (the bulk ACL workers, the report's buckets).
    /// </summary>
    internal sealed class AwsCalls
    {
        // The attempts of the call running in this async flow; the pipeline of each client built by this module
        // adds to it from inside the SDK's retry loop (AttemptCounter).
        private static readonly AsyncLocal<Attempts?> CurrentCall = new AsyncLocal<Attempts?>();

        private readonly Action<string>? _verbose;
        private readonly AwsSession? _session;
        private int _calls;
        private int _requests;

        /// <param name="session">The session the calls are made with: its errors name who was acting.</param>
        internal AwsCalls(Action<string>? verbose, AwsSession? session = null)
        {
            _verbose = verbose;
            _session = session;
        }

        /// <summary>Who the calls are made as, for errors raised outside the call path (an error document in a 200 answer).</summary>
        internal string? Acting => _session?.Acting;

        /// <summary>Calls made through this instance.</summary>
        internal int Calls => Volatile.Read(ref _calls);

        /// <summary>HTTP requests sent for those calls, retries included.</summary>
        internal int Requests => Volatile.Read(ref _requests);

        /// <summary>
        /// Makes a client's pipeline count each HTTP attempt for the call that sends it: a handler just inside the
        /// SDK's retry handler runs once per attempt (the client's events run once per call).
        /// </summary>
        internal static void CountAttempts(RuntimePipeline pipeline) => pipeline.AddHandlerAfter<RetryHandler>(new AttemptCounter());

        /// <summary>
        /// Runs one call on the caller's thread and waits for it.
        /// </summary>
        /// <param name="service">"S3", "STS" or "IAM".</param>
        /// <param name="target">What the Verbose line names (bucket, bucket/key, role, policy).</param>
        /// <param name="errorTarget">The error's TargetObject; <paramref name="target"/> when null.</param>
        /// <param name="accessDeniedAction">The advice for an AccessDenied on this call (which account's policy must allow what).</param>
        internal T Run<T>(string service, string operation, string target, Func<Task<T>> send, object? errorTarget = null, string? accessDeniedAction = null)
        {
            var attempts = Begin(service, operation, target);
            try
            {
                return SendAsync(attempts, service, operation, target, send, errorTarget, accessDeniedAction).ConfigureAwait(false).GetAwaiter().GetResult();
            }
            finally
            {
                if (attempts.Count > 1)
                {
                    Note($"The SDK retried {service} {operation} {target}: {attempts.Count} attempts (a throttled, failed or unanswered request was sent again).");
                }
            }
        }

        /// <summary>
        /// Starts one call and returns without waiting, so that independent calls run together. The Verbose line is
        /// written before this returns, on the caller's thread; nothing is written when the call completes.
        /// </summary>
        internal Task<T> RunAsync<T>(string service, string operation, string target, Func<Task<T>> send, object? errorTarget = null, string? accessDeniedAction = null)
        {
            var attempts = Begin(service, operation, target);
            return SendAsync(attempts, service, operation, target, send, errorTarget, accessDeniedAction);
        }

        /// <summary>A Verbose line that is not a call (a decision, a fallback, a diff).</summary>
        internal void Note(string message) => _verbose?.Invoke(message);

        private Attempts Begin(string service, string operation, string target)
        {
            _verbose?.Invoke(target.Length == 0 ? $"{service} {operation}" : $"{service} {operation} {target}");
            Interlocked.Increment(ref _calls);
            return new Attempts();
        }

        private async Task<T> SendAsync<T>(Attempts attempts, string service, string operation, string target, Func<Task<T>> send, object? errorTarget, string? accessDeniedAction)
        {
            // Set inside this async method, the value flows into the SDK's pipeline and never back to the caller.
            CurrentCall.Value = attempts;
            try
            {
                return await send().ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                throw Failure(AwsErrorMapper.Map(ex, errorTarget ?? target, service + " " + operation + (target.Length == 0 ? string.Empty : " " + target), accessDeniedAction, _session?.Acting), attempts, service, operation, target);
            }
            finally
            {
                Interlocked.Add(ref _requests, attempts.Count);
            }
        }

        /// <summary>
        /// An entity that "already exists" when the request had to be sent again is most likely the work of the attempt
        /// whose answer was lost (the SDK resends a request after a reset or a timeout, and IAM's Create* calls are not
        /// idempotent): say so, rather than let it read as somebody else's entity.
        /// </summary>
        private static XAccountException Failure(XAccountException mapped, Attempts attempts, string service, string operation, string target)
        {
            if (mapped.Code != ErrorCode.EntityAlreadyExists || attempts.Count < 2)
            {
                return mapped;
            }

            return new XAccountException(ErrorCode.EntityAlreadyExists,
                $"{service} {operation} {target} was sent {attempts.Count} times (an earlier attempt got no answer) and the last attempt found it already there: "
                + "most likely the earlier attempt created it.",
                mapped.Target,
                "Run the command again: it reads what exists now and completes it without creating anything twice.",
                mapped);
        }

        private sealed class AttemptCounter : PipelineHandler
        {
            public override void InvokeSync(IExecutionContext executionContext)
            {
                CurrentCall.Value?.Add();
                base.InvokeSync(executionContext);
            }

            public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
            {
                CurrentCall.Value?.Add();
                return base.InvokeAsync<T>(executionContext);
            }
        }

        private sealed class Attempts
        {
            private int _count;

            internal int Count => Volatile.Read(ref _count);

            internal void Add() => Interlocked.Increment(ref _count);
        }
    }
}
