using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Sessions
{
    /// <summary>The packaged views for the session types: they resolve, and never show a secret.</summary>
    public class SessionViewTests
    {
        private static XDocument Views => XDocument.Load(Path.Combine(Path.GetDirectoryName(PowerShellSession.ManifestPath)!, "S3CrossAccount.Format.ps1xml"));

        [Theory]
        [InlineData("S3CrossAccount.Core.Sessions.XAccountCredential")]
        [InlineData("S3CrossAccount.Core.Sessions.XAccountIdentity")]
        [InlineData("S3CrossAccount.Core.Sessions.XAccountCanonicalUser")]
        public void EverySessionType_HasAView_AndItsTypeExists(string typeName)
        {
            Assert.NotNull(typeof(S3CrossAccount.Core.Sessions.XAccountIdentity).Assembly.GetType(typeName));
            Assert.Contains(Views.Descendants("TypeName"), t => t.Value == typeName);
        }

        [Fact]
        public void CredentialViews_NeverShowTheSecretOrToken()
        {
            var credentialViews = Views.Descendants("View")
                .Where(v => v.Descendants("TypeName").Any(t => t.Value == "S3CrossAccount.Core.Sessions.XAccountCredential"))
                .ToList();
            Assert.Equal(2, credentialViews.Count);
            var shown = credentialViews.SelectMany(v => v.Descendants("PropertyName")).Select(p => p.Value).ToList();
            Assert.Contains("AccessKey", shown);
            Assert.DoesNotContain("SecretKey", shown);
            Assert.DoesNotContain("SessionToken", shown);
        }
    }
}
