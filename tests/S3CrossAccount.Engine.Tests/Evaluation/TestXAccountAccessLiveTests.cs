using System.Linq;
using S3CrossAccount.Engine.Tests.Sessions;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Evaluation
{
    /// <summary>
    /// The -Live parameter set's contract in the engine: offline use still needs no credentials and loads no AWS
    /// assembly; live use resolves credentials like every AWS cmdlet and rejects a bad bucket before any request.
    /// The probes themselves run against radosgw in the integration tests.
    /// </summary>
    public class TestXAccountAccessLiveTests
    {
        private const string Offline = "(Test-XAccountAccess -Principal arn:aws:iam::111122223333:root -Action s3:GetObject -Resource arn:aws:s3:::bkt/x -BucketAccount 111122223333).Decision.ToString()";

        [Fact]
        public void Offline_NeedsNoCredentials_AndLoadsNoAwsAssembly()
        {
            var run = FreshProcess.Run(Offline, FreshProcess.NewHome(), null, "--assemblies");
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Allowed", run.Output);
            Assert.DoesNotContain(run.Assemblies, a => a.Name.StartsWith("AWSSDK.") || a.Name == "S3CrossAccount.Aws");
        }

        [Fact]
        public void Live_WithoutCredentials_IsNoCredentials()
        {
            var run = FreshProcess.Run("Test-XAccountAccess -Live -Bucket amzn-s3-demo-bucket -Region us-east-1", FreshProcess.NewHome());
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("NoCredentials,S3CrossAccount.Commands.Evaluation.TestXAccountAccessCommand", run.Errors);
        }

        [Fact]
        public void Live_WithABadBucketName_FailsBeforeAnyRequest()
        {
            using var s = new PowerShellSession();
            // Port 9 (discard) is closed here: a request would end in EndpointUnreachable, not InvalidBucketName.
            var r = s.Run("Test-XAccountAccess -Live -Bucket Bad_Bucket -AccessKey AKIAIOSFODNN7EXAMPLE -SecretKey wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY -Region us-east-1 -EndpointUrl http://127.0.0.1:9 -Verbose");
            Assert.Equal("InvalidBucketName,S3CrossAccount.Commands.Evaluation.TestXAccountAccessCommand", r.FirstError!.FullyQualifiedErrorId);
            Assert.Equal("Bad_Bucket", r.FirstError.TargetObject);
            Assert.Empty(r.Output);
            Assert.DoesNotContain(r.Verbose, v => v.StartsWith("S3 ", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Live_WithABadPrincipalForThePrediction_FailsBeforeAnyRequest()
        {
            using var s = new PowerShellSession();
            var r = s.Run("Test-XAccountAccess -Live -Bucket reports-bucket -Principal bob -IdentityPolicy (New-XAccountAccessPolicy -Bucket reports-bucket -Access Read) -AccessKey AKIAIOSFODNN7EXAMPLE -SecretKey wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY -Region us-east-1 -EndpointUrl http://127.0.0.1:9 -Verbose");
            Assert.Equal("InvalidPrincipal,S3CrossAccount.Commands.Evaluation.TestXAccountAccessCommand", r.FirstError!.FullyQualifiedErrorId);
            Assert.Empty(r.Output);
            Assert.DoesNotContain(r.Verbose, v => v.StartsWith("S3 ", System.StringComparison.Ordinal));
        }

        [Fact]
        public void ParameterSets_AreOfflineAndLive_WithTheLiveParametersOnlyInLive()
        {
            using var s = new PowerShellSession();
            var sets = s.Run("(Get-Command Test-XAccountAccess).ParameterSets | ForEach-Object { $_.Name + ':' + (($_.Parameters | ForEach-Object Name) -join ',') }").ShouldSucceed().All<string>().ToList();
            var offline = sets.Single(x => x.StartsWith("Offline:")).Split(':')[1].Split(',');
            var live = sets.Single(x => x.StartsWith("Live:")).Split(':')[1].Split(',');
            Assert.DoesNotContain("Live", offline);
            Assert.DoesNotContain("Bucket", offline);
            Assert.DoesNotContain("Detailed", live);
            Assert.Contains("IncludeWrite", live);
            Assert.Contains("Principal", live);
            Assert.Contains("IdentityPolicy", live);
            Assert.Contains("ProfileName", live);
        }
    }
}
