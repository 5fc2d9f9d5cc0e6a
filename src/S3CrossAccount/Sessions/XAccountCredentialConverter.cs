using System;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using S3CrossAccount.Core.Sessions;

namespace S3CrossAccount.Commands.Sessions
{
    /// <summary>
    /// Lets this module's <see cref="XAccountCredential"/> bind to AWS Tools' -Credential parameter
    /// (type Amazon.Runtime.AWSCredentials from AWS Tools' own AWSSDK.Core). Registered for the type
    /// by the TypeConverter attribute on XAccountCredential. It reads the keys through GetCredentials(), the
    /// same method AWS Tools' AWSCredentials offers (there they return ImmutableCredentials). The target type is built by name from the destination type's
    /// own assembly, so it is always the copy AWS Tools loaded, never this module's private one.
    /// </summary>
    public sealed class XAccountCredentialConverter : PSTypeConverter
    {
        private const string CredentialsBase = "Amazon.Runtime.AWSCredentials";
        private const string SessionCredentials = "Amazon.Runtime.SessionAWSCredentials";
        private const string BasicCredentials = "Amazon.Runtime.BasicAWSCredentials";

        public override bool CanConvertFrom(object sourceValue, Type destinationType) => false;

        public override object ConvertFrom(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
            throw new InvalidCastException("Conversion to " + typeof(XAccountCredential).FullName + " is not supported.");

        public override bool CanConvertTo(object sourceValue, Type destinationType) =>
            KeysOf(sourceValue) is XAccountImmutableCredentials keys && FindTarget(destinationType, keys.UseToken) != null;

        public override object ConvertTo(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase)
        {
            var keys = KeysOf(sourceValue)
                ?? throw new InvalidCastException("Only " + typeof(XAccountCredential).FullName + " can be converted.");
            var withToken = keys.UseToken;
            var target = FindTarget(destinationType, withToken)
                ?? throw new InvalidCastException("Cannot convert credentials to " + destinationType.FullName + ".");
            var arguments = withToken
                ? new object[] { keys.AccessKey, keys.SecretKey, keys.Token! }
                : new object[] { keys.AccessKey, keys.SecretKey };
            var constructor = target.GetConstructor(arguments.Select(_ => typeof(string)).ToArray())
                ?? throw new InvalidCastException(target.FullName + " has no (string" + (withToken ? ", string, string" : ", string") + ") constructor.");
            return constructor.Invoke(arguments);
        }

        /// <summary>
        /// SessionAWSCredentials (temporary) or BasicAWSCredentials (long-term) from the assembly that
        /// defines the destination type, if the destination accepts it (AWSCredentials or a base of it).
        /// </summary>
        internal static Type? FindTarget(Type destinationType, bool withToken)
        {
            if (destinationType == null || !IsCredentialsType(destinationType))
            {
                return null;
            }

            var candidate = destinationType.Assembly.GetType(withToken ? SessionCredentials : BasicCredentials, throwOnError: false);
            return candidate != null && destinationType.IsAssignableFrom(candidate) ? candidate : null;
        }

        private static bool IsCredentialsType(Type type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (current.FullName == CredentialsBase)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The keys of this module's credential or of its handle (its Credential property); null for anything else.</summary>
        private static XAccountImmutableCredentials? KeysOf(object? value)
        {
            switch (value is PSObject wrapped ? wrapped.BaseObject : value)
            {
                case XAccountCredential credential: return credential.GetCredentials();
                case XAccountCredentialHandle handle: return handle.GetCredentials();
                default: return null;
            }
        }
    }
}
