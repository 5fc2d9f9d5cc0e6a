using System;
using System.IO;
using Amazon.Runtime;
using S3CrossAccount.Aws.Credentials;
using S3CrossAccount.Core.Errors;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Credentials
{
    /// <summary>The profile kinds AWSSDK.Core reads: keys, role_arn + source_profile, credential_process, SSO.</summary>
    public class ProfileKindTests
    {
        [Fact]
        public void RoleProfile_WithSourceProfile_BecomesAssumeRoleCredentials()
        {
            using var box = new ProfileSandbox()
                .Credentials("[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = base-secret")
                .Config("[profile crossaccount]\nrole_arn = arn:aws:iam::111122223333:role/S3Access\nsource_profile = base\nregion = eu-west-3");
            var session = box.Resolve(new SessionRequest { ProfileName = "crossaccount" });
            var role = Assert.IsType<AssumeRoleAWSCredentials>(session.Credentials);
            Assert.Equal("arn:aws:iam::111122223333:role/S3Access", role.RoleArn);
            Assert.Equal("eu-west-3", session.Region);
            Assert.Equal("profile 'crossaccount'", session.RegionSource);
        }

        [Fact]
        public void CredentialProcessProfile_RunsTheProcessForItsKeys()
        {
            using var box = new ProfileSandbox();
            var script = box.WriteFile("creds.sh", "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIAPROCESS\", \"SecretAccessKey\": \"process-secret\"}'");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            box.Config("[profile proc]\ncredential_process = " + script);
            var session = box.Resolve(new SessionRequest { ProfileName = "proc", Region = "us-east-1" });
            Assert.IsType<ProcessAWSCredentials>(session.Credentials);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal("AKIAPROCESS", session.Credentials.GetCredentials().AccessKey);
            }
        }

        [Fact]
        public void SsoProfile_WithoutAValidToken_IsSsoTokenExpired_AndSaysHowToLogIn()
        {
            using var box = new ProfileSandbox().Config(
                "[profile sso]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\nregion = us-east-1\n" +
                "[sso-session corp]\nsso_region = us-east-1\nsso_start_url = https://example.awsapps.com/start\nsso_registration_scopes = sso:account:access");
            var ex = Assert.Throws<XAccountException>(() => box.Resolve(new SessionRequest { ProfileName = "sso" }));
            Assert.True(ex.Code == ErrorCode.SsoTokenExpired, ex.Code + ": " + ex.Message);
            Assert.Contains("aws sso login --profile sso", ex.RecommendedAction);
            Assert.Contains("Invoke-AWSSSOLogin", ex.RecommendedAction);
        }

        [Fact]
        public void ProfileWithOnlyARegion_HasNoCredentials_AndSaysSo()
        {
            using var box = new ProfileSandbox().Config("[profile regiononly]\nregion = eu-west-1");
            var ex = Assert.Throws<XAccountException>(() => box.Resolve(new SessionRequest { ProfileName = "regiononly" }));
            Assert.Equal(ErrorCode.ProfileNotFound, ex.Code);
            Assert.Contains("no usable credentials", ex.Message);
        }
    }
}
