using System;
using System.IO;

namespace S3CrossAccount.Aws.Credentials
{
    /// <summary>
    /// Where the shared credentials and config files are: AWS_SHARED_CREDENTIALS_FILE and
    /// AWS_CONFIG_FILE, else ~/.aws/credentials and ~/.aws/config with ~ taken from HOME (then USERPROFILE)
    /// (https://docs.aws.amazon.com/sdkref/latest/guide/file-location.html).
    /// </summary>
    public sealed class AwsFileLocations
    {
        public const string SharedCredentialsFileVariable = "AWS_SHARED_CREDENTIALS_FILE";
        public const string ConfigFileVariable = "AWS_CONFIG_FILE";

        public AwsFileLocations(string credentialsFile, string configFile)
        {
            CredentialsFile = credentialsFile;
            ConfigFile = configFile;
        }

        public string CredentialsFile { get; }

        public string ConfigFile { get; }

        public static AwsFileLocations FromEnvironment(IEnvironmentSource environment)
        {
            var home = environment.Get("HOME") ?? environment.Get("USERPROFILE")
                ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            var awsDirectory = Path.Combine(home, ".aws");
            return new AwsFileLocations(
                environment.Get(SharedCredentialsFileVariable) ?? Path.Combine(awsDirectory, "credentials"),
                environment.Get(ConfigFileVariable) ?? Path.Combine(awsDirectory, "config"));
        }
    }
}
