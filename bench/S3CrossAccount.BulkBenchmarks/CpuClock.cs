using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace S3CrossAccount.BulkBenchmarks
{
    /// <summary>
    /// CPU time used so far by this process (the client, the PowerShell engine and the delaying proxy) and by the
    /// Ceph daemons (radosgw, ceph-osd, ceph-mon), read from /proc: on a 2-core machine it shows who holds the cores
    /// when a concurrent run falls short of its ideal speedup.
    /// </summary>
    internal readonly struct CpuClock
    {
        private static readonly string[] ServerDaemons = { "radosgw", "ceph-osd", "ceph-mon" };

        private CpuClock(double client, double server)
        {
            ClientSeconds = client;
            ServerSeconds = server;
        }

        public double ClientSeconds { get; }

        public double ServerSeconds { get; }

        public static CpuClock Now()
        {
            using var self = Process.GetCurrentProcess();
            return new CpuClock(self.TotalProcessorTime.TotalSeconds, ServerDaemonSeconds());
        }

        public CpuClock Since(CpuClock start) => new CpuClock(ClientSeconds - start.ClientSeconds, ServerSeconds - start.ServerSeconds);

        private static double ServerDaemonSeconds()
        {
            if (!Directory.Exists("/proc"))
            {
                return 0;
            }

            double ticks = 0;
            foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsDigit)))
            {
                try
                {
                    if (!ServerDaemons.Contains(File.ReadAllText(Path.Combine(dir, "comm")).Trim()))
                    {
                        continue;
                    }

                    // Fields after the parenthesised command name: state is field 3, utime 14 and stime 15 (proc(5)).
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var fields = stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
                    ticks += double.Parse(fields[11]) + double.Parse(fields[12]);
                }
                catch (IOException)
                {
                    // The process ended meanwhile.
                }
            }

            return ticks / 100.0; // USER_HZ is 100 on Linux.
        }
    }
}
