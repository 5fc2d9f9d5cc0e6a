using System.Collections;
using System.Management.Automation;
using S3CrossAccount.Aws.Credentials;
using S3CrossAccount.Commands.Base;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Sessions;

namespace S3CrossAccount.Commands.Sessions
{
    /// <summary>
    /// The run-time half of <see cref="AwsCmdlet"/>: the only place the cmdlet layer touches
    /// S3CrossAccount.Aws types for credentials, so nothing AWS loads until a cmdlet actually runs.
    /// </summary>
    internal static class AwsSessionBinder
    {
        internal sealed class Outcome
        {
            internal object? Session;
            internal XAccountException? Error;
            internal string CredentialSource = string.Empty;
            internal string RegionSource = string.Empty;
            internal string Region = string.Empty;
        }

        internal static Outcome Resolve(AwsCmdlet cmdlet) => Resolve(cmdlet, new SessionRequest
        {
            AccessKey = IsPipedCredentialsOwnKey(cmdlet) ? null : cmdlet.AccessKey,
            SecretKey = cmdlet.SecretKey,
            SessionToken = cmdlet.SessionToken,
            ProfileName = cmdlet.ProfileName,
            ProfileLocation = cmdlet.ProfileLocation == null ? null : cmdlet.GetUnresolvedProviderPathFromPSPath(cmdlet.ProfileLocation),
            Credential = Unwrap(cmdlet.Credential),
            Region = Unwrap(cmdlet.Region),
            EndpointUrl = cmdlet.EndpointUrl,
        });

        /// <summary>
        /// Use-XAccountRole's output, piped in, binds by property name twice: its Credential property to
        /// -Credential and its AccessKey property (not secret, so a property) to -AccessKey. That access key
        /// alone is no credential: -Credential is what was meant.
        /// </summary>
        private static bool IsPipedCredentialsOwnKey(AwsCmdlet cmdlet) =>
            string.IsNullOrEmpty(cmdlet.SecretKey)
            && Unwrap(cmdlet.Credential) is XAccountCredentialHandle handle
            && string.Equals(handle.GetCredentials().AccessKey, cmdlet.AccessKey, System.StringComparison.Ordinal);

        /// <summary>
        /// A second session for another account's credentials (a profile or a credential object), with
        /// the cmdlet's -ProfileLocation, -Region and -EndpointUrl: used to look up that account's
        /// canonical ID, which only its own credentials can read.
        /// </summary>
        internal static Outcome ResolveOther(AwsCmdlet cmdlet, string? profileName, object? credential) => Resolve(cmdlet, new SessionRequest
        {
            ProfileName = profileName,
            ProfileLocation = cmdlet.ProfileLocation == null ? null : cmdlet.GetUnresolvedProviderPathFromPSPath(cmdlet.ProfileLocation),
            Credential = Unwrap(credential),
            Region = Unwrap(cmdlet.Region),
            EndpointUrl = cmdlet.EndpointUrl,
        });

        private static Outcome Resolve(AwsCmdlet cmdlet, SessionRequest request)
        {
            var resolver = new AwsSessionResolver(ProcessEnvironment.Instance, new SessionStateVariables(cmdlet.SessionState));
            try
            {
                var session = resolver.Resolve(request);
                return new Outcome
                {
                    Session = session,
                    CredentialSource = session.CredentialSource,
                    RegionSource = session.RegionSource,
                    Region = session.Region,
                };
            }
            catch (XAccountException ex)
            {
                return new Outcome { Error = ex };
            }
        }

        /// <summary>
        /// Removes PowerShell's wrapper; a PSCustomObject (e.g. credentials read back from JSON)
        /// becomes a dictionary of its properties so the resolver can read it by name.
        /// </summary>
        internal static object? Unwrap(object? value)
        {
            if (!(value is PSObject wrapped))
            {
                return value;
            }

            if (wrapped.BaseObject is PSCustomObject)
            {
                var properties = new Hashtable(System.StringComparer.OrdinalIgnoreCase);
                foreach (var property in wrapped.Properties)
                {
                    if (property.IsGettable)
                    {
                        properties[property.Name] = Unwrap(property.Value);
                    }
                }

                return properties;
            }

            return wrapped.BaseObject;
        }

        private sealed class SessionStateVariables : ISessionVariableSource
        {
            private readonly SessionState _state;

            internal SessionStateVariables(SessionState state) => _state = state;

            // PSVariable.GetValue looks the name up from the caller's scope outwards, so a value set
            // by Set-AWSCredential in the global or script scope is seen from any function.
            public object? Get(string name) => Unwrap(_state.PSVariable.GetValue(name));
        }
    }
}
