using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace S3CrossAccount.IntegrationTests.Harness
{
    /// <summary>
    /// The module in this test process settles for 0 ms after each write (radosgw on loopback is read-after-write
    /// consistent, and the scenario tests make hundreds of writes) and locks in a directory of its own. The
    /// concurrency tests start their writers as separate processes with their own settings.
    /// </summary>
    internal static class FastConvergence
    {
        [ModuleInitializer]
        internal static void Apply()
        {
            Environment.SetEnvironmentVariable("S3XA_SETTLE_MS", "0");
            Environment.SetEnvironmentVariable("S3XA_LOCK_DIRECTORY", Path.Combine(Path.GetTempPath(), "s3xa-integration-locks-" + Environment.ProcessId));
        }
    }
}
