using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace S3CrossAccount.Commands.Completers
{
    /// <summary>
    /// Tab completion for -Bucket on the cmdlets that call AWS: the caller's own buckets (one ListBuckets call),
    /// only when credentials are at hand on the command line (-ProfileName, -AccessKey with -SecretKey), in
    /// $StoredAWSCredentials, or in the AWS_PROFILE / AWS_ACCESS_KEY_ID environment variables. It never falls
    /// through to instance or container credentials, and gives up after <see cref="Timeout"/>, so Tab never hangs.
    /// </summary>
    public sealed class BucketCompleter : IArgumentCompleter
    {
        internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
        private const int MaxBuckets = 200;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var given = new Hashtable(StringComparer.OrdinalIgnoreCase);
            if (fakeBoundParameters != null)
            {
                foreach (DictionaryEntry entry in fakeBoundParameters)
                {
                    given[entry.Key] = entry.Value is PSObject ps ? ps.BaseObject : entry.Value;
                }
            }

            if (!CredentialsAtHand(given))
            {
                return Enumerable.Empty<CompletionResult>();
            }

            try
            {
                return BucketListing.Names(given, word, MaxBuckets, Timeout)
                    .OrderBy(n => n, StringComparer.Ordinal)
                    .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, "s3://" + n));
            }
            catch (Exception)
            {
                // No credentials after all, access denied, no network, timeout: completion offers nothing
                // rather than failing the command line.
                return Enumerable.Empty<CompletionResult>();
            }
        }

        internal static bool CredentialsAtHand(IDictionary given) =>
            given["ProfileName"] is string
            || (given["AccessKey"] is string && given["SecretKey"] is string)
            || given["Credential"] != null
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_PROFILE"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"))
            || SessionVariable("StoredAWSCredentials") != null;

        /// <summary>
        /// A variable of the session the completion runs in (a completer gets no SessionState). Completion must
        /// never fail the command line, so an unreadable variable is null.
        /// </summary>
        internal static object? SessionVariable(string name)
        {
            try
            {
                return System.Management.Automation.Runspaces.Runspace.DefaultRunspace?.SessionStateProxy.PSVariable.GetValue(name);
            }
            catch (Exception)
            {
                return null;
            }
        }
    }
}
