using System.Linq;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Policy
{
    /// <summary>Risky-but-allowed choices are made, with a warning that says what widens and what to prefer.</summary>
    public class RiskWarningTests
    {
        [Theory]
        [InlineData("New-XAccountAccessPolicy -Bucket account-a-bucket -Access Console")]
        [InlineData("New-XAccountIdentityPolicy -Bucket account-a-bucket -Access Console")]
        public void ConsolePreset_Warns_AndStillBuildsThePolicy(string command)
        {
            using var s = new PowerShellSession();
            var r = s.Run(command).ShouldSucceed();
            Assert.Single(r.Output);
            Assert.Equal(new[] { "The Console preset adds s3:ListAllMyBuckets on arn:aws:s3:::* (every bucket name of the account becomes visible) and s3:ListBucket on the bucket (every key name). Use ReadWrite when only programs need the access." }, r.Warnings);
        }

        [Fact]
        public void ConsolePreset_WarnsOnce_ForManyPipedBuckets()
        {
            using var s = new PowerShellSession();
            var r = s.Run("'a-bucket', 'b-bucket', 'c-bucket' | ForEach-Object { [pscustomobject]@{ Bucket = $_ } } | New-XAccountAccessPolicy -Access Console").ShouldSucceed();
            Assert.Equal(3, r.Output.Count);
            Assert.Single(r.Warnings);
        }

        [Theory]
        [InlineData("New-XAccountAccessPolicy -Bucket account-a-bucket -Access ReadWrite")]
        [InlineData("New-XAccountIdentityPolicy -Bucket account-a-bucket -Action s3:GetObject")]
        public void OtherChoices_DoNotWarn(string command)
        {
            using var s = new PowerShellSession();
            Assert.Empty(s.Run(command).ShouldSucceed().Warnings);
        }

        [Fact]
        public void LongSession_Warns_BeforeAnyCall()
        {
            using var s = new PowerShellSession();
            // No credentials resolve here (port 9 is closed): the warning comes first, then the connection error.
            var r = s.Run("Use-XAccountRole -RoleArn arn:aws:iam::111122223333:role/examplerole -DurationSeconds 43200 -AccessKey AKIAIOSFODNN7EXAMPLE -SecretKey wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY -Region us-east-1 -EndpointUrl http://127.0.0.1:9 -PropagationTimeout 0");
            Assert.Equal(new[] { "Sessions of 43200 seconds (12 hours) stay valid that long if their credentials leak; revoking them early revokes every session of the role. Keep sessions at one hour unless a job needs longer." }, r.Warnings);
        }
    }
}
