using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Completion
{
    /// <summary>
    /// Completion on the module's own cmdlets, as a user presses Tab: proves the completers are attached to the
    /// real parameters (the probe-function tests only prove each completer's logic).
    /// </summary>
    public class CmdletCompletionTests : IDisposable
    {
        private readonly string _credentials = Path.Combine(Path.GetTempPath(), "xa-complete-" + Guid.NewGuid().ToString("N"));

        public CmdletCompletionTests() =>
            File.WriteAllText(_credentials, "[AccountA]\naws_access_key_id = AKIDEXAMPLE\n[AccountB]\naws_access_key_id = AKIDEXAMPLE2\n[other]\n");

        public void Dispose() => File.Delete(_credentials);

        private static string[] Complete(string line)
        {
            using var session = new PowerShellSession();
            return session.Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches | ForEach-Object CompletionText")
                .ShouldSucceed().All<string>().ToArray();
        }

        [Theory]
        [InlineData("New-XAccountRole")]
        [InlineData("Use-XAccountRole")]
        [InlineData("Get-XAccountIdentity")]
        [InlineData("Test-XAccountAccess -Live")]
        public void ProfileName_CompletesFromTheProfileFile_OnEveryAwsCmdlet(string command)
        {
            Assert.Equal(new[] { "AccountA", "AccountB" }, Complete($"{command} -ProfileLocation {_credentials} -ProfileName Acc"));
        }

        [Fact]
        public void Region_CompletesRegionNames()
        {
            Assert.Equal(new[] { "eu-west-1", "eu-west-2", "eu-west-3" }, Complete("Get-XAccountCanonicalId -Region eu-w"));
        }

        [Theory]
        [InlineData("New-XAccountPolicyStatement -Action s3:GetObjectA", new[] { "s3:GetObjectAcl", "s3:GetObjectAttributes" })]
        [InlineData("New-XAccountPolicyStatement -NotAction sts:AssumeRoleW", new[] { "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity" })]
        [InlineData("New-XAccountBucketPolicy -Bucket b -Principal 222233334444 -Action s3:PutObjectA", new[] { "s3:PutObjectAcl" })]
        [InlineData("New-XAccountIdentityPolicy -Bucket b -Action S3:putobjectac", new[] { "s3:PutObjectAcl" })]
        [InlineData("Test-XAccountAccess -Principal 222233334444 -Action s", new[] { "s3:", "sts:" })]
        public void Action_CompletesFromTheActionCatalog(string line, string[] expected)
        {
            Assert.Equal(expected, Complete(line));
        }
    }
}

namespace S3CrossAccount.Engine.Tests.Completion
{
    public class BucketCompletionTests
    {
        [Theory]
        [InlineData("Get-XAccountBucketPolicy")]
        [InlineData("Set-XAccountBucketPolicy")]
        [InlineData("Remove-XAccountBucketPolicyStatement")]
        [InlineData("Send-XAccountObject")]
        [InlineData("New-XAccountRole")]
        [InlineData("Test-XAccountAccess")]
        [InlineData("Grant-XAccountAcl")]
        [InlineData("Revoke-XAccountAcl")]
        [InlineData("Get-XAccountObjectOwnership")]
        [InlineData("Set-XAccountObjectOwnership")]
        [InlineData("Get-XAccountAccessReport")]
        [InlineData("Invoke-XAccountSetup")]
        [InlineData("Remove-XAccountSetup")]
        public void Bucket_HasTheBucketCompleter(string cmdlet)
        {
            using var session = new PowerShellSession();
            var completer = session.Run($"(Get-Command {cmdlet}).Parameters['Bucket'].Attributes | Where-Object {{ $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }} | ForEach-Object {{ $_.Type.Name }}")
                .ShouldSucceed().All<string>();
            Assert.Equal(new[] { "BucketCompleter" }, completer);
        }

        [Fact]
        public void Bucket_WithoutCredentialsAtHand_OffersNothing_AndLoadsNoAwsAssembly()
        {
            const string line = "Test-XAccountAccess -Live -Region us-east-1 -Bucket my";
            var run = S3CrossAccount.Engine.Tests.Sessions.FreshProcess.Run(
                $"'offered=' + @((TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches).Count",
                S3CrossAccount.Engine.Tests.Sessions.FreshProcess.NewHome(), null, "--assemblies");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal("offered=0", run.Output.Trim());
            Assert.DoesNotContain(run.Assemblies, a => a.Name.StartsWith("AWSSDK.") || a.Name == "S3CrossAccount.Aws");
        }
    }
}
