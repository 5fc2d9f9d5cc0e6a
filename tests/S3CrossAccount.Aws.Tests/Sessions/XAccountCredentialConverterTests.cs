using System;
using Amazon.Runtime;
using S3CrossAccount.Commands.Sessions;
using S3CrossAccount.Core.Sessions;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Sessions
{
    /// <summary>The converter builds AWSSDK.Core's own credential types, found by name in the destination's assembly.</summary>
    public class XAccountCredentialConverterTests
    {
        private readonly XAccountCredentialConverter _converter = new XAccountCredentialConverter();

        [Fact]
        public void TemporaryCredential_BecomesSessionAwsCredentials()
        {
            var source = new XAccountCredential("ASIATEMP", "temp-secret", "temp-token", DateTimeOffset.UtcNow.AddHours(1));
            Assert.True(_converter.CanConvertTo(source, typeof(AWSCredentials)));
            var converted = Assert.IsType<SessionAWSCredentials>(_converter.ConvertTo(source, typeof(AWSCredentials), null!, true));
            var keys = converted.GetCredentials();
            Assert.Equal(("ASIATEMP", "temp-secret", "temp-token"), (keys.AccessKey, keys.SecretKey, keys.Token));
        }

        [Fact]
        public void TheCredentialsHandle_ConvertsLikeTheCredential()
        {
            var handle = new XAccountCredential("ASIATEMP", "temp-secret", "temp-token").Credential;
            Assert.True(_converter.CanConvertTo(handle, typeof(AWSCredentials)));
            var keys = Assert.IsType<SessionAWSCredentials>(_converter.ConvertTo(handle, typeof(AWSCredentials), null!, true)).GetCredentials();
            Assert.Equal(("ASIATEMP", "temp-secret", "temp-token"), (keys.AccessKey, keys.SecretKey, keys.Token));
        }

        [Fact]
        public void LongTermCredential_BecomesBasicAwsCredentials()
        {
            var source = new XAccountCredential("AKIALONG", "long-secret");
            var converted = Assert.IsType<BasicAWSCredentials>(_converter.ConvertTo(source, typeof(AWSCredentials), null!, true));
            Assert.False(converted.GetCredentials().UseToken);
        }

        [Fact]
        public void WrappedInPSObject_StillConverts()
        {
            var source = new System.Management.Automation.PSObject(new XAccountCredential("AKIALONG", "long-secret"));
            Assert.True(_converter.CanConvertTo(source, typeof(AWSCredentials)));
        }

        [Fact]
        public void ExactDestinationSessionType_IsAccepted_ButUnrelatedTypesAreNot()
        {
            var temporary = new XAccountCredential("ASIATEMP", "temp-secret", "temp-token");
            Assert.True(_converter.CanConvertTo(temporary, typeof(SessionAWSCredentials)));
            Assert.False(_converter.CanConvertTo(temporary, typeof(BasicAWSCredentials)));
            Assert.False(_converter.CanConvertTo(temporary, typeof(string)));
            Assert.False(_converter.CanConvertTo("not ours", typeof(AWSCredentials)));
            Assert.False(_converter.CanConvertFrom(temporary, typeof(AWSCredentials)));
        }
    }
}
