using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Aws.Concurrency
{
    /// <summary>
    /// Serializes the writers of one target (a bucket policy, an ACL, a trust or identity policy) on one
    /// machine: every thread, runspace and process of the same user that changes the target holds this
    /// lock from its read to its last verifying read.
    /// </summary>
    /// <remarks>
    /// Why it is correct: the lock is an open handle, not a file's existence. The file is opened with
    /// FileShare.None, which the operating system enforces for every other open, in this process or any
    /// other: on Windows (PowerShell 5.1 and 7) as the handle's sharing mode, which makes any second
    /// CreateFile of the path fail with a sharing violation; on Linux and macOS, .NET takes
    /// flock(LOCK_EX | LOCK_NB) on the new descriptor and fails the open when another open file
    /// description holds it (flock locks belong to the open file description, so two opens in one
    /// process exclude each other as two processes do). The OS releases both when the handle closes,
    /// including when the process dies, so a crashed writer never leaves a stale lock behind. Lock files
    /// are never deleted: deleting one while another process has it open but not yet locked would let two
    /// writers lock two different files of the same name. To keep their number bounded, targets share
    /// <see cref="Stripes"/> files by a stable hash of the key; two unrelated targets on one stripe only
    /// wait for each other, and no flow holds two target locks at once, so striping cannot deadlock.
    /// Not covered: writers of another OS user (another lock directory, unless S3XA_LOCK_DIRECTORY
    /// points both to one), .NET's opt-out of file locking (DOTNET_SYSTEM_IO_DISABLEFILELOCKING), and
    /// network file systems whose flock is not shared between clients. Those writers still converge
    /// (<see cref="ConvergingWriter"/>).
    /// </remarks>
    internal sealed class TargetLock : IDisposable
    {
        internal const int Stripes = 4096;

        private static readonly TimeSpan MaxPoll = TimeSpan.FromMilliseconds(200);

        private readonly FileStream _handle;

        private TargetLock(FileStream handle) => _handle = handle;

        /// <summary>
        /// Waits (polling, cancellable) until the lock of <paramref name="key"/> is free and takes it.
        /// Throws TargetLockUnavailable after <paramref name="timeout"/> or when the directory is not usable.
        /// </summary>
        internal static TargetLock Acquire(string directory, string key, string target, TimeSpan timeout, Action<string>? verbose, CancellationToken ct)
        {
            var path = PathFor(directory, key);
            try
            {
                Directory.CreateDirectory(directory);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                throw Unusable(directory, target, ex);
            }

            var waited = Stopwatch.StartNew();
            var poll = TimeSpan.FromMilliseconds(5);
            var announced = false;
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                try
                {
                    return new TargetLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
                }
                catch (UnauthorizedAccessException ex)
                {
                    throw Unusable(directory, target, ex);
                }
                catch (IOException ex) when (!(ex is FileNotFoundException || ex is DirectoryNotFoundException || ex is PathTooLongException))
                {
                    // Sharing violation (Windows) or EWOULDBLOCK from flock (Unix): another writer holds it.
                }

                if (waited.Elapsed >= timeout)
                {
                    throw new XAccountException(ErrorCode.TargetLockUnavailable,
                        $"Another writer on this machine has been changing the {target} for {timeout.TotalSeconds:0} s; gave up waiting for it (lock file {path}). Nothing was changed.",
                        target,
                        "Run the command again when the other writer is done (a -Confirm prompt left open holds the lock); other processes changing the same target are listed by a tool such as lsof or handle on the lock file.");
                }

                if (!announced)
                {
                    verbose?.Invoke($"Waiting for another writer on this machine to finish changing the {target} (lock file {path}).");
                    announced = true;
                }

                ct.WaitHandle.WaitOne(Jitter.Around(poll));
                poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, MaxPoll.Ticks));
            }
        }

        /// <summary>The lock file of a key: one of <see cref="Stripes"/> files, by SHA-256, so every process and runtime agrees.</summary>
        internal static string PathFor(string directory, string key)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(key));
            var stripe = ((hash[0] << 8) | hash[1]) % Stripes;
            return Path.Combine(directory, "target-" + stripe.ToString("x3") + ".lock");
        }

        private static XAccountException Unusable(string directory, string target, Exception ex) =>
            new XAccountException(ErrorCode.TargetLockUnavailable,
                $"The lock that serializes writers of the {target} on this machine cannot be taken in '{directory}': {ex.Message} Nothing was changed.",
                directory,
                "Make the directory writable, or point the environment variable S3XA_LOCK_DIRECTORY at a writable directory of this user.", ex);

        public void Dispose() => _handle.Dispose();
    }
}
