using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;

namespace S3CrossAccount.Engine.Tests.Sessions
{
    /// <summary>One run of tools/XAccountShell in a fresh process: what a new PowerShell session sees.</summary>
    public sealed class ShellRun
    {
        public int ExitCode { get; init; }
        public string Output { get; init; } = string.Empty;
        public string Errors { get; init; } = string.Empty;

        /// <summary>The --assemblies listing: (name, load context, location).</summary>
        public IReadOnlyList<(string Name, string Context, string Location)> Assemblies =>
            Errors.Split('\n')
                .Where(l => l.StartsWith("assembly=", StringComparison.Ordinal))
                .Select(l => l.Substring("assembly=".Length).TrimEnd('\r').Split('|'))
                .Select(p => (p[0], p[1], p[2]))
                .ToList();
    }

    /// <summary>
    /// Starts XAccountShell with a temporary HOME and no AWS_* variables inherited, so neither the real
    /// ~/.aws nor the developer's environment can leak in.
    /// </summary>
    public static class FreshProcess
    {
        public static string ShellPath => Metadata("XAccountShell");

        /// <summary>Another build of AWSSDK.Core (same assembly version 4.0.0.0), standing in for AWS Tools' copy.</summary>
        public static string OtherAwsSdkCore => Metadata("OtherAwsSdkCore");

        public static ShellRun Run(string script, string home, IDictionary<string, string>? environment = null, params string[] options)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(ShellPath);
            foreach (var option in options) start.ArgumentList.Add(option);
            start.ArgumentList.Add(script);

            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                start.Environment.Remove(name);
            }

            start.Environment["HOME"] = home;
            start.Environment["USERPROFILE"] = home;
            start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
            if (environment != null)
            {
                foreach (var pair in environment) start.Environment[pair.Key] = pair.Value;
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return new ShellRun { ExitCode = process.ExitCode, Output = stdout, Errors = stderr.Result };
        }

        public static string NewHome(string? credentials = null, string? config = null)
        {
            var home = Path.Combine(Path.GetTempPath(), "xaccount-engine-home-" + Guid.NewGuid().ToString("N"));
            var aws = Path.Combine(home, ".aws");
            Directory.CreateDirectory(aws);
            if (credentials != null) File.WriteAllText(Path.Combine(aws, "credentials"), credentials);
            if (config != null) File.WriteAllText(Path.Combine(aws, "config"), config);
            return home;
        }

        private static string Metadata(string key) =>
            typeof(FreshProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value!;
    }
}
