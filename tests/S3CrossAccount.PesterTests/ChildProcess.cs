using System;
using System.Diagnostics;
using System.Text;

namespace S3CrossAccount.PesterTests
{
    /// <summary>Runs a process to its end, or kills it with its children after a timeout, keeping stdout and stderr interleaved.</summary>
    public static class ChildProcess
    {
        /// <summary>The exit code (-1 when killed), everything the process printed, and whether the timeout killed it.</summary>
        public static (int ExitCode, string Output, bool TimedOut) Run(ProcessStartInfo start, TimeSpan timeout)
        {
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.UseShellExecute = false;
            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            DataReceivedEventHandler append = (_, e) =>
            {
                if (e.Data != null)
                {
                    lock (output)
                    {
                        output.AppendLine(e.Data);
                    }
                }
            };
            process.OutputDataReceived += append;
            process.ErrorDataReceived += append;
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var exited = process.WaitForExit((int)timeout.TotalMilliseconds);
            if (!exited)
            {
                process.Kill(entireProcessTree: true);
            }

            // The parameterless wait also drains the redirected streams.
            process.WaitForExit();
            lock (output)
            {
                return (exited ? process.ExitCode : -1, output.ToString(), !exited);
            }
        }
    }
}
