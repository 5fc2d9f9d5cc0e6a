using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using S3CrossAccount.Core.Regions;

namespace S3CrossAccount.Commands.Completers
{
    /// <summary>
    /// Tab completion for -Region: [ArgumentCompleter(typeof(RegionCompleter))]. Uses the module's own
    /// region list, so completing never loads the AWS SDK. "eu-w" completes to the eu-west-* names; a
    /// word that starts no name is matched against the display names ("Ireland" offers eu-west-1).
    /// </summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Complete(wordToComplete);

        internal static IEnumerable<CompletionResult> Complete(string? wordToComplete)
        {
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var byName = AwsRegionNames.All.Where(n => n.StartsWith(word, StringComparison.OrdinalIgnoreCase)).ToList();
            var matches = byName.Count > 0
                ? byName
                : AwsRegionNames.All.Where(n => (AwsRegionNames.DisplayNameOf(n) ?? string.Empty).IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0).ToList();
            return matches.Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, n + " - " + AwsRegionNames.DisplayNameOf(n)));
        }
    }
}
