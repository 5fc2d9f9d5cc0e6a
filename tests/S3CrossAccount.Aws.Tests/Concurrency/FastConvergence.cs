using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace S3CrossAccount.Aws.Tests.Concurrency
{
    /// <summary>
    /// Services built without explicit settings read them from the environment: in this test process,
    /// no settle wait (the fakes are consistent at once) and a lock directory of its own.
    /// </summary>
    internal static class FastConvergence
    {
        [ModuleInitializer]
        internal static void Apply()
        {
            Environment.SetEnvironmentVariable("S3XA_SETTLE_MS", "0");
            Environment.SetEnvironmentVariable("S3XA_LOCK_DIRECTORY", TestSettings.LockDirectory);
        }
    }
}
