using System;
using System.Management.Automation;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Commands.Base
{
    /// <summary>
    /// Base of every cmdlet in the module: turns the domain's <see cref="XAccountException"/> into an
    /// ErrorRecord once, so every cmdlet reports errors the same way (stable ErrorId, category,
    /// offending value as target, a recommended action), and never shows a stack trace for a user mistake.
    /// </summary>
    public abstract class XAccountCmdlet : PSCmdlet
    {
        /// <summary>Per-input failure: report it and go on with the next input.</summary>
        protected void WriteXAccountError(XAccountException exception) => WriteError(ToErrorRecord(exception));

        /// <summary>A failure that ends the command (bad parameter combination, no credentials).</summary>
        protected void ThrowXAccountError(XAccountException exception) => ThrowTerminatingError(ToErrorRecord(exception));

        internal static ErrorRecord ToErrorRecord(XAccountException exception)
        {
            var record = new ErrorRecord(exception, exception.Code.ToString(), ToCategory(ErrorCodeCategories.KindOf(exception.Code)), exception.Target);
            if (exception.RecommendedAction != null)
            {
                record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = exception.RecommendedAction };
            }

            return record;
        }

        internal static ErrorCategory ToCategory(ErrorKind kind)
        {
            switch (kind)
            {
                case ErrorKind.InvalidData: return ErrorCategory.InvalidData;
                case ErrorKind.AuthenticationError: return ErrorCategory.AuthenticationError;
                case ErrorKind.PermissionDenied: return ErrorCategory.PermissionDenied;
                case ErrorKind.ObjectNotFound: return ErrorCategory.ObjectNotFound;
                case ErrorKind.ResourceExists: return ErrorCategory.ResourceExists;
                case ErrorKind.LimitsExceeded: return ErrorCategory.LimitsExceeded;
                case ErrorKind.ResourceUnavailable: return ErrorCategory.ResourceUnavailable;
                case ErrorKind.InvalidOperation: return ErrorCategory.InvalidOperation;
                case ErrorKind.ConnectionError: return ErrorCategory.ConnectionError;
                default: return ErrorCategory.InvalidArgument;
            }
        }

        /// <summary>
        /// Policy text that did not parse reaches the cmdlet as a stand-in (see
        /// <see cref="Policy.PolicyDocumentTransformationAttribute"/>). Call first in ProcessRecord: true when an
        /// argument was such text, reported with its InvalidPolicyJson/InvalidPolicyDocument error, piped input
        /// as a non-terminating error for this input, a command-line argument as a terminating one.
        /// </summary>
        protected bool RefusedPolicyText()
        {
            foreach (var argument in MyInvocation.BoundParameters.Values)
            {
                var refusal = Policy.PolicyDocumentTransformationAttribute.RefusalOf(argument);
                if (refusal == null)
                {
                    continue;
                }

                if (!MyInvocation.ExpectingInput)
                {
                    ThrowXAccountError(refusal);
                }

                WriteXAccountError(refusal);
                return true;
            }

            return false;
        }

        /// <summary>Runs one unit of work; an <see cref="XAccountException"/> becomes a non-terminating error.</summary>
        protected bool TryRun(Action action)
        {
            try
            {
                action();
                return true;
            }
            catch (XAccountException ex)
            {
                WriteXAccountError(ex);
                return false;
            }
        }
    }
}
