using System;
using System.Collections.Generic;
using System.IO;
using Amazon.Runtime;
using S3CrossAccount.Aws.Credentials;

namespace S3CrossAccount.Aws.Tests.Credentials
{
    /// <summary>
    /// A temporary HOME with its own ~/.aws, a controlled environment and session variables, so no
    /// test ever reads the real ~/.aws or the process environment.
    /// </summary>
    public sealed class ProfileSandbox : IDisposable
    {
        public ProfileSandbox()
        {
            Home = Path.Combine(Path.GetTempPath(), "xaccount-home-" + Guid.NewGuid().ToString("N"));
            AwsDirectory = Path.Combine(Home, ".aws");
            Directory.CreateDirectory(AwsDirectory);
            Environment = new DictionaryEnvironment().Set("HOME", Home);
            Variables = new DictionaryEnvironment();
        }

        public string Home { get; }

        public string AwsDirectory { get; }

        public DictionaryEnvironment Environment { get; }

        public DictionaryEnvironment Variables { get; }

        /// <summary>What the container/EC2 step returns (null = nothing there).</summary>
        public (AWSCredentials, string)? Host { get; set; }

        public string CredentialsFile => Path.Combine(AwsDirectory, "credentials");

        public ProfileSandbox Credentials(string text)
        {
            File.AppendAllText(CredentialsFile, text.Replace("\r", string.Empty) + "\n");
            return this;
        }

        public ProfileSandbox Config(string text)
        {
            File.AppendAllText(Path.Combine(AwsDirectory, "config"), text.Replace("\r", string.Empty) + "\n");
            return this;
        }

        public ProfileSandbox Env(string name, string? value)
        {
            Environment.Set(name, value);
            return this;
        }

        public ProfileSandbox Variable(string name, object? value)
        {
            Variables.Set(name, value);
            return this;
        }

        public string WriteFile(string name, string text)
        {
            var path = Path.Combine(Home, name);
            File.WriteAllText(path, text.Replace("\r", string.Empty) + "\n");
            return path;
        }

        public AwsSessionResolver Resolver()
        {
            var resolver = new AwsSessionResolver(Environment, Variables);
            resolver.HostCredentials = () => Host;
            return resolver;
        }

        public AwsSession Resolve(SessionRequest? request = null) =>
            Resolver().Resolve(request ?? new SessionRequest { Region = "us-east-1" });

        /// <summary>Every source in the order, each with its own keys; tests remove the higher ones.</summary>
        public ProfileSandbox AllSources()
        {
            Credentials("[named]\naws_access_key_id = AKIANAMED\naws_secret_access_key = named-secret\n" +
                        "[fromenvprofile]\naws_access_key_id = AKIAENVPROFILE\naws_secret_access_key = envprofile-secret\n" +
                        "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = default-secret");
            Variable(AwsSessionResolver.StoredCredentialsVariable, new BasicAWSCredentials("AKIASTORED", "stored-secret"));
            Env("AWS_ACCESS_KEY_ID", "AKIAENV").Env("AWS_SECRET_ACCESS_KEY", "env-secret");
            Env("AWS_PROFILE", "fromenvprofile");
            Host = (new BasicAWSCredentials("AKIAHOST", "host-secret"), "the EC2 instance profile");
            return this;
        }

        public static IDictionary<string, object?> Keys(string accessKey, string secretKey, string? token = null) =>
            new Dictionary<string, object?> { ["AccessKey"] = accessKey, ["SecretKey"] = secretKey, ["SessionToken"] = token };

        public void Dispose()
        {
            try
            {
                Directory.Delete(Home, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
