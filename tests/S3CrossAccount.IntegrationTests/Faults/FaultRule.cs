using System;
using System.Threading;

namespace S3CrossAccount.IntegrationTests.Faults
{
    /// <summary>
    /// One scripted fault: applies to the first <see cref="Remaining"/> requests that match every filter
    /// given (null filters match anything). Rules are tried in the order they were added; the first
    /// matching one with uses left wins.
    /// </summary>
    public sealed class FaultRule
    {
        /// <summary>Use as <c>times</c> for a fault that never stops.</summary>
        public const int Always = int.MaxValue;

        private int _remaining;

        public FaultRule(FaultKind kind, int times, string? method = null, string? pathContains = null, string? queryContains = null,
            string? action = null, TimeSpan? delay = null)
        {
            if (times < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(times));
            }

            Kind = kind;
            _remaining = times;
            Method = method;
            PathContains = pathContains;
            QueryContains = queryContains;
            Action = action;
            Delay = delay ?? TimeSpan.Zero;
        }

        public FaultKind Kind { get; }

        /// <summary>HTTP method to match, e.g. "PUT" (case-insensitive).</summary>
        public string? Method { get; }

        /// <summary>Substring of the decoded path, e.g. the bucket name or "/key".</summary>
        public string? PathContains { get; }

        /// <summary>Substring of the query string, e.g. "policy", "acl" or "list-type=2".</summary>
        public string? QueryContains { get; }

        /// <summary>The Action= of an IAM/STS form body, e.g. "PutRolePolicy" (exact).</summary>
        public string? Action { get; }

        public TimeSpan Delay { get; }

        public int Remaining => Volatile.Read(ref _remaining);

        /// <summary>How many requests this rule has faulted.</summary>
        public int Applied { get; private set; }

        internal bool Matches(string method, string path, string query, string? action) =>
            (Method == null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
            && (PathContains == null || path.Contains(PathContains, StringComparison.Ordinal))
            && (QueryContains == null || query.Contains(QueryContains, StringComparison.Ordinal))
            && (Action == null || string.Equals(Action, action, StringComparison.Ordinal));

        /// <summary>Takes one use if any is left (called under the proxy's lock).</summary>
        internal bool TryConsume()
        {
            if (_remaining <= 0)
            {
                return false;
            }

            if (_remaining != Always)
            {
                _remaining--;
            }

            Applied++;
            return true;
        }

        public override string ToString() => $"{Kind} x{(_remaining == Always ? "always" : _remaining.ToString())} {Method} {PathContains} {QueryContains} {Action}".TrimEnd();
    }
}
