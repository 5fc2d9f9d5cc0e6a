using System;

namespace S3CrossAccount.Core.Errors
{
    /// <summary>
    /// The one exception the domain and the adapters throw for anything a user can act on.
    /// The cmdlet layer maps it once to an ErrorRecord: ErrorId = <see cref="Code"/>'s name,
    /// category from <see cref="ErrorCodeCategories"/>, target = <see cref="Target"/>. The message is made
    /// printable (<see cref="Printable"/>) so that no quoted value can hide or reorder what the user reads.
    /// </summary>
    public class XAccountException : Exception
    {
        public XAccountException(ErrorCode code, string message, object? target = null, string? recommendedAction = null, Exception? inner = null)
            : base(Printable.Escape(message, keepLineBreaks: true), inner)
        {
            Code = code;
            Target = target;
            RecommendedAction = recommendedAction;
        }

        public ErrorCode Code { get; }

        /// <summary>The offending value: the bucket, the ARN, the account ID, the JSON path.</summary>
        public object? Target { get; }

        /// <summary>What to do instead, one sentence.</summary>
        public string? RecommendedAction { get; }
    }
}
