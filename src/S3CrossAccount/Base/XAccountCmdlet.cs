using System;
using System.Management.Automation;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Commands.Base
{
    /// <summary>
    /// Base of every cmdlet in the module: turns the domain's <see cref="XAccountException"/> into an
    /// ErrorRecord once, so every cmdlet reports errors the same way (stable ErrorId, category,
    /// offending value as target, a recommended action), and never shows a stack trace for a user mistake.
    /// It also holds the module's one rule for terminating or not (about_S3CrossAccount, "Errors"):
    /// <list type="bullet">
    /// <item>A refusal of the command's own arguments ends the command (ThrowTerminatingError): nothing it was
    /// asked to do can succeed with them. Arguments no pipeline item can change are checked in BeginProcessing
    /// (<see cref="CheckArguments"/>, or ThrowXAccountError); a check that needs a value that may bind from the
    /// pipeline runs per record in <see cref="ProcessTarget{T}"/>.</item>
    /// <item>A failure of one pipeline item (its own bound values refused, or AWS failing for its target) is
    /// non-terminating (WriteError): the next item is processed.</item>
    /// </list>
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

                RefuseArguments(refusal);
                return true;
            }

            return false;
        }

        /// <summary>
        /// One record's work in two phases: <paramref name="checkArguments"/> turns the parameters into a request
        /// (Core's validation, no AWS call), then <paramref name="run"/> carries it out. A refusal in the check ends
        /// the command, unless the command is processing pipeline input: then the refused values may be the current
        /// item's, and it is that item's failure. A failure in <paramref name="run"/> is always the target's own.
        /// </summary>
        protected void ProcessTarget<T>(Func<T> checkArguments, Action<T> run)
        {
            T request;
            try
            {
                request = checkArguments();
            }
            catch (XAccountException ex)
            {
                RefuseArguments(ex);
                return;
            }

            TryRun(() => run(request));
        }

        /// <summary>A check of arguments no pipeline item can change (in BeginProcessing): its refusal always ends the command.</summary>
        protected void CheckArguments(Action check)
        {
            try
            {
                check();
            }
            catch (XAccountException ex)
            {
                ThrowXAccountError(ex);
            }
        }

        /// <summary>Refuses the arguments of this record: terminating without pipeline input, this item's failure with it.</summary>
        protected void RefuseArguments(XAccountException exception)
        {
            if (MyInvocation.ExpectingInput)
            {
                WriteXAccountError(exception);
            }
            else
            {
                ThrowXAccountError(exception);
            }
        }

        /// <summary>Runs one target's work; an <see cref="XAccountException"/> is that target's failure (non-terminating).</summary>
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
