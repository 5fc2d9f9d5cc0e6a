using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using S3CrossAccount.Aws.Concurrency;
using S3CrossAccount.Core.Errors;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Concurrency
{
    /// <summary>The machine-wide lock within one process (other processes: the integration tests).</summary>
    public class TargetLockTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "s3xa-lock-tests-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
        }

        [Fact]
        public void ASecondHolderOfTheSameTarget_WaitsAndThenTimesOut_WithTheTargetAndTheLockFile()
        {
            using var first = TargetLock.Acquire(_dir, "aws|bucket-policy|b", "bucket policy of 'b'", TimeSpan.FromSeconds(5), null, CancellationToken.None);
            var waits = new System.Collections.Generic.List<string>();

            var ex = Assert.Throws<XAccountException>(() => TargetLock.Acquire(_dir, "aws|bucket-policy|b", "bucket policy of 'b'", TimeSpan.FromMilliseconds(200), waits.Add, CancellationToken.None));

            Assert.Equal(ErrorCode.TargetLockUnavailable, ex.Code);
            Assert.Equal("bucket policy of 'b'", ex.Target);
            Assert.StartsWith("Another writer on this machine has been changing the bucket policy of 'b' for 0 s; gave up waiting for it (lock file " + TargetLock.PathFor(_dir, "aws|bucket-policy|b"), ex.Message);
            Assert.Equal(new[] { "Waiting for another writer on this machine to finish changing the bucket policy of 'b' (lock file " + TargetLock.PathFor(_dir, "aws|bucket-policy|b") + ")." }, waits);
        }

        [Fact]
        public async Task TheWaiter_GetsTheLock_OnceTheHolderReleasesIt()
        {
            var first = TargetLock.Acquire(_dir, "k", "t", TimeSpan.FromSeconds(5), null, CancellationToken.None);
            var waiter = Task.Run(() => TargetLock.Acquire(_dir, "k", "t", TimeSpan.FromSeconds(20), null, CancellationToken.None));
            await Task.Delay(100);
            Assert.False(waiter.IsCompleted);

            first.Dispose();

            using var second = await waiter;
        }

        [Fact]
        public void Waiting_StopsOnCancellation()
        {
            using var first = TargetLock.Acquire(_dir, "k", "t", TimeSpan.FromSeconds(5), null, CancellationToken.None);
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

            Assert.ThrowsAny<OperationCanceledException>(() => TargetLock.Acquire(_dir, "k", "t", TimeSpan.FromMinutes(1), null, cts.Token));
        }

        [Fact]
        public void TheLockFileOfAKey_IsTheSameEverywhere_AndOneOfAFixedNumber()
        {
            Assert.Equal(TargetLock.PathFor(_dir, "aws|object-acl|b/k"), TargetLock.PathFor(_dir, "aws|object-acl|b/k"));
            Assert.Matches("target-[0-9a-f]{3}\\.lock$", TargetLock.PathFor(_dir, "aws|object-acl|b/k"));
        }

        [Fact]
        public void ADirectoryThatCannotBeCreated_IsAClearError()
        {
            var file = Path.Combine(Path.GetTempPath(), "s3xa-not-a-dir-" + Guid.NewGuid().ToString("N"));
            File.WriteAllText(file, "x");
            try
            {
                var ex = Assert.Throws<XAccountException>(() => TargetLock.Acquire(Path.Combine(file, "locks"), "k", "bucket ACL of 'b'", TimeSpan.FromSeconds(1), null, CancellationToken.None));
                Assert.Equal(ErrorCode.TargetLockUnavailable, ex.Code);
                Assert.Contains("S3XA_LOCK_DIRECTORY", ex.RecommendedAction);
            }
            finally
            {
                File.Delete(file);
            }
        }
    }
}
