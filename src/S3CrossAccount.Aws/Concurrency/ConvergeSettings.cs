using System;
using System.Globalization;
using System.IO;

namespace S3CrossAccount.Aws.Concurrency
{
    /// <summary>
    /// How long a writer waits for others and how hard it converges. The defaults suit AWS; the
    /// environment variables exist for tests and for operators who must widen the window (a slow link):
    /// S3XA_SETTLE_MS (the minimum settle interval; up to half of it again is added at random),
    /// S3XA_CONVERGE_RETRIES (rewrites after the first write), S3XA_LOCK_DIRECTORY (where the lock files are).
    /// </summary>
    internal sealed class ConvergeSettings
    {
        internal static readonly TimeSpan DefaultSettle = TimeSpan.FromSeconds(1);
        internal const int DefaultRetries = 3;
        internal static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromMinutes(2);

        internal ConvergeSettings(TimeSpan settle, int retries, string lockDirectory, TimeSpan lockTimeout)
        {
            Settle = settle;
            Retries = retries;
            LockDirectory = lockDirectory;
            LockTimeout = lockTimeout;
        }

        /// <summary>
        /// How long after a write the re-read waits: a writer on another machine that read the target before
        /// this write lands its own write within its read-to-write time, which must be shorter than this for
        /// the re-read to see it. Up to half as much again is added at random.
        /// </summary>
        internal TimeSpan Settle { get; }

        /// <summary>How many times a change that another writer's write took away is written again.</summary>
        internal int Retries { get; }

        internal string LockDirectory { get; }

        internal TimeSpan LockTimeout { get; }

        /// <summary>The defaults, overridden by the environment variables read at each command.</summary>
        internal static ConvergeSettings FromEnvironment()
        {
            var settleMs = Number("S3XA_SETTLE_MS");
            var retries = Number("S3XA_CONVERGE_RETRIES");
            var directory = Environment.GetEnvironmentVariable("S3XA_LOCK_DIRECTORY");
            return new ConvergeSettings(
                settleMs.HasValue ? TimeSpan.FromMilliseconds(settleMs.Value) : DefaultSettle,
                retries ?? DefaultRetries,
                string.IsNullOrEmpty(directory) ? DefaultLockDirectory() : directory!,
                DefaultLockTimeout);
        }

        /// <summary>Per user: the local application data folder (~/.local/share on Linux, %LOCALAPPDATA% on Windows).</summary>
        internal static string DefaultLockDirectory()
        {
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return string.IsNullOrEmpty(local)
                ? Path.Combine(Path.GetTempPath(), "S3CrossAccount-locks-" + Environment.UserName)
                : Path.Combine(local, "S3CrossAccount", "locks");
        }

        private static int? Number(string variable) =>
            int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : (int?)null;
    }
}
