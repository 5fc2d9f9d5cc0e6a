using System.IO;
using System.Linq;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Sessions
{
    /// <summary>
    /// Living beside AWS Tools: another build of AWSSDK.Core with the same assembly version, loaded
    /// before or after the module, breaks neither side (facts.md A7: "whichever loads first wins").
    /// </summary>
    public class AssemblyIsolationTests
    {
        // Port 9 (discard) on loopback: nothing listens, so the call fails fast with a connection error.
        private const string CallThroughSdk =
            "Get-XAccountIdentity -EndpointUrl http://127.0.0.1:9 -AccessKey AKIAISOLATION -SecretKey isolation-secret -Region us-east-1";

        private static readonly string[] LoadFailures = { "MissingMethodException", "TypeLoadException", "FileLoadException", "FileNotFoundException", "InvalidCastException" };

        private static string UseOtherCopy =>
            "$t = [System.Reflection.Assembly]::LoadFrom('" + FreshProcess.OtherAwsSdkCore + "').GetType('Amazon.Runtime.BasicAWSCredentials'); " +
            "'other:' + [System.Activator]::CreateInstance($t, [object[]]@('AKIAOTHERCOPY', 'other-secret')).GetCredentials().AccessKey";

        [Fact]
        public void OtherAwsSdkCoreLoadedFirst_ModuleUsesItsOwnCopyInItsLoadContext()
        {
            Assert.True(File.Exists(FreshProcess.OtherAwsSdkCore), FreshProcess.OtherAwsSdkCore);
            var run = FreshProcess.Run(CallThroughSdk + "; " + UseOtherCopy, FreshProcess.NewHome(), null, "--load", FreshProcess.OtherAwsSdkCore, "--assemblies");

            AssertConnectionFailureOnly(run);
            Assert.Contains("other:AKIAOTHERCOPY", run.Output);
            AssertTwoCopiesSideBySide(run);
        }

        [Fact]
        public void OtherAwsSdkCoreLoadedAfter_BothCopiesKeepWorking()
        {
            var run = FreshProcess.Run(CallThroughSdk + "; " + UseOtherCopy + "; " + CallThroughSdk, FreshProcess.NewHome(), null, "--assemblies");

            AssertConnectionFailureOnly(run);
            Assert.Equal(2, CountOf(run.Errors, "EndpointUnreachable,S3CrossAccount.Commands.Sessions.GetXAccountIdentityCommand"));
            Assert.Contains("other:AKIAOTHERCOPY", run.Output);
            AssertTwoCopiesSideBySide(run);
        }

        [Fact]
        public void ImportAndOfflineCommands_LoadNoAwsAssembly()
        {
            var run = FreshProcess.Run(
                "$null = Get-Command -Module S3CrossAccount; $null = Get-Command Get-XAccountIdentity -Syntax; (Get-Command Get-XAccountCanonicalId).Parameters.Count",
                FreshProcess.NewHome(), null, "--assemblies");

            Assert.Equal(0, run.ExitCode);
            Assert.Contains(run.Assemblies, a => a.Name == "S3CrossAccount");
            Assert.DoesNotContain(run.Assemblies, a => a.Name.StartsWith("AWSSDK.") || a.Name == "S3CrossAccount.Aws");
        }

        private static void AssertConnectionFailureOnly(ShellRun run)
        {
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("EndpointUnreachable,S3CrossAccount.Commands.Sessions.GetXAccountIdentityCommand", run.Errors);
            foreach (var failure in LoadFailures)
            {
                Assert.DoesNotContain(failure, run.Errors);
            }
        }

        private static void AssertTwoCopiesSideBySide(ShellRun run)
        {
            var cores = run.Assemblies.Where(a => a.Name == "AWSSDK.Core").ToList();
            Assert.Equal(2, cores.Count);
            var module = Assert.Single(cores, a => a.Context == "S3CrossAccount");
            Assert.Equal("dependencies", new DirectoryInfo(Path.GetDirectoryName(module.Location)!).Name);
            var other = Assert.Single(cores, a => a.Context == "Default");
            Assert.Equal(Path.GetFullPath(FreshProcess.OtherAwsSdkCore), Path.GetFullPath(other.Location));
            Assert.Contains(run.Assemblies, a => a.Name == "S3CrossAccount.Aws" && a.Context == "S3CrossAccount");
        }

        private static int CountOf(string text, string value) =>
            (text.Length - text.Replace(value, string.Empty).Length) / value.Length;
    }
}
