using System;
using System.IO;
using System.Linq;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Sessions
{
    /// <summary>
    /// The secret key and session token of the credential Use-XAccountRole returns never reach output: not by any
    /// idiom that walks an object's properties, not by the Verbose or Debug streams, not in an error. They still
    /// work as -Credential, and GetCredentials() is the one explicit way to read them.
    /// </summary>
    public class CredentialSecrecyTests
    {
        private const string Secret = "wJalrXUtnFEMI-K7MDENG-SECRETKEY";
        private const string Token = "FwoGZXIvYXdzEXAMPLE-SESSIONTOKEN";
        private const string Endpoint = "-Region us-east-1 -EndpointUrl http://127.0.0.1:9";

        private static PowerShellSession WithCredential()
        {
            var session = new PowerShellSession();
            // The hosted engine loads no Utility cmdlets by itself: import them from the package's assembly.
            session.Run("Import-Module '" + typeof(Microsoft.PowerShell.Commands.ConvertToJsonCommand).Assembly.Location + "'").ShouldSucceed();
            session.Run("$cred = [S3CrossAccount.Core.Sessions.XAccountCredential]::new('ASIAEXAMPLEKEY', '" + Secret + "', '" + Token + "', " +
                "[DateTimeOffset]::new(2030, 1, 2, 3, 4, 5, [TimeSpan]::Zero), 'arn:aws:iam::111122223333:role/examplerole', 'assumed role')").ShouldSucceed();
            return session;
        }

        private static void AssertNoSecret(string text)
        {
            Assert.DoesNotContain(Secret, text);
            Assert.DoesNotContain(Token, text);
        }

        [Theory]
        [InlineData("$cred | Format-List * | Out-String -Width 500")]
        [InlineData("$cred | Format-Table * | Out-String -Width 500")]
        [InlineData("$cred | Format-Custom * -Depth 5 | Out-String -Width 500")]
        [InlineData("$cred | Select-Object * | Out-String -Width 500")]
        [InlineData("$cred | Select-Object * | Format-List * | Out-String -Width 500")]
        [InlineData("$cred | ConvertTo-Json")]
        [InlineData("$cred | ConvertTo-Json -Depth 10")]
        [InlineData("$cred | ConvertTo-Csv")]
        [InlineData("$cred.PSObject.Properties | Out-String -Width 500")]
        [InlineData("$cred.PSObject.Properties | ForEach-Object { \"$($_.Name)=$($_.Value)\" }")]
        [InlineData("$cred | Get-Member -Force | Out-String -Width 500", "GetCredentials")]
        [InlineData("$cred.Credential | Get-Member -Force | Out-String -Width 500", "GetCredentials")]
        [InlineData("$cred.Credential | Format-List * | Out-String -Width 500")]
        [InlineData("$role = [pscustomobject]@{ RoleName = 'examplerole'; RoleArn = 'arn:aws:iam::111122223333:role/examplerole' }; & { $role; $cred } | Out-String -Width 500", "examplerole")]
        [InlineData("$cred | Out-String -Width 500")]
        [InlineData("\"$cred\"")]
        public void NoPropertyWalkingIdiom_ShowsTheSecretOrToken(string script, string shown = "ASIAEXAMPLEKEY")
        {
            using var s = WithCredential();
            var r = s.Run(script).ShouldSucceed();
            Assert.Contains(shown, r.Text);
            AssertNoSecret(r.Text);
        }

        [Fact]
        public void FormatListStar_ShowsTheSafeProperties()
        {
            using var s = WithCredential();
            var text = s.Run("$cred | Format-List * | Out-String -Width 500").ShouldSucceed().Text;
            var names = text.Split('\n').Select(l => l.Split(':')[0].Trim()).Where(n => n.Length > 0).ToList();
            Assert.Equal(new[] { "AccessKey", "Expiration", "AssumedRoleArn", "SourceDescription", "IsTemporary", "Credential" }, names);
        }

        [Fact]
        public void ExportClixml_WritesNoSecretOrToken()
        {
            using var s = WithCredential();
            var path = Path.Combine(Path.GetTempPath(), "s3xa-cred-" + Guid.NewGuid().ToString("N") + ".xml");
            try
            {
                s.Run($"$cred | Export-Clixml -Path '{path}' -Depth 10").ShouldSucceed();
                var xml = File.ReadAllText(path);
                Assert.Contains("ASIAEXAMPLEKEY", xml);
                AssertNoSecret(xml);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void VerboseAndDebugStreams_AndTheError_NeverCarryTheSecret_WhenTheCredentialIsUsed()
        {
            using var s = WithCredential();
            foreach (var script in new[] { "Get-XAccountIdentity -Credential $cred -Verbose -Debug " + Endpoint, "$cred | Get-XAccountIdentity -Verbose -Debug " + Endpoint })
            {
                var r = s.Run("$DebugPreference = 'Continue'; " + script);
                Assert.Contains(r.Debug, d => d.StartsWith("Credentials obtained from the -Credential parameter", StringComparison.Ordinal));
                var everything = string.Join("\n", r.Verbose.Concat(r.Debug).Concat(r.Warnings).Concat(r.Information)
                    .Concat(r.Errors.Select(e => e.ToString() + e.Exception)).Append(r.Terminating?.ToString() ?? string.Empty));
                AssertNoSecret(everything);
            }
        }

        [Fact]
        public void GetCredentials_IsTheExplicitWay_AndLooksLikeAwsToolsImmutableCredentials()
        {
            using var s = WithCredential();
            var keys = s.Run("$cred.GetCredentials()").ShouldSucceed().Output.Single();
            Assert.Equal("ASIAEXAMPLEKEY", keys.Properties["AccessKey"].Value);
            Assert.Equal(Secret, keys.Properties["SecretKey"].Value);
            Assert.Equal(Token, keys.Properties["Token"].Value);
            Assert.Equal(true, keys.Properties["UseToken"].Value);
            Assert.Equal("AccessKey ASIAEXAMPLEKEY (temporary)", s.Run("\"$($cred.GetCredentials())\"").ShouldSucceed().Text);
        }
    }
}
