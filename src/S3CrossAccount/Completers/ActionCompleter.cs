using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using S3CrossAccount.Core.Policies.Lint;

namespace S3CrossAccount.Commands.Completers
{
    /// <summary>
    /// Tab completion for -Action and -NotAction from the module's action catalog (iam, kms, s3, sts). A word
    /// without a colon completes service prefixes first ("s" offers s3: and sts:), then actions; matching is
    /// case-insensitive, as IAM matches action names. Core data only: completing never loads the AWS SDK.
    /// </summary>
    public sealed class ActionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Complete(wordToComplete);

        internal static IEnumerable<CompletionResult> Complete(string? wordToComplete)
        {
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var actions = ActionCatalog.All.Where(a => a.StartsWith(word, StringComparison.OrdinalIgnoreCase));
            if (word.IndexOf(':') < 0)
            {
                // Only the services: a bare "s" would otherwise list every S3 and STS action.
                actions = actions.Select(a => a.Substring(0, a.IndexOf(':') + 1)).Distinct(StringComparer.Ordinal);
            }

            return actions.OrderBy(a => a, StringComparer.OrdinalIgnoreCase)
                .Select(a => new CompletionResult(a, a, CompletionResultType.ParameterValue, a));
        }
    }
}
