using System;
using System.Threading;

namespace S3CrossAccount.IntegrationTests.Harness
{
    /// <summary>Bucket and role names unique per test (the server lives for the whole run).</summary>
    public static class UniqueNames
    {
        private static readonly string RunId = Guid.NewGuid().ToString("N").Substring(0, 6);
        private static int _counter;

        /// <summary>A valid S3 bucket name: lower case, starts with the hint, at most 63 chars.</summary>
        public static string Bucket(string hint = "xa")
        {
            var n = Interlocked.Increment(ref _counter);
            var name = $"{hint.ToLowerInvariant()}-{RunId}-{n}";
            return name.Length <= 63 ? name : name.Substring(name.Length - 63);
        }

        /// <summary>A valid IAM role or policy name.</summary>
        public static string Role(string hint = "XAccountRole") => $"{hint}-{RunId}-{Interlocked.Increment(ref _counter)}";
    }
}
