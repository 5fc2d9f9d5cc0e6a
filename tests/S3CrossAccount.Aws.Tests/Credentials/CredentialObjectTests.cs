using Amazon.Runtime;
using S3CrossAccount.Aws.Credentials;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Sessions;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Credentials
{
    /// <summary>-Credential accepts credentials by shape, whatever copy of AWSSDK.Core made them.</summary>
    public class CredentialObjectTests
    {
        private static ImmutableCredentials ResolveWith(object credential)
        {
            using var box = new ProfileSandbox();
            return box.Resolve(new SessionRequest { Credential = credential, Region = "us-east-1" }).Credentials.GetCredentials();
        }

        [Fact]
        public void OwnSdkCredentials_AreUsedAsTheyAre()
        {
            var own = new SessionAWSCredentials("ASIAOWN", "own-secret", "own-token");
            using var box = new ProfileSandbox();
            Assert.Same(own, box.Resolve(new SessionRequest { Credential = own, Region = "us-east-1" }).Credentials);
        }

        [Fact]
        public void ModuleCredential_WithoutToken_IsBasic()
        {
            using var box = new ProfileSandbox();
            var session = box.Resolve(new SessionRequest { Credential = new XAccountCredential("AKIAMOD", "mod-secret"), Region = "us-east-1" });
            Assert.IsType<BasicAWSCredentials>(session.Credentials);
        }

        [Fact]
        public void ForeignAwsCredentials_AreReadThroughGetCredentials()
        {
            var keys = ResolveWith(new ForeignAwsCredentials("ASIAFOREIGN", "foreign-secret", "foreign-token"));
            Assert.Equal(("ASIAFOREIGN", "foreign-secret", "foreign-token"), (keys.AccessKey, keys.SecretKey, keys.Token));
        }

        [Fact]
        public void ForeignAsyncOnlyCredentials_AreReadThroughGetCredentialsAsync()
        {
            var keys = ResolveWith(new ForeignAsyncOnlyCredentials());
            Assert.Equal(("AKIAASYNC", "async-token"), (keys.AccessKey, keys.Token));
        }

        [Fact]
        public void AwsToolsPsCredentials_PassedExplicitly_AreAccepted()
        {
            var keys = ResolveWith(new ForeignPsCredentials(new ForeignAwsCredentials("AKIAPS", "ps-secret")));
            Assert.Equal("AKIAPS", keys.AccessKey);
            Assert.False(keys.UseToken);
        }

        [Fact]
        public void StsModelShape_IsReadByItsPropertyNames()
        {
            var keys = ResolveWith(new StsShapedCredentials());
            Assert.Equal(("ASIASTS", "sts-secret", "sts-token"), (keys.AccessKey, keys.SecretKey, keys.Token));
        }

        [Fact]
        public void Dictionary_WithKeyNames_IsAccepted()
        {
            var keys = ResolveWith(ProfileSandbox.Keys("AKIADICT", "dict-secret", "dict-token"));
            Assert.Equal(("AKIADICT", "dict-token"), (keys.AccessKey, keys.Token));
        }

        [Theory]
        [InlineData("a string")]
        [InlineData(42)]
        public void AnythingElse_IsInvalidCredentialObject(object value)
        {
            using var box = new ProfileSandbox();
            var ex = Assert.Throws<XAccountException>(() => box.Resolve(new SessionRequest { Credential = value, Region = "us-east-1" }));
            Assert.Equal(ErrorCode.InvalidCredentialObject, ex.Code);
            Assert.Equal(value.GetType().FullName, ex.Target);
        }

        [Fact]
        public void ForeignCredentialsThatCannotRefresh_AreCredentialsRejected_WithTheirReason()
        {
            using var box = new ProfileSandbox();
            var ex = Assert.Throws<XAccountException>(() => box.Resolve(new SessionRequest { Credential = new FailingForeignCredentials(), Region = "us-east-1" }));
            Assert.Equal(ErrorCode.CredentialsRejected, ex.Code);
            Assert.Contains("Error calling AssumeRole", ex.Message);
        }
    }
}
