using System;
using System.Threading.Tasks;

namespace S3CrossAccount.Aws.Tests.Credentials
{
    // Stand-ins for types from another copy of AWSSDK.Core / AWS Tools: same member names, other types.

    /// <summary>Shaped like Amazon.Runtime.ImmutableCredentials.</summary>
    public sealed class ForeignImmutable
    {
        public ForeignImmutable(string accessKey, string secretKey, string? token)
        {
            AccessKey = accessKey;
            SecretKey = secretKey;
            Token = token;
        }

        public string AccessKey { get; }
        public string SecretKey { get; }
        public string? Token { get; }
    }

    /// <summary>Shaped like Amazon.Runtime.AWSCredentials (GetCredentials / GetCredentialsAsync).</summary>
    public class ForeignAwsCredentials
    {
        private readonly ForeignImmutable _values;

        public ForeignAwsCredentials(string accessKey, string secretKey, string? token = null) =>
            _values = new ForeignImmutable(accessKey, secretKey, token);

        public ForeignImmutable GetCredentials() => _values;
    }

    /// <summary>Only the async half, like a credentials type that refreshes asynchronously.</summary>
    public sealed class ForeignAsyncOnlyCredentials
    {
        public Task<ForeignImmutable> GetCredentialsAsync() => Task.FromResult(new ForeignImmutable("AKIAASYNC", "async-secret", "async-token"));
    }

    /// <summary>A credentials object whose refresh fails (an expired assume-role session in AWS Tools).</summary>
    public sealed class FailingForeignCredentials
    {
        public ForeignImmutable GetCredentials() => throw new InvalidOperationException("Error calling AssumeRole for role arn:aws:iam::111122223333:role/R");
    }

    /// <summary>Shaped like AWS Tools' AWSPSCredentials: the credentials are an internal member.</summary>
    public sealed class ForeignPsCredentials
    {
        public ForeignPsCredentials(ForeignAwsCredentials credentials) => Credentials = credentials;

        internal ForeignAwsCredentials Credentials { get; }

        public string Name => "stored";
    }

    /// <summary>Shaped like Amazon.SecurityToken.Model.Credentials' data members.</summary>
    public sealed class StsShapedCredentials
    {
        public string AccessKeyId { get; set; } = "ASIASTS";
        public string SecretAccessKey { get; set; } = "sts-secret";
        public string SessionToken { get; set; } = "sts-token";
    }

    /// <summary>Shaped like AWS Tools' AWSRegion (Region = system name, Name = display name).</summary>
    public sealed class ForeignRegion
    {
        public string Region { get; set; } = "eu-west-3";
        public string Name { get; set; } = "Europe (Paris)";
    }
}
