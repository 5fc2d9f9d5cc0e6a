using System;
using Amazon.Runtime;
using S3CrossAccount.Aws.Credentials;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Sessions;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Credentials
{
    /// <summary>One test per step of AWS Tools' order, each with every lower step also present.</summary>
    public class CredentialOrderTests
    {
        private static ImmutableCredentials Keys(AwsSession session) => session.Credentials.GetCredentials();

        [Fact]
        public void Step1_ExplicitKeys_WinOverEveryOtherSource()
        {
            using var box = new ProfileSandbox().AllSources();
            var session = box.Resolve(new SessionRequest
            {
                AccessKey = "AKIAEXPLICIT", SecretKey = "explicit-secret", ProfileName = "named",
                Credential = new BasicAWSCredentials("AKIACRED", "cred-secret"), Region = "us-east-1",
            });
            Assert.Equal("AKIAEXPLICIT", Keys(session).AccessKey);
            Assert.IsType<BasicAWSCredentials>(session.Credentials);
            Assert.Equal("the -AccessKey and -SecretKey parameters", session.CredentialSource);
        }

        [Fact]
        public void Step1_ExplicitKeysWithToken_AreSessionCredentials()
        {
            using var box = new ProfileSandbox();
            var session = box.Resolve(new SessionRequest { AccessKey = "ASIAX", SecretKey = "s", SessionToken = "tok", Region = "us-east-1" });
            Assert.IsType<SessionAWSCredentials>(session.Credentials);
            Assert.Equal("tok", Keys(session).Token);
            Assert.Equal("the -AccessKey, -SecretKey and -SessionToken parameters", session.CredentialSource);
        }

        [Fact]
        public void Step1_AccessKeyWithoutSecretKey_IsAParameterError()
        {
            using var box = new ProfileSandbox().AllSources();
            var ex = Assert.Throws<XAccountException>(() => box.Resolve(new SessionRequest { AccessKey = "AKIAX", Region = "us-east-1" }));
            Assert.Equal(ErrorCode.InvalidParameterCombination, ex.Code);
            Assert.Equal("AccessKey", ex.Target);
        }

        [Fact]
        public void Step2_ProfileName_WinsOverCredentialAndEverythingBelow()
        {
            using var box = new ProfileSandbox().AllSources();
            var session = box.Resolve(new SessionRequest
            {
                ProfileName = "named", Credential = new BasicAWSCredentials("AKIACRED", "cred-secret"), Region = "us-east-1",
            });
            Assert.Equal("AKIANAMED", Keys(session).AccessKey);
            Assert.Equal("profile 'named' in " + box.CredentialsFile, session.CredentialSource);
        }

        [Fact]
        public void Step2_MissingNamedProfile_IsAnError_EvenWhenADefaultProfileExists()
        {
            using var box = new ProfileSandbox().AllSources();
            var ex = Assert.Throws<XAccountException>(() => box.Resolve(new SessionRequest { ProfileName = "typo", Region = "us-east-1" }));
            Assert.Equal(ErrorCode.ProfileNotFound, ex.Code);
            Assert.Equal("typo", ex.Target);
            Assert.Contains(box.CredentialsFile, ex.Message);
        }

        [Fact]
        public void Step2_ProfileLocation_IsTheOnlyFileSearched()
        {
            using var box = new ProfileSandbox().AllSources();
            var other = box.WriteFile("other-credentials", "[elsewhere]\naws_access_key_id = AKIAELSEWHERE\naws_secret_access_key = elsewhere-secret");
            var session = box.Resolve(new SessionRequest { ProfileName = "elsewhere", ProfileLocation = other, Region = "us-east-1" });
            Assert.Equal("AKIAELSEWHERE", Keys(session).AccessKey);
            Assert.Equal("profile 'elsewhere' in " + other, session.CredentialSource);

            // 'named' exists in ~/.aws/credentials but not in the -ProfileLocation file.
            var ex = Assert.Throws<XAccountException>(() => box.Resolve(new SessionRequest { ProfileName = "named", ProfileLocation = other, Region = "us-east-1" }));
            Assert.Equal(ErrorCode.ProfileNotFound, ex.Code);
        }

        [Fact]
        public void Step3_Credential_WinsOverStoredVariableAndBelow()
        {
            using var box = new ProfileSandbox().AllSources();
            var session = box.Resolve(new SessionRequest { Credential = new XAccountCredential("ASIAMODULE", "module-secret", "module-token"), Region = "us-east-1" });
            Assert.Equal("ASIAMODULE", Keys(session).AccessKey);
            Assert.Equal("module-token", Keys(session).Token);
            Assert.Equal("the -Credential parameter (S3CrossAccount.Core.Sessions.XAccountCredential)", session.CredentialSource);
        }

        [Fact]
        public void Step4_StoredAwsCredentials_WinsOverEnvironment()
        {
            using var box = new ProfileSandbox().AllSources();
            var session = box.Resolve();
            Assert.Equal("AKIASTORED", Keys(session).AccessKey);
            Assert.Equal("the shell variable $StoredAWSCredentials", session.CredentialSource);
        }

        [Fact]
        public void Step4_StoredAwsToolsPsCredentials_AreReadThroughTheirInternalMember()
        {
            using var box = new ProfileSandbox().AllSources();
            box.Variable(AwsSessionResolver.StoredCredentialsVariable, new ForeignPsCredentials(new ForeignAwsCredentials("ASIAPS", "ps-secret", "ps-token")));
            var keys = Keys(box.Resolve());
            Assert.Equal(("ASIAPS", "ps-secret", "ps-token"), (keys.AccessKey, keys.SecretKey, keys.Token));
        }

        [Fact]
        public void Step4_StoredVariableThatIsNotCredentials_IsInvalidCredentialObject()
        {
            using var box = new ProfileSandbox().AllSources();
            box.Variable(AwsSessionResolver.StoredCredentialsVariable, "not credentials");
            var ex = Assert.Throws<XAccountException>(() => box.Resolve());
            Assert.Equal(ErrorCode.InvalidCredentialObject, ex.Code);
        }

        [Fact]
        public void Step5_EnvironmentKeys_WinOverAwsProfileAndDefault()
        {
            using var box = new ProfileSandbox().AllSources();
            box.Variable(AwsSessionResolver.StoredCredentialsVariable, null);
            box.Env("AWS_SESSION_TOKEN", "env-token");
            var session = box.Resolve();
            Assert.Equal(("AKIAENV", "env-token"), (Keys(session).AccessKey, Keys(session).Token));
            Assert.Equal("environment variables AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN", session.CredentialSource);
        }

        [Fact]
        public void Step6_AwsProfile_WinsOverDefault()
        {
            using var box = new ProfileSandbox().AllSources();
            box.Variable(AwsSessionResolver.StoredCredentialsVariable, null).Env("AWS_ACCESS_KEY_ID", null).Env("AWS_SECRET_ACCESS_KEY", null);
            var session = box.Resolve();
            Assert.Equal("AKIAENVPROFILE", Keys(session).AccessKey);
            Assert.Equal("profile 'fromenvprofile' named by AWS_PROFILE in " + box.CredentialsFile, session.CredentialSource);
        }

        [Fact]
        public void Step6_MissingAwsProfile_IsAnError_NotAFallThroughToDefault()
        {
            using var box = new ProfileSandbox().AllSources();
            box.Variable(AwsSessionResolver.StoredCredentialsVariable, null).Env("AWS_ACCESS_KEY_ID", null).Env("AWS_SECRET_ACCESS_KEY", null).Env("AWS_PROFILE", "gone");
            var ex = Assert.Throws<XAccountException>(() => box.Resolve());
            Assert.Equal(ErrorCode.ProfileNotFound, ex.Code);
            Assert.Contains("AWS_PROFILE", ex.Message);
        }

        [Fact]
        public void Step7_DefaultProfile_WinsOverHostCredentials()
        {
            using var box = new ProfileSandbox().AllSources();
            box.Variable(AwsSessionResolver.StoredCredentialsVariable, null).Env("AWS_ACCESS_KEY_ID", null).Env("AWS_SECRET_ACCESS_KEY", null).Env("AWS_PROFILE", null);
            var session = box.Resolve();
            Assert.Equal("AKIADEFAULT", Keys(session).AccessKey);
            Assert.Equal("profile 'default' in " + box.CredentialsFile, session.CredentialSource);
        }

        [Fact]
        public void Step7_LegacyAwsPsDefaultProfile_IsUsedWhenThereIsNoDefault()
        {
            using var box = new ProfileSandbox().Credentials("[AWS PS Default]\naws_access_key_id = AKIALEGACY\naws_secret_access_key = legacy-secret");
            var session = box.Resolve();
            Assert.Equal("AKIALEGACY", Keys(session).AccessKey);
            Assert.Equal("profile 'AWS PS Default' in " + box.CredentialsFile, session.CredentialSource);
        }

        [Fact]
        public void Step8_HostCredentials_AreTheLastResort()
        {
            using var box = new ProfileSandbox { Host = (new BasicAWSCredentials("AKIAHOST", "host-secret"), "the EC2 instance profile") };
            var session = box.Resolve();
            Assert.Equal("AKIAHOST", Keys(session).AccessKey);
            Assert.Equal("the EC2 instance profile", session.CredentialSource);
        }

        [Fact]
        public void Step8_ContainerVariables_SelectContainerCredentials()
        {
            using var box = new ProfileSandbox().Env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/x");
            var container = new BasicAWSCredentials("AKIACONTAINER", "container-secret");
            var resolver = new AwsSessionResolver(box.Environment, box.Variables) { ContainerCredentials = () => container };
            var session = resolver.Resolve(new SessionRequest { Region = "us-east-1" });
            Assert.Same(container, session.Credentials);
            Assert.Contains("container credentials", session.CredentialSource);
        }

        [Fact]
        public void NoCredentials_ListsEverySourceTried()
        {
            using var box = new ProfileSandbox().Env("AWS_EC2_METADATA_DISABLED", "true");
            var resolver = new AwsSessionResolver(box.Environment, box.Variables);
            var ex = Assert.Throws<XAccountException>(() => resolver.Resolve(new SessionRequest { Region = "us-east-1" }));
            Assert.Equal(ErrorCode.NoCredentials, ex.Code);
            Assert.StartsWith("No credentials specified or obtained from persisted/shell defaults.", ex.Message);
            var expectedInOrder = new[]
            {
                "-AccessKey/-SecretKey", "-ProfileName", "-Credential", "$StoredAWSCredentials",
                "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY", "AWS_PROFILE", "'default' and 'AWS PS Default'",
                "container credentials", "EC2 instance profile (disabled by AWS_EC2_METADATA_DISABLED)",
            };
            var position = -1;
            foreach (var item in expectedInOrder)
            {
                var next = ex.Message.IndexOf(item, StringComparison.Ordinal);
                Assert.True(next > position, "'" + item + "' missing or out of order in: " + ex.Message);
                position = next;
            }
        }

        [Fact]
        public void SharedCredentialsFileVariable_MovesTheDefaultFile()
        {
            using var box = new ProfileSandbox();
            var moved = box.WriteFile("moved-credentials", "[default]\naws_access_key_id = AKIAMOVED\naws_secret_access_key = moved-secret");
            box.Env("AWS_SHARED_CREDENTIALS_FILE", moved);
            var session = box.Resolve();
            Assert.Equal("AKIAMOVED", Keys(session).AccessKey);
            Assert.Equal("profile 'default' in " + moved, session.CredentialSource);
        }
    }
}
