using System;
using System.Collections;
using System.Reflection;
using System.Threading.Tasks;
using Amazon.Runtime;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Sessions;

namespace S3CrossAccount.Aws.Credentials
{
    /// <summary>
    /// Turns a credential object of any origin into this module's SDK credentials. AWS Tools' objects
    /// come from another copy of AWSSDK.Core (another load context, maybe another build), so their
    /// types never equal ours: they are read by shape, through reflection.
    /// </summary>
    internal static class CredentialShape
    {
        private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

        /// <summary>Null when the object has no recognisable credential shape.</summary>
        internal static AWSCredentials? TryConvert(object? value) => TryConvert(value, depth: 0);

        /// <summary>A short description of the object's kind for diagnostics (never its values).</summary>
        internal static string Describe(object value) => value.GetType().FullName ?? value.GetType().Name;

        private static AWSCredentials? TryConvert(object? value, int depth)
        {
            if (value == null || depth > 3)
            {
                return null;
            }

            switch (value)
            {
                case AWSCredentials own:
                    return own;
                case XAccountCredential module:
                    return FromKeys(module.GetCredentials());
                case XAccountCredentialHandle handle:
                    return FromKeys(handle.GetCredentials());
                case IDictionary dictionary:
                    return FromDictionary(dictionary);
            }

            var type = value.GetType();

            // Amazon.Runtime.AWSCredentials of another AWSSDK.Core: GetCredentials() -> ImmutableCredentials.
            var getCredentials = type.GetMethod("GetCredentials", BindingFlags.Instance | BindingFlags.Public, null, Type.EmptyTypes, null);
            if (getCredentials != null)
            {
                var immutable = Invoke(getCredentials, value);
                var fromImmutable = FromProperties(immutable, "AccessKey", "SecretKey", "Token");
                if (fromImmutable != null)
                {
                    return fromImmutable;
                }
            }

            var getCredentialsAsync = type.GetMethod("GetCredentialsAsync", BindingFlags.Instance | BindingFlags.Public, null, Type.EmptyTypes, null);
            if (getCredentialsAsync != null && Invoke(getCredentialsAsync, value) is Task task)
            {
                try
                {
                    task.GetAwaiter().GetResult();
                }
                catch (Exception ex)
                {
                    throw new XAccountException(ErrorCode.CredentialsRejected,
                        "The credentials object (" + Describe(value) + ") could not produce credentials: " + ex.Message,
                        Describe(value), "Obtain fresh credentials and retry.", ex);
                }

                var result = task.GetType().GetProperty("Result")?.GetValue(task);
                var fromAsync = FromProperties(result, "AccessKey", "SecretKey", "Token");
                if (fromAsync != null)
                {
                    return fromAsync;
                }
            }

            // AWS Tools' AWSPSCredentials ($StoredAWSCredentials) keeps its AWSCredentials in an
            // internal member named Credentials (aws-tools-for-powershell Common/CredentialsArguments.cs).
            var inner = type.GetProperty("Credentials", Instance)?.GetValue(value)
                ?? type.GetField("Credentials", Instance)?.GetValue(value);
            if (inner != null && !ReferenceEquals(inner, value))
            {
                var fromInner = TryConvert(inner, depth + 1);
                if (fromInner != null)
                {
                    return fromInner;
                }
            }

            return FromProperties(value, "AccessKey", "SecretKey", "SessionToken")
                ?? FromProperties(value, "AccessKeyId", "SecretAccessKey", "SessionToken");
        }

        private static object? Invoke(MethodInfo method, object target)
        {
            try
            {
                return method.Invoke(target, null);
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                // For example AWS Tools' assume-role or SSO credentials that cannot refresh.
                throw new XAccountException(ErrorCode.CredentialsRejected,
                    "The credentials object (" + Describe(target) + ") could not produce credentials: " + ex.InnerException.Message,
                    Describe(target),
                    "Obtain fresh credentials (Use-XAccountRole, Use-STSRole, aws sso login) and retry.", ex.InnerException);
            }
        }

        private static AWSCredentials? FromProperties(object? source, string accessKeyName, string secretKeyName, string tokenName)
        {
            if (source == null)
            {
                return null;
            }

            var type = source.GetType();
            var accessKey = type.GetProperty(accessKeyName, BindingFlags.Instance | BindingFlags.Public)?.GetValue(source) as string;
            var secretKey = type.GetProperty(secretKeyName, BindingFlags.Instance | BindingFlags.Public)?.GetValue(source) as string;
            var token = type.GetProperty(tokenName, BindingFlags.Instance | BindingFlags.Public)?.GetValue(source) as string;
            return FromValues(accessKey, secretKey, token);
        }

        private static AWSCredentials? FromDictionary(IDictionary dictionary)
        {
            string? Read(params string[] names)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    foreach (var name in names)
                    {
                        if (string.Equals(entry.Key as string, name, StringComparison.OrdinalIgnoreCase))
                        {
                            return entry.Value as string;
                        }
                    }
                }

                return null;
            }

            return FromValues(Read("AccessKey", "AccessKeyId"), Read("SecretKey", "SecretAccessKey"), Read("SessionToken", "Token"));
        }

        private static AWSCredentials? FromKeys(XAccountImmutableCredentials keys) => FromValues(keys.AccessKey, keys.SecretKey, keys.Token);

        internal static AWSCredentials? FromValues(string? accessKey, string? secretKey, string? token)
        {
            if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
            {
                return null;
            }

            return string.IsNullOrEmpty(token)
                ? new BasicAWSCredentials(accessKey, secretKey)
                : new SessionAWSCredentials(accessKey, secretKey, token);
        }
    }
}
