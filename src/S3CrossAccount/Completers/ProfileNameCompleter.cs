using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace S3CrossAccount.Commands.Completers
{
    /// <summary>
    /// Tab completion for -ProfileName: [ArgumentCompleter(typeof(ProfileNameCompleter))]. Lists the
    /// section names of the shared credentials file (or the -ProfileLocation file already typed on the
    /// command line) and of the shared config file ("[profile name]" there). Reads the files as text:
    /// completing never loads the AWS SDK and never reads a secret value.
    /// </summary>
    public sealed class ProfileNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var location = fakeBoundParameters?["ProfileLocation"] as string;
            var credentialsFile = !string.IsNullOrEmpty(location)
                ? location!
                : Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") ?? Path.Combine(HomeDirectory(), ".aws", "credentials");
            var configFile = Environment.GetEnvironmentVariable("AWS_CONFIG_FILE") ?? Path.Combine(HomeDirectory(), ".aws", "config");
            return Complete(wordToComplete, credentialsFile, configFile);
        }

        internal static IEnumerable<CompletionResult> Complete(string? wordToComplete, string credentialsFile, string configFile)
        {
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return SectionNames(credentialsFile, isConfig: false)
                .Concat(SectionNames(configFile, isConfig: true))
                .Distinct(StringComparer.Ordinal)
                .Where(n => n.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
                .Select(n => new CompletionResult(Quote(n), n, CompletionResultType.ParameterValue, n));
        }

        /// <summary>
        /// In the config file a profile's section is "[profile name]" (and "[default]"); "[sso-session x]"
        /// and "[services x]" sections are not profiles.
        /// https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html
        /// </summary>
        internal static IEnumerable<string> SectionNames(string path, bool isConfig)
        {
            string[] lines;
            try
            {
                lines = File.Exists(path) ? File.ReadAllLines(path) : Array.Empty<string>();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // Completion must never fail the command line; an unreadable file offers nothing.
                lines = Array.Empty<string>();
            }

            foreach (var raw in lines)
            {
                var line = raw.Trim();
                if (!line.StartsWith("[", StringComparison.Ordinal) || !line.EndsWith("]", StringComparison.Ordinal))
                {
                    continue;
                }

                var section = line.Substring(1, line.Length - 2).Trim();
                if (!isConfig)
                {
                    yield return section;
                }
                else if (section == "default")
                {
                    yield return section;
                }
                else if (section.StartsWith("profile ", StringComparison.Ordinal))
                {
                    yield return section.Substring("profile ".Length).Trim();
                }
            }
        }

        private static string Quote(string name) =>
            name.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';', '(', ')', '{', '}', ',', '&', '|', '@', '#' }) >= 0 ? "'" + name.Replace("'", "''") + "'" : name;

        private static string HomeDirectory() =>
            Environment.GetEnvironmentVariable("HOME") ?? Environment.GetEnvironmentVariable("USERPROFILE") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
    }
}
