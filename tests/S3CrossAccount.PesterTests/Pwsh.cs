using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace S3CrossAccount.PesterTests
{
    /// <summary>What a pwsh process printed and how it ended.</summary>
    public sealed class PwshResult
    {
        public PwshResult(int exitCode, string output)
        {
            ExitCode = exitCode;
            Output = output;
        }

        public int ExitCode { get; }

        /// <summary>stdout and stderr interleaved as they came, without ANSI colours.</summary>
        public string Output { get; }

        public override string ToString() => $"pwsh exited with {ExitCode}:{Environment.NewLine}{Output}";
    }

    /// <summary>
    /// Real pwsh, as users run it: the PowerShell dotnet tool pinned in .config/dotnet-tools.json, restored on
    /// first use (a fresh machine has only the .NET SDK), started as <c>dotnet pwsh -File</c> from the repository root.
    /// </summary>
    public static class Pwsh
    {
        private static readonly object RestoreLock = new object();
        private static bool _restored;

        /// <summary>Runs <paramref name="script"/> as a .ps1 file in a fresh pwsh; <paramref name="environment"/> adds variables.</summary>
        public static PwshResult RunScript(string repoRoot, string script, TimeSpan timeout, IDictionary<string, string>? environment = null)
        {
            EnsureRestored(repoRoot);
            var file = Path.Combine(Path.GetTempPath(), "s3xa-pwsh-" + Guid.NewGuid().ToString("N") + ".ps1");
            // Plain text: the output is read by tests and shown in their failure messages.
            File.WriteAllText(file, "$PSStyle.OutputRendering = 'PlainText'\n" + script);
            try
            {
                return Run(repoRoot, timeout, environment, "pwsh", "-NoLogo", "-NoProfile", "-NonInteractive", "-File", file);
            }
            finally
            {
                File.Delete(file);
            }
        }

        private static void EnsureRestored(string repoRoot)
        {
            lock (RestoreLock)
            {
                if (_restored)
                {
                    return;
                }

                var restore = Run(repoRoot, TimeSpan.FromMinutes(5), null, "tool", "restore");
                if (restore.ExitCode != 0)
                {
                    throw new InvalidOperationException("dotnet tool restore failed (.config/dotnet-tools.json pins pwsh): " + restore);
                }

                _restored = true;
            }
        }

        private static PwshResult Run(string workingDirectory, TimeSpan timeout, IDictionary<string, string>? environment, params string[] arguments)
        {
            // The test host runs under the SDK's dotnet; DOTNET_HOST_PATH names it when PATH does not.
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
            var psi = new ProcessStartInfo(dotnet) { WorkingDirectory = workingDirectory };
            foreach (var argument in arguments)
            {
                psi.ArgumentList.Add(argument);
            }

            psi.Environment["NO_COLOR"] = "1";
            psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            psi.Environment["DOTNET_NOLOGO"] = "1";
            foreach (var pair in environment ?? new Dictionary<string, string>())
            {
                psi.Environment[pair.Key] = pair.Value;
            }

            var (exitCode, output, timedOut) = ChildProcess.Run(psi, timeout);
            return new PwshResult(exitCode, timedOut ? output + $"{Environment.NewLine}(killed after {timeout})" : output);
        }
    }
}
