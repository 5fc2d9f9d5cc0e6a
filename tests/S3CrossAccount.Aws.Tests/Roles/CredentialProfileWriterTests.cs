using System;
using System.IO;
using S3CrossAccount.Aws.Roles;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Sessions;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Roles
{
    public class CredentialProfileWriterTests
    {
        private static readonly XAccountCredential Session = new XAccountCredential("ASIANEW", "newsecret", "newtoken", DateTimeOffset.UtcNow.AddHours(1));

        [Fact]
        public void Render_ReplacesOnlyTheNamedSection_KeepingOtherProfilesAndComments()
        {
            var lines = new[]
            {
                "# my profiles",
                "[default]",
                "aws_access_key_id = AKIADEFAULT",
                "aws_secret_access_key = s1",
                "",
                "[reader]",
                "aws_access_key_id = ASIAOLD",
                "aws_secret_access_key = old",
                "role_arn = arn:aws:iam::111122223333:role/Old",
                "",
                "[other]",
                "region = eu-west-1",
            };

            var text = CredentialProfileWriter.Render(lines, "reader", Session, "us-east-1");

            Assert.Equal(string.Join("\n", new[]
            {
                "# my profiles",
                "[default]",
                "aws_access_key_id = AKIADEFAULT",
                "aws_secret_access_key = s1",
                "",
                "[reader]",
                "aws_access_key_id = ASIANEW",
                "aws_secret_access_key = newsecret",
                "aws_session_token = newtoken",
                "region = us-east-1",
                "",
                "[other]",
                "region = eu-west-1",
            }) + "\n", text);
        }

        [Fact]
        public void Render_AppendsANewProfileAfterABlankLine()
        {
            var text = CredentialProfileWriter.Render(new[] { "[default]", "region = eu-west-1" }, "reader", Session, null);
            Assert.Equal("[default]\nregion = eu-west-1\n\n[reader]\naws_access_key_id = ASIANEW\naws_secret_access_key = newsecret\naws_session_token = newtoken\n", text);
        }

        [Fact]
        public void Write_CreatesTheFileOwnerOnly_AndKeepsOwnerOnlyOnRewrite()
        {
            var dir = Path.Combine(Path.GetTempPath(), "s3xa-writer-" + Guid.NewGuid().ToString("N"));
            var path = Path.Combine(dir, "credentials");
            try
            {
                CredentialProfileWriter.Write(path, "a", Session, "us-east-1");
                CredentialProfileWriter.Write(path, "b", Session, "us-east-1");

                var text = File.ReadAllText(path);
                Assert.Contains("[a]\n", text);
                Assert.Contains("[b]\n", text);
                Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
                if (!OperatingSystem.IsWindows())
                {
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir));
                }
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Theory]
        [InlineData("")]
        [InlineData("a]b")]
        [InlineData(" padded")]
        public void BadProfileName_IsRejected(string name)
        {
            var ex = Assert.Throws<XAccountException>(() => CredentialProfileWriter.Write("/tmp/never-written", name, Session, null));
            Assert.Equal(ErrorCode.InvalidParameterCombination, ex.Code);
        }
    }
}
