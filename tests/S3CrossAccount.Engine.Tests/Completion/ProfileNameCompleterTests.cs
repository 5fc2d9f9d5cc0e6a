using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Completion
{
    /// <summary>
    /// -ProfileName completion through TabExpansion2, reading temporary profile files named by
    /// -ProfileLocation (never the real ~/.aws). The config-file half is tested through the internal
    /// entry point, because its location comes from process-wide environment variables.
    /// </summary>
    public class ProfileNameCompleterTests : IDisposable
    {
        private const string Probe = "function Test-ProfileProbe { param([ArgumentCompleter([S3CrossAccount.Commands.Completers.ProfileNameCompleter])] [string] $ProfileName, [string] $ProfileLocation) }";
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "xa-profiles-" + Guid.NewGuid().ToString("N"));

        public ProfileNameCompleterTests()
        {
            Directory.CreateDirectory(_directory);
            File.WriteAllText(CredentialsFile, "[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = notprinted\n\n[prod-a]\naws_access_key_id = AKIDEXAMPLE2\n[prod b]\n");
            File.WriteAllText(ConfigFile, "[default]\nregion = us-east-1\n[profile dev-sso]\nsso_session = corp\n[sso-session corp]\nsso_region = us-east-1\n[services local]\n");
        }

        private string CredentialsFile => Path.Combine(_directory, "credentials");

        private string ConfigFile => Path.Combine(_directory, "config");

        [Fact]
        public void ProfileLocationOnTheCommandLine_IsTheFileThatIsRead()
        {
            using var session = new PowerShellSession();
            session.Run(Probe).ShouldSucceed();
            var line = $"Test-ProfileProbe -ProfileLocation {CredentialsFile} -ProfileName prod";
            var results = session.Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches").ShouldSucceed().All<CompletionResult>().ToArray();
            Assert.Equal(new[] { "'prod b'", "prod-a" }, results.Select(r => r.CompletionText));
            Assert.Equal(new[] { "prod b", "prod-a" }, results.Select(r => r.ListItemText));
        }

        [Fact]
        public void ConfigFileProfiles_AreOffered_SsoSessionsAndServicesAreNot()
        {
            using var session = new PowerShellSession();
            var names = session.Run(
                "[S3CrossAccount.Commands.Completers.ProfileNameCompleter].GetMethod('Complete', [System.Reflection.BindingFlags]'NonPublic, Static').Invoke($null, @('', $cred, $conf)) | ForEach-Object { $_.CompletionText }",
                new System.Collections.Generic.Dictionary<string, object?> { ["cred"] = CredentialsFile, ["conf"] = ConfigFile }).ShouldSucceed().All<string>();
            Assert.Equal(new[] { "default", "dev-sso", "'prod b'", "prod-a" }, names);
        }

        [Fact]
        public void MissingFiles_OfferNothing_AndDoNotFail()
        {
            using var session = new PowerShellSession();
            session.Run(Probe).ShouldSucceed();
            var line = $"Test-ProfileProbe -ProfileLocation {Path.Combine(_directory, "nope")} -ProfileName p";
            var results = session.Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches").ShouldSucceed().All<CompletionResult>();
            Assert.DoesNotContain(results, r => r.CompletionText.StartsWith("prod", StringComparison.Ordinal));
        }

        public void Dispose() => Directory.Delete(_directory, recursive: true);
    }
}
