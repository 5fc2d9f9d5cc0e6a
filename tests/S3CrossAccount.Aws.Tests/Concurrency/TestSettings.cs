using System;
using System.IO;
using S3CrossAccount.Aws.Concurrency;

namespace S3CrossAccount.Aws.Tests.Concurrency
{
    internal static class TestSettings
    {
        internal static readonly string LockDirectory = Path.Combine(Path.GetTempPath(), "s3xa-aws-tests-locks-" + Environment.ProcessId);

        /// <summary>No settle wait, <paramref name="retries"/> rewrites, a lock directory of this test process.</summary>
        internal static ConvergeSettings NoWait(int retries = 2, TimeSpan? lockTimeout = null, string? lockDirectory = null) =>
            new ConvergeSettings(TimeSpan.Zero, retries, lockDirectory ?? LockDirectory, lockTimeout ?? TimeSpan.FromSeconds(30));
    }
}
