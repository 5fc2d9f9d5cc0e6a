using System;
using Amazon.Runtime;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Aws.Iam.Internal
{
    /// <summary>
    /// Turns the SDK's exceptions into the module's IAM exception hierarchy. Which <see cref="ErrorCode"/> an IAM
    /// error code is comes from <see cref="AwsErrorCodes"/>, the table S3 and STS use too; this class adds the
    /// exception type per code and the IAM-specific advice.
    /// </summary>
    internal static class IamErrorMapper
    {
        // radosgw answers some errors (GetUserPolicy of a missing policy) with an error document nested
        // inside a <...Response> element, which the SDK cannot unmarshal: it then reports no ErrorCode and
        // puts the whole body in the message. The <Code> in that body is still the real IAM error code.
        private static readonly System.Text.RegularExpressions.Regex BodyCode =
            new System.Text.RegularExpressions.Regex("<Code>([A-Za-z]+)</Code>", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        internal static string? CodeFromBody(string? text)
        {
            var match = text == null ? null : BodyCode.Match(text);
            return match != null && match.Success ? match.Groups[1].Value : null;
        }

        public static IamServiceException Map(AmazonServiceException e, string action, string? target)
            => Map(e, string.IsNullOrEmpty(e.ErrorCode) ? CodeFromBody(e.Message) ?? e.ErrorCode : e.ErrorCode, (int)e.StatusCode, e.RequestId, action, target);

        /// <summary>A failure without a service answer: an error code found in the body, a lost connection, or anything else.</summary>
        public static IamServiceException Map(Exception e, string action, string? target)
        {
            if (CodeFromBody(e.Message) is string code)
            {
                return Map(e, code, 0, null, action, target);
            }

            return AwsErrorMapper.IsConnectionFailure(e)
                ? new IamServiceException(ErrorCode.EndpointUnreachable, $"IAM {action} could not reach the service: {e.Message}", null, null, 0, target,
                    "Check the network, the -Region and, if given, the -EndpointUrl.", e)
                : new IamServiceException(ErrorCode.ServiceError, $"IAM {action} could not be completed: {e.Message}", null, null, 0, target,
                    "Check the network path to the IAM endpoint and the endpoint URL.", e);
        }

        /// <summary>The calls that send a role's trust policy, the only IAM policy with a Principal element.</summary>
        private static bool IsTrustPolicyCall(string action) => action == "CreateRole" || action == "UpdateAssumeRolePolicy";

        private static IamServiceException Map(Exception e, string? code, int status, string? requestId, string action, string? target)
        {
            var bodyOnly = string.IsNullOrEmpty(e.Message) || e.Message.IndexOf('<') >= 0;
            var message = $"IAM {action} failed: {(bodyOnly ? code ?? ("HTTP " + status) : e.Message)}"
                + (string.IsNullOrEmpty(code) || bodyOnly ? string.Empty : $" ({code})");
            object? t = target;

            // IAM's answer for an action the endpoint does not implement (radosgw): not in the shared table, since S3's
            // MethodNotAllowed means something else (a bucket policy call from outside the owner's account).
            if (code == "MethodNotAllowed" || code == "NotImplemented")
            {
                return new IamOperationNotSupportedException(message, code, requestId, status, t,
                    $"The IAM endpoint does not implement {action}; use an AWS IAM endpoint or an alternative (e.g. an inline policy instead of a managed one).", e);
            }

            var errorCode = AwsErrorCodes.ToErrorCode(code);
            switch (errorCode)
            {
                case ErrorCode.NoSuchEntity:
                    return new IamNoSuchEntityException(message, code, requestId, status, t,
                        "Check the name or ARN and the account of the credentials in use.", e);
                case ErrorCode.EntityAlreadyExists:
                    return new IamEntityAlreadyExistsException(message, code, requestId, status, t,
                        "Use the existing entity, or choose another name.", e);
                case ErrorCode.MalformedPolicy:
                    return new IamMalformedPolicyDocumentException(message, code, requestId, status, t,
                        IsTrustPolicyCall(action)
                            ? "Fix the trust policy: every principal it names must exist (a deleted user or role, or a mistyped account, is refused); Test-XAccountPolicy lints it offline."
                            : "Fix the identity policy (it names no principal): check each action, resource ARN and condition; Test-XAccountPolicy lints it offline.", e);
                case ErrorCode.LimitExceeded:
                    return new IamLimitExceededException(message, code, requestId, status, t,
                        "Stay within the IAM quota named in the message (policy size, five policy versions, attached policies).", e);
                case ErrorCode.DeleteConflict:
                    return new IamDeleteConflictException(message, code, requestId, status, t,
                        "Remove the inline policies, attached policies or non-default versions first.", e);
                case ErrorCode.Throttled:
                    return new IamThrottledException(message, code, requestId, status, t,
                        "IAM is throttling this account; wait and run the command again.", e);
                case ErrorCode.AccessDenied:
                    return new IamAccessDeniedException(message, code, requestId, status, t,
                        $"Allow iam:{action} on this resource in the identity policy of the credentials in use.", e);
                case ErrorCode.CredentialsRejected:
                    return new IamServiceException(errorCode, message, code, requestId, status, t,
                        "Check the access key, secret key and session token (and their expiry): obtain fresh ones (Use-XAccountRole, aws sso login) and retry.", e);
            }

            if (status == 405 || status == 501)
            {
                return new IamOperationNotSupportedException(message, code, requestId, status, t,
                    $"The IAM endpoint does not implement {action}.", e);
            }

            return new IamServiceException(errorCode, message, code, requestId, status, t,
                "See the IAM error code and message; run again with -Verbose for the request.", e);
        }
    }
}
