using System;
using System.IO;
using System.Text;

namespace S3CrossAccount.IntegrationTests.Harness
{
    /// <summary>
    /// A temporary AWS shared credentials file (INI) with profiles A, B, C (each account's admin) and
    /// A-user, B-user, C-user (the plain users), region us-east-1; more can be appended (e.g. the
    /// credentials of a role session). Deleted on Dispose. Contains secrets: never print it.
    /// </summary>
    public sealed class TempProfileFile : IDisposable
    {
        private TempProfileFile(string path) => Path = path;

        public string Path { get; }

        public static TempProfileFile Create(RgwServer server)
        {
            var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "s3xa-profiles-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            var file = new TempProfileFile(System.IO.Path.Combine(dir, "credentials"));
            File.WriteAllText(file.Path, string.Empty);
            foreach (var account in server.Accounts)
            {
                file.Add(account.Label, account.AdminAccessKey, account.AdminSecretKey);
                file.Add(account.Label + "-user", account.UserAccessKey, account.UserSecretKey);
            }

            return file;
        }

        public void Add(string profileName, string accessKey, string secretKey, string? sessionToken = null)
        {
            var text = new StringBuilder()
                .Append('[').Append(profileName).Append("]\n")
                .Append("aws_access_key_id = ").Append(accessKey).Append('\n')
                .Append("aws_secret_access_key = ").Append(secretKey).Append('\n');
            if (sessionToken != null)
            {
                text.Append("aws_session_token = ").Append(sessionToken).Append('\n');
            }

            text.Append("region = ").Append(RgwServer.Region).Append("\n\n");
            File.AppendAllText(Path, text.ToString());
        }

        public string ReadAllText() => File.ReadAllText(Path);

        public override string ToString() => Path;

        public void Dispose()
        {
            try
            {
                Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
