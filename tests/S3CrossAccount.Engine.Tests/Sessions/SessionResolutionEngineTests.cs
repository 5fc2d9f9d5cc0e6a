using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Sessions
{
    /// <summary>
    /// Credential resolution through the real engine. Every call goes to a closed loopback port, so the
    /// outcome is a connection error after resolution; the Debug stream says which source was used.
    /// </summary>
    public class SessionResolutionEngineTests
    {
        private const string Endpoint = "-EndpointUrl http://127.0.0.1:9 -Region us-east-1";
        private const string Secret = "do-not-print-this-secret";
        private const string Token = "do-not-print-this-token";

        private static string CoreAssembly => Path.Combine(Path.GetDirectoryName(PowerShellSession.ManifestPath)!, "S3CrossAccount.Core.dll");

        private static PipelineResult RunWithDebug(PowerShellSession session, string script) =>
            session.Run("$DebugPreference = 'Continue'; " + script);

        [Fact]
        public void DebugOutput_NamesTheSources_AndNeverTheSecretOrToken()
        {
            using var session = new PowerShellSession();
            var result = RunWithDebug(session, $"Get-XAccountIdentity -AccessKey ASIADEBUG -SecretKey {Secret} -SessionToken {Token} {Endpoint}");

            Assert.Contains("Credentials obtained from the -AccessKey, -SecretKey and -SessionToken parameters", result.Debug);
            Assert.Contains("Region obtained from the -Region parameter with value us-east-1", result.Debug);
            var everything = string.Join("\n", result.Debug.Concat(result.Verbose).Concat(result.Warnings)
                .Concat(result.Errors.Select(e => e.ToString() + e.ErrorDetails?.Message + e.Exception)));
            Assert.DoesNotContain(Secret, everything);
            Assert.DoesNotContain(Token, everything);

            var error = Assert.Single(result.Errors);
            Assert.Equal("EndpointUnreachable,S3CrossAccount.Commands.Sessions.GetXAccountIdentityCommand", error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        }

        [Fact]
        public void StoredAwsCredentials_SetInAnOuterScope_IsSeenInsideAFunction()
        {
            using var session = new PowerShellSession();
            var result = RunWithDebug(session,
                "$global:StoredAWSCredentials = [pscustomobject]@{ AccessKey = 'AKIASTORED'; SecretKey = '" + Secret + "' }; " +
                "function Invoke-Inner { Get-XAccountIdentity " + Endpoint + " }; " +
                "function Invoke-Outer { Invoke-Inner }; Invoke-Outer; Remove-Variable -Scope Global StoredAWSCredentials");
            Assert.Contains("Credentials obtained from the shell variable $StoredAWSCredentials", result.Debug);
            Assert.Equal("EndpointUnreachable", result.FirstError!.FullyQualifiedErrorId.Split(',')[0]);
        }

        [Fact]
        public void StoredAwsCredentials_SetInAParentScriptBlock_IsSeenInAChildScope()
        {
            using var session = new PowerShellSession();
            var result = RunWithDebug(session,
                "& { $StoredAWSCredentials = [pscustomobject]@{ AccessKey = 'AKIASCOPE'; SecretKey = '" + Secret + "' }; & { Get-XAccountIdentity " + Endpoint + " } }");
            Assert.Contains("Credentials obtained from the shell variable $StoredAWSCredentials", result.Debug);
        }

        [Fact]
        public void StoredAwsRegion_IsUsedWhenNoRegionIsGiven()
        {
            using var session = new PowerShellSession();
            var result = RunWithDebug(session,
                "$StoredAWSRegion = 'eu-west-3'; Get-XAccountIdentity -AccessKey AKIAX -SecretKey " + Secret + " -EndpointUrl http://127.0.0.1:9");
            Assert.Contains("Region obtained from the shell variable $StoredAWSRegion with value eu-west-3", result.Debug);
        }

        [Fact]
        public void ModuleCredential_FromThePipelineByPropertyName_IsUsed()
        {
            using var session = new PowerShellSession();
            var result = RunWithDebug(session,
                "$null = [System.Reflection.Assembly]::LoadFrom('" + CoreAssembly + "'); " +
                "$c = [S3CrossAccount.Core.Sessions.XAccountCredential]::new('ASIAPIPE', '" + Secret + "', '" + Token + "', $null, $null, $null); " +
                "[pscustomobject]@{ Credential = $c } | Get-XAccountIdentity " + Endpoint);
            Assert.Contains("Credentials obtained from the -Credential parameter (S3CrossAccount.Core.Sessions.XAccountCredential)", result.Debug);
            Assert.DoesNotContain(result.Debug, d => d.Contains(Secret) || d.Contains(Token));
        }

        [Fact]
        public void InvalidCredentialObject_StopsTheCommandWithItsErrorId()
        {
            using var session = new PowerShellSession();
            var result = session.Run("Get-XAccountIdentity -Credential 'not credentials' " + Endpoint);
            var error = Assert.Single(result.Errors);
            Assert.Equal("InvalidCredentialObject,S3CrossAccount.Commands.Sessions.GetXAccountIdentityCommand", error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Equal("System.String", error.TargetObject);
        }

        [Fact]
        public void MissingNamedProfile_IsAnError_EvenWhenADefaultProfileExists()
        {
            var home = FreshProcess.NewHome(credentials: "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = default-secret\n");
            var run = FreshProcess.Run("Get-XAccountCanonicalId -ProfileName typo " + Endpoint, home);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("ProfileNotFound,S3CrossAccount.Commands.Sessions.GetXAccountCanonicalIdCommand", run.Errors);
            Assert.Contains(Path.Combine(home, ".aws", "credentials"), run.Errors);
        }

        [Fact]
        public void DefaultProfileOfTheHome_IsUsed_WhenNothingElseIsSet()
        {
            var home = FreshProcess.NewHome(credentials: "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = default-secret\n", config: "[default]\nregion = eu-west-3\n");
            var run = FreshProcess.Run("$DebugPreference = 'Continue'; Get-XAccountCanonicalId -EndpointUrl http://127.0.0.1:9 5>&1", home);
            Assert.Contains("Credentials obtained from profile 'default' in " + Path.Combine(home, ".aws", "credentials"), run.Output);
            Assert.Contains("Region obtained from profile 'default' with value eu-west-3", run.Output);
            Assert.Contains("EndpointUnreachable,S3CrossAccount.Commands.Sessions.GetXAccountCanonicalIdCommand", run.Errors);
        }

        [Fact]
        public void EnvironmentKeys_WinOverAwsProfileAndDefault()
        {
            var home = FreshProcess.NewHome(credentials: "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = default-secret\n[other]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = other-secret\n");
            var env = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKIAENV", ["AWS_SECRET_ACCESS_KEY"] = Secret, ["AWS_PROFILE"] = "other", ["AWS_REGION"] = "ca-central-1" };
            var run = FreshProcess.Run("$DebugPreference = 'Continue'; Get-XAccountIdentity -EndpointUrl http://127.0.0.1:9 5>&1", home, env);
            Assert.Contains("Credentials obtained from environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY", run.Output);
            Assert.Contains("Region obtained from environment variable AWS_REGION with value ca-central-1", run.Output);
            Assert.DoesNotContain(Secret, run.Output + run.Errors);
        }

        [Fact]
        public void AwsProfile_WinsOverDefault()
        {
            var home = FreshProcess.NewHome(credentials: "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = default-secret\n[other]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = other-secret\n");
            var run = FreshProcess.Run("$DebugPreference = 'Continue'; Get-XAccountIdentity " + Endpoint + " 5>&1", home, new Dictionary<string, string> { ["AWS_PROFILE"] = "other" });
            Assert.Contains("Credentials obtained from profile 'other' named by AWS_PROFILE", run.Output);
        }

        [Fact]
        public void NoCredentials_AnywhereInTheHome_SaysWhatWasTried()
        {
            var run = FreshProcess.Run("Get-XAccountIdentity -Region us-east-1", FreshProcess.NewHome());
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("NoCredentials,S3CrossAccount.Commands.Sessions.GetXAccountIdentityCommand", run.Errors);
            Assert.Contains("$StoredAWSCredentials", run.Errors);
            Assert.Contains("AWS_PROFILE", run.Errors);
            Assert.Contains("EC2 instance profile", run.Errors);
        }

        [Fact]
        public void ModuleCredential_BindsToAwsToolsCredentialParameter_ThroughTheTypeConverter()
        {
            // A function with AWS Tools' parameter type, from another AWSSDK.Core loaded first as AWS Tools would.
            var script =
                "$null = [System.Reflection.Assembly]::LoadFrom('" + CoreAssembly + "'); " +
                "function Get-S3BucketStandIn { param([Amazon.Runtime.AWSCredentials] $Credential) " +
                "  $k = $Credential.GetCredentials(); '{0}|{1}|{2}|{3}' -f $Credential.GetType().FullName, $k.AccessKey, ($k.Token -eq '" + Token + "'), $Credential.GetType().Assembly.Location }; " +
                "Get-S3BucketStandIn -Credential ([S3CrossAccount.Core.Sessions.XAccountCredential]::new('ASIACONVERT', '" + Secret + "', '" + Token + "', $null, $null, $null)); " +
                "Get-S3BucketStandIn -Credential ([S3CrossAccount.Core.Sessions.XAccountCredential]::new('AKIACONVERT', '" + Secret + "', $null, $null, $null, $null))";
            var run = FreshProcess.Run(script, FreshProcess.NewHome(), null, "--load", FreshProcess.OtherAwsSdkCore);
            Assert.True(run.ExitCode == 0, run.Errors);
            var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
            Assert.Equal("Amazon.Runtime.SessionAWSCredentials|ASIACONVERT|True|" + FreshProcess.OtherAwsSdkCore, lines[0]);
            Assert.Equal("Amazon.Runtime.BasicAWSCredentials|AKIACONVERT|False|" + FreshProcess.OtherAwsSdkCore, lines[1]);
        }
    }
}
