using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using Amazon.Runtime.CredentialManagement;

namespace S3CrossAccount.Aws.Credentials
{
    /// <summary>
    /// The profile stores AWS Tools searches, in its order: with -ProfileLocation only that ini file;
    /// otherwise the .NET SDK encrypted store (Windows only) and then the shared credentials file
    /// (with the config file beside it). Backed by AWSSDK.Core's own readers, so role_arn/source_profile,
    /// credential_process and sso_* profiles behave as in the SDK and AWS Tools.
    /// </summary>
    internal sealed class ProfileLookup
    {
        private readonly List<ICredentialProfileStore> _stores = new List<ICredentialProfileStore>();
        private readonly List<string> _searched = new List<string>();

        internal ProfileLookup(AwsFileLocations locations, string? profileLocation)
        {
            if (!string.IsNullOrEmpty(profileLocation))
            {
                var path = Path.GetFullPath(profileLocation);
                _stores.Add(new SharedCredentialsFile(path));
                _searched.Add(path);
                return;
            }

            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                try
                {
                    _stores.Add(new NetSDKCredentialsFile());
                    _searched.Add("the AWS .NET SDK credential store");
                }
                catch (Exception)
                {
                    // The encrypted store is optional; an unreadable one must not hide the ini files.
                }
            }

            // The SDK reads the config file next to the credentials file (or from the process's
            // AWS_CONFIG_FILE); when only a config file exists, point at its folder so it is still read.
            var credentialsFile = locations.CredentialsFile;
            if (!File.Exists(credentialsFile) && File.Exists(locations.ConfigFile)
                && Environment.GetEnvironmentVariable(AwsFileLocations.ConfigFileVariable) == null)
            {
                credentialsFile = Path.Combine(Path.GetDirectoryName(locations.ConfigFile) ?? ".", "credentials");
            }

            _stores.Add(new SharedCredentialsFile(credentialsFile));
            _searched.Add(locations.CredentialsFile);
            _searched.Add(locations.ConfigFile);
        }

        /// <summary>Human-readable list of what was searched, for error messages.</summary>
        internal string SearchedLocations => string.Join(", ", _searched);

        internal bool TryGet(string name, out CredentialProfile profile, out ICredentialProfileSource source)
        {
            foreach (var store in _stores)
            {
                if (store.TryGetProfile(name, out var found) && found != null)
                {
                    profile = found;
                    source = store;
                    return true;
                }
            }

            profile = null!;
            source = null!;
            return false;
        }
    }
}
