using System;
using System.Linq;
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
            Assert.Null(credential.GetCredentials().Token);
            Assert.False(credential.GetCredentials().UseToken);
            Assert.Equal("AccessKey AKIAEXAMPLE (long-term)", credential.ToString());
        }

        [Fact]
        public void TheSecretAndToken_AreNoPublicProperty_OfTheCredential_OrItsHandle()
        {
            var credential = new XAccountCredential("ASIAEXAMPLE", "wJalrXUtnFEMI-secret", "FwoGZXIvYXdzE-token");
            var credentialProperties = typeof(XAccountCredential).GetProperties().Select(p => p.Name).OrderBy(n => n);
            Assert.Equal(new[] { "AccessKey", "AssumedRoleArn", "Credential", "Expiration", "IsTemporary", "SourceDescription" }, credentialProperties);
            Assert.Empty(typeof(XAccountCredentialHandle).GetProperties());
            Assert.Equal(credential.ToString(), credential.Credential.ToString());
        }

        [Fact]
        public void GetCredentials_GivesTheKeys_LikeAwsImmutableCredentials_ButPrintsOnlyTheAccessKey()
        {
            var keys = new XAccountCredential("ASIAEXAMPLE", "wJalrXUtnFEMI-secret", "FwoGZXIvYXdzE-token").Credential.GetCredentials();
            Assert.Equal(("ASIAEXAMPLE", "wJalrXUtnFEMI-secret", "FwoGZXIvYXdzE-token", true), (keys.AccessKey, keys.SecretKey, keys.Token, keys.UseToken));
            Assert.Equal("AccessKey ASIAEXAMPLE (temporary)", keys.ToString());
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
