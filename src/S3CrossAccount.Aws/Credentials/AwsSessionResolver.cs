using System;
using System.Collections.Generic;
using System.Reflection;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Aws.Credentials
{
    /// <summary>
    /// Resolves credentials and region in the order AWS Tools for PowerShell's code uses
    /// (aws-tools-for-powershell Common/CredentialsArguments.cs, TryGetCredentials / TryGetRegion):
    /// credentials: -AccessKey/-SecretKey[/-SessionToken]; -ProfileName [+ -ProfileLocation] (missing =
    /// error, never a fall-through to another account); -Credential; $StoredAWSCredentials;
    /// AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY[/AWS_SESSION_TOKEN]; AWS_PROFILE; profile 'default',
    /// then the legacy 'AWS PS Default'; container credentials; EC2 instance profile.
    /// Region: -Region; $StoredAWSRegion; the profile's region; AWS_REGION; AWS_DEFAULT_REGION.
    /// (EC2 instance-metadata regions are not looked up: on any other machine that costs a network
    /// timeout on every call; set a region instead.)
    /// </summary>
    public sealed class AwsSessionResolver
    {
        public const string StoredCredentialsVariable = "StoredAWSCredentials";
        public const string StoredRegionVariable = "StoredAWSRegion";
        public const string DefaultProfileName = "default";
        public const string LegacyDefaultProfileName = "AWS PS Default";

        /// <summary>Used for signing when -EndpointUrl is given and no region is configured anywhere.</summary>
        public const string EndpointFallbackRegion = "us-east-1";

        private static readonly Regex RegionPattern = new Regex(@"^[a-z]{2,}(-[a-z0-9]+)+\z", RegexOptions.CultureInvariant);

        private readonly IEnvironmentSource _environment;
        private readonly ISessionVariableSource _sessionVariables;
        private readonly AwsFileLocations _locations;

        public AwsSessionResolver(IEnvironmentSource environment, ISessionVariableSource sessionVariables, AwsFileLocations? locations = null)
        {
            _environment = environment ?? throw new ArgumentNullException(nameof(environment));
            _sessionVariables = sessionVariables ?? throw new ArgumentNullException(nameof(sessionVariables));
            _locations = locations ?? AwsFileLocations.FromEnvironment(environment);
        }

        /// <summary>The last two steps (container, EC2). Tests replace them; null = not available.</summary>
        internal Func<(AWSCredentials Credentials, string Source)?> HostCredentials { get; set; } = null!;

        /// <summary>Builds the SDK's container provider (it reads the AWS_CONTAINER_* variables itself).</summary>
        internal Func<AWSCredentials> ContainerCredentials { get; set; } = () => new GenericContainerCredentials();

        public AwsSession Resolve(SessionRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var credentials = ResolveCredentials(request, out var credentialSource, out var credentialProfile);
            var region = ResolveRegion(request, credentialProfile, out var regionSource);
            return new AwsSession(credentials, credentialSource, region, regionSource, NormalizeEndpoint(request.EndpointUrl), credentialProfile?.Name);
        }

        private AWSCredentials ResolveCredentials(SessionRequest request, out string source, out CredentialProfile? profileUsed)
        {
            profileUsed = null;
            var tried = new List<string>();

            // 1. Explicit keys.
            if (!string.IsNullOrEmpty(request.AccessKey) || !string.IsNullOrEmpty(request.SecretKey))
            {
                if (string.IsNullOrEmpty(request.AccessKey) || string.IsNullOrEmpty(request.SecretKey))
                {
                    throw new XAccountException(ErrorCode.InvalidParameterCombination,
                        "-AccessKey and -SecretKey must be given together.",
                        string.IsNullOrEmpty(request.AccessKey) ? "SecretKey" : "AccessKey",
                        "Pass both -AccessKey and -SecretKey (and -SessionToken for temporary credentials), or neither.");
                }

                source = string.IsNullOrEmpty(request.SessionToken)
                    ? "the -AccessKey and -SecretKey parameters"
                    : "the -AccessKey, -SecretKey and -SessionToken parameters";
                return CredentialShape.FromValues(request.AccessKey, request.SecretKey, request.SessionToken)!;
            }

            tried.Add("-AccessKey/-SecretKey");

            // 2. A named profile: missing is an error, never a fall-through to another account's 'default'.
            if (!string.IsNullOrEmpty(request.ProfileName))
            {
                var lookup = new ProfileLookup(_locations, request.ProfileLocation);
                if (!lookup.TryGet(request.ProfileName!, out var named, out var store))
                {
                    throw new XAccountException(ErrorCode.ProfileNotFound,
                        "The credential profile '" + request.ProfileName + "' was not found in " + lookup.SearchedLocations + ".",
                        request.ProfileName,
                        "Check the profile name (Get-AWSCredential -ListProfileDetail lists them) or pass -ProfileLocation with the file that holds it.");
                }

                profileUsed = named;
                source = "profile '" + named.Name + "'" + DescribeStore(store);
                return FromProfile(named, store);
            }

            tried.Add("-ProfileName");

            // 3. -Credential.
            if (request.Credential != null)
            {
                var converted = CredentialShape.TryConvert(request.Credential)
                    ?? throw new XAccountException(ErrorCode.InvalidCredentialObject,
                        "The -Credential value of type " + CredentialShape.Describe(request.Credential) + " is not a credentials object.",
                        CredentialShape.Describe(request.Credential),
                        "Pass credentials from Use-XAccountRole, Get-AWSCredential, (Use-STSRole ...).Credentials, or an object with AccessKey and SecretKey.");
                source = "the -Credential parameter (" + CredentialShape.Describe(request.Credential) + ")";
                return converted;
            }

            tried.Add("-Credential");

            // 4. $StoredAWSCredentials (Set-AWSCredential / Initialize-AWSDefaultConfiguration).
            var stored = _sessionVariables.Get(StoredCredentialsVariable);
            if (stored != null)
            {
                var converted = CredentialShape.TryConvert(stored)
                    ?? throw new XAccountException(ErrorCode.InvalidCredentialObject,
                        "The shell variable $" + StoredCredentialsVariable + " holds a " + CredentialShape.Describe(stored) + ", which is not a credentials object.",
                        "$" + StoredCredentialsVariable,
                        "Run Set-AWSCredential again, or Clear-AWSCredential to remove it.");
                source = "the shell variable $" + StoredCredentialsVariable;
                return converted;
            }

            tried.Add("$" + StoredCredentialsVariable);

            // 5. Environment variables (the SDK's EnvironmentVariablesAWSCredentials names).
            var envAccessKey = _environment.Get("AWS_ACCESS_KEY_ID");
            var envSecretKey = _environment.Get("AWS_SECRET_ACCESS_KEY");
            if (envAccessKey != null && envSecretKey != null)
            {
                var token = _environment.Get("AWS_SESSION_TOKEN");
                source = token == null
                    ? "environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
                    : "environment variables AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN";
                return CredentialShape.FromValues(envAccessKey, envSecretKey, token)!;
            }

            tried.Add("environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY");

            // 6. AWS_PROFILE (AWS Tools V5). Named explicitly by the user, so missing is an error too.
            var defaultLookup = new ProfileLookup(_locations, request.ProfileLocation);
            var envProfile = _environment.Get("AWS_PROFILE");
            if (envProfile != null)
            {
                if (!defaultLookup.TryGet(envProfile, out var fromEnv, out var store))
                {
                    throw new XAccountException(ErrorCode.ProfileNotFound,
                        "The credential profile '" + envProfile + "' named by AWS_PROFILE was not found in " + defaultLookup.SearchedLocations + ".",
                        envProfile,
                        "Correct or remove the AWS_PROFILE environment variable, or pass -ProfileName.");
                }

                profileUsed = fromEnv;
                source = "profile '" + fromEnv.Name + "' named by AWS_PROFILE" + DescribeStore(store);
                return FromProfile(fromEnv, store);
            }

            tried.Add("AWS_PROFILE");

            // 7. 'default', then AWS Tools' legacy 'AWS PS Default'.
            foreach (var name in new[] { DefaultProfileName, LegacyDefaultProfileName })
            {
                if (defaultLookup.TryGet(name, out var fallback, out var store) && fallback.CanCreateAWSCredentials)
                {
                    profileUsed = fallback;
                    source = "profile '" + name + "'" + DescribeStore(store);
                    return FromProfile(fallback, store);
                }
            }

            tried.Add("profiles '" + DefaultProfileName + "' and '" + LegacyDefaultProfileName + "' in " + defaultLookup.SearchedLocations);

            // 8. Container, then EC2 instance profile.
            var host = (HostCredentials ?? ProbeHostCredentials)();
            if (host.HasValue)
            {
                source = host.Value.Source;
                return host.Value.Credentials;
            }

            tried.Add("container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI)");
            tried.Add(IsMetadataDisabled() ? "EC2 instance profile (disabled by AWS_EC2_METADATA_DISABLED)" : "EC2 instance profile");

            throw new XAccountException(ErrorCode.NoCredentials,
                "No credentials specified or obtained from persisted/shell defaults. Tried, in order: " + string.Join("; ", tried) + ".",
                null,
                "Pass -ProfileName or -Credential, run Set-AWSCredential, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.");
        }

        private static string DescribeStore(ICredentialProfileSource store) =>
            store is SharedCredentialsFile file ? " in " + file.FilePath : " in the AWS .NET SDK credential store";

        private static AWSCredentials FromProfile(CredentialProfile profile, ICredentialProfileSource store)
        {
            if (!profile.CanCreateAWSCredentials)
            {
                throw new XAccountException(ErrorCode.ProfileNotFound,
                    "The profile '" + profile.Name + "' exists but holds no usable credentials (keys, role_arn with source_profile, credential_process or sso_*).",
                    profile.Name,
                    "Add credentials to the profile, or name another profile.");
            }

            AWSCredentials credentials;
            try
            {
                credentials = AWSCredentialsFactory.GetAWSCredentials(profile, store);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException || ex is AmazonClientException)
            {
                throw new XAccountException(ErrorCode.ProfileNotFound,
                    "The profile '" + profile.Name + "' cannot be used: " + ex.Message,
                    profile.Name,
                    "Check the profile's source_profile, role_arn, credential_process or sso_* settings.", ex);
            }

            if (credentials is SSOAWSCredentials sso)
            {
                EnsureSsoToken(profile.Name, sso);
            }

            return credentials;
        }

        /// <summary>
        /// A non-interactive shell must never open a browser: like AWS Tools, refuse to fetch a new SSO
        /// token and tell the user to log in when the cached one is missing or expired.
        /// </summary>
        private static void EnsureSsoToken(string profileName, SSOAWSCredentials sso)
        {
            if (sso.Options != null)
            {
                sso.Options.SupportsGettingNewToken = false;
            }

            try
            {
                sso.GetCredentials();
            }
            catch (Exception ex)
            {
                throw new XAccountException(ErrorCode.SsoTokenExpired,
                    "The SSO session of profile '" + profileName + "' has no valid token (" + ex.Message + ").",
                    profileName,
                    "Run 'aws sso login --profile " + profileName + "' or Invoke-AWSSSOLogin -ProfileName " + profileName + ", then retry.", ex);
            }
        }

        private bool IsMetadataDisabled() =>
            string.Equals(_environment.Get("AWS_EC2_METADATA_DISABLED"), "true", StringComparison.OrdinalIgnoreCase);

        private (AWSCredentials Credentials, string Source)? ProbeHostCredentials()
        {
            if (_environment.Get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") != null || _environment.Get("AWS_CONTAINER_CREDENTIALS_FULL_URI") != null)
            {
                return (ContainerCredentials(), "the container credentials endpoint (AWS_CONTAINER_CREDENTIALS_*)");
            }

            if (IsMetadataDisabled())
            {
                return null;
            }

            try
            {
                var instance = new InstanceProfileAWSCredentials();
                instance.GetCredentials();
                return (instance, "the EC2 instance profile");
            }
            catch (Exception)
            {
                // Not on EC2 (or no role attached): this step simply has nothing.
                return null;
            }
        }

        private string ResolveRegion(SessionRequest request, CredentialProfile? credentialProfile, out string source)
        {
            var explicitRegion = RegionName(request.Region);
            if (explicitRegion != null)
            {
                source = "the -Region parameter";
                return Validate(explicitRegion, "-Region");
            }

            var stored = RegionName(_sessionVariables.Get(StoredRegionVariable));
            if (stored != null)
            {
                source = "the shell variable $" + StoredRegionVariable;
                return Validate(stored, "$" + StoredRegionVariable);
            }

            var profile = credentialProfile?.Region != null ? credentialProfile : FindRegionProfile(request);
            var profileRegion = profile?.Region?.SystemName;
            if (!string.IsNullOrEmpty(profileRegion))
            {
                source = "profile '" + profile!.Name + "'";
                return Validate(profileRegion!, source);
            }

            foreach (var variable in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
            {
                var value = _environment.Get(variable);
                if (value != null)
                {
                    source = "environment variable " + variable;
                    return Validate(value, variable);
                }
            }

            if (request.EndpointUrl != null)
            {
                source = "the signing default for -EndpointUrl (no region configured)";
                return EndpointFallbackRegion;
            }

            throw new XAccountException(ErrorCode.NoRegion,
                "No region specified or obtained from persisted/shell defaults. Tried: -Region, $" + StoredRegionVariable +
                ", the profile's region, AWS_REGION, AWS_DEFAULT_REGION.",
                null,
                "Pass -Region (for example -Region us-east-1), run Set-DefaultAWSRegion, or set AWS_REGION.");
        }

        /// <summary>The profile whose region applies when the credentials did not come from a profile.</summary>
        private CredentialProfile? FindRegionProfile(SessionRequest request)
        {
            var lookup = new ProfileLookup(_locations, request.ProfileLocation);
            foreach (var name in new[] { request.ProfileName, _environment.Get("AWS_PROFILE"), DefaultProfileName, LegacyDefaultProfileName })
            {
                if (!string.IsNullOrEmpty(name) && lookup.TryGet(name!, out var profile, out _) && profile.Region != null)
                {
                    return profile;
                }
            }

            return null;
        }

        /// <summary>A string, or an object naming a region by SystemName (RegionEndpoint) or Region (AWS Tools' AWSRegion).</summary>
        internal static string? RegionName(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case string s:
                    return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
            }

            foreach (var property in new[] { "SystemName", "Region" })
            {
                if (value.GetType().GetProperty(property, BindingFlags.Instance | BindingFlags.Public)?.GetValue(value) is string name && name.Length > 0)
                {
                    return name;
                }
            }

            throw new XAccountException(ErrorCode.InvalidRegion,
                "A region must be a region name such as us-east-1 or an AWS region object; got a " + value.GetType().FullName + ".",
                value.ToString(),
                "Pass -Region with a region system name, for example -Region eu-west-1.");
        }

        private static string Validate(string region, string where)
        {
            if (!RegionPattern.IsMatch(region))
            {
                throw new XAccountException(ErrorCode.InvalidRegion,
                    "'" + region + "' from " + where + " is not a region system name (such as us-east-1).",
                    region,
                    "Use the region's system name, for example us-east-1 or eu-west-3.");
            }

            return region;
        }

        private static string? NormalizeEndpoint(string? endpointUrl)
        {
            if (string.IsNullOrWhiteSpace(endpointUrl))
            {
                return null;
            }

            if (!Uri.TryCreate(endpointUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new XAccountException(ErrorCode.InvalidParameterCombination,
                    "-EndpointUrl '" + endpointUrl + "' is not an absolute http or https URL.",
                    endpointUrl,
                    "Pass a URL such as https://s3.example.com or http://127.0.0.1:7480.");
            }

            return endpointUrl!.Trim();
        }
    }
}
