using System;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.S3;
using Xunit;

namespace S3CrossAccount.IntegrationTests.RealAws
{
    /// <summary>
    /// The opt-in suite against real AWS: two (or three) accounts' admin profiles named in environment variables.
    /// Without them every test of the suite is reported skipped, saying which variables to set. Nothing here runs
    /// in CI; it is for a maintainer with sandbox accounts, to prove what radosgw cannot (WHERE-RGW-IS-NOT-AWS.md).
    ///   S3XA_AWS_PROFILE_A   bucket owner's admin profile (required)
    ///   S3XA_AWS_PROFILE_B   other account's admin profile (required)
    ///   S3XA_AWS_REGION      region for the test bucket (default us-east-1)
    ///   S3XA_AWS_PROFILES    credentials file holding the profiles (default: the SDK's usual files)
    /// </summary>
    public sealed class RealAwsAccounts
    {
        public const string ProfileA = "S3XA_AWS_PROFILE_A";
        public const string ProfileB = "S3XA_AWS_PROFILE_B";

        private RealAwsAccounts(string a, string b, string region, string? file)
        {
            ProfileNameA = a;
            ProfileNameB = b;
            Region = region;
            ProfilesFile = file;
        }

        public string ProfileNameA { get; }

        public string ProfileNameB { get; }

        public string Region { get; }

        public string? ProfilesFile { get; }

        /// <summary>The configured accounts, or a skip that names the variables to set.</summary>
        public static RealAwsAccounts Require()
        {
            var a = Environment.GetEnvironmentVariable(ProfileA);
            var b = Environment.GetEnvironmentVariable(ProfileB);
            Skip.If(string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b),
                $"Real-AWS suite not configured: set {ProfileA} and {ProfileB} to two accounts' admin profiles (and optionally S3XA_AWS_REGION, S3XA_AWS_PROFILES).");
            return new RealAwsAccounts(a!, b!, Environment.GetEnvironmentVariable("S3XA_AWS_REGION") ?? "us-east-1", Environment.GetEnvironmentVariable("S3XA_AWS_PROFILES"));
        }

        /// <summary>The common parameters for a module cmdlet acting as profile A or B.</summary>
        public string Args(string profile) =>
            $"-ProfileName '{profile}' -Region {Region}" + (ProfilesFile == null ? string.Empty : $" -ProfileLocation '{ProfilesFile}'");

        public AWSCredentials Credentials(string profile)
        {
            var store = ProfilesFile == null ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(ProfilesFile);
            if (!store.TryGetAWSCredentials(profile, out var credentials))
            {
                throw new InvalidOperationException($"Profile '{profile}' was not found.");
            }

            return credentials;
        }

        public AmazonS3Client S3(string profile) => new AmazonS3Client(Credentials(profile), RegionEndpoint.GetBySystemName(Region));

        /// <summary>The profile's 12-digit account (STS GetCallerIdentity).</summary>
        public string AccountOf(string profile)
        {
            using var sts = new Amazon.SecurityToken.AmazonSecurityTokenServiceClient(Credentials(profile), RegionEndpoint.GetBySystemName(Region));
            return sts.GetCallerIdentityAsync(new Amazon.SecurityToken.Model.GetCallerIdentityRequest()).GetAwaiter().GetResult().Account;
        }
    }
}
