using System;

namespace S3CrossAccount.Aws.Concurrency
{
    /// <summary>Random spreads for waits, so writers that collided once do not collide again in step.</summary>
    internal static class Jitter
    {
        private static readonly Random Shared = new Random();

        /// <summary>A duration between 0.5 and 1.5 times <paramref name="mean"/>.</summary>
        internal static TimeSpan Around(TimeSpan mean) => TimeSpan.FromTicks((long)(mean.Ticks * (0.5 + Next())));

        /// <summary><paramref name="minimum"/> plus up to <paramref name="spread"/>.</summary>
        internal static TimeSpan Plus(TimeSpan minimum, TimeSpan spread) => minimum + TimeSpan.FromTicks((long)(spread.Ticks * Next()));

        private static double Next()
        {
            lock (Shared)
            {
                return Shared.NextDouble();
            }
        }
    }
}
