using System;
using S3CrossAccount.Core.Sessions;
using Xunit;

namespace S3CrossAccount.Core.Tests.Sessions
{
    public class XAccountCredentialTests
    {
        [Fact]
        public void ToString_ShowsTheAccessKeyOnly_NeverTheSecretOrToken()
        {
            var credential = new XAccountCredential("ASIAEXAMPLE", "wJalrXUtnFEMI-secret", "FwoGZXIvYXdzE-token",
                new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), "arn:aws:iam::111122223333:role/S3Access");
            var text = credential.ToString();
            Assert.Equal("AccessKey ASIAEXAMPLE (temporary, expires 2026-01-02 03:04:05Z, role arn:aws:iam::111122223333:role/S3Access)", text);
            Assert.DoesNotContain("secret", text);
            Assert.DoesNotContain("token", text);
        }

        [Fact]
        public void LongTermKeys_AreNotTemporary_AndAnEmptyTokenMeansNone()
        {
            var credential = new XAccountCredential("AKIAEXAMPLE", "secret", "");
            Assert.False(credential.IsTemporary);
            Assert.Null(credential.SessionToken);
            Assert.Equal("AccessKey AKIAEXAMPLE (long-term)", credential.ToString());
        }

        [Theory]
        [InlineData("", "s")]
        [InlineData("AKIA", "")]
        public void MissingKeyHalves_AreRejected(string accessKey, string secretKey)
        {
            Assert.Throws<ArgumentException>(() => new XAccountCredential(accessKey, secretKey));
        }
    }
}
