using System;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Core.Evaluation.Requests
{
    /// <summary>
    /// The calling principal parsed from its ARN: kind, account, and for a role session the role it
    /// belongs to (a role session is matched by the role ARN or the session ARN in a Principal element).
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
    /// </summary>
    public sealed class RequestPrincipal
    {
        private RequestPrincipal(string arn, PrincipalKind kind, string? accountId, string? name, string partition)
        {
            Arn = arn;
            Kind = kind;
            AccountId = accountId;
            Name = name;
            Partition = partition;
        }

        public static RequestPrincipal Anonymous { get; } = new RequestPrincipal("*", PrincipalKind.Anonymous, null, null, "aws");

        public string Arn { get; }

        public PrincipalKind Kind { get; }

        /// <summary>The 12-digit account; null for anonymous and service principals.</summary>
        public string? AccountId { get; }

        /// <summary>User name, role name (for roles and sessions), or service name.</summary>
        public string? Name { get; }

        /// <summary>For a role session: the session name.</summary>
        public string? SessionName { get; private set; }

        public string Partition { get; }

        /// <summary>For a role session: the role ARN without path (arn:aws:iam::acct:role/Name).</summary>
        public string? RoleArnWithoutPath => Kind == PrincipalKind.AssumedRole ? RoleArnWithoutPathCached : null;

        private string? _roleArn;

        internal string RoleArnWithoutPathCached => _roleArn ??= $"arn:{Partition}:iam::{AccountId}:role/{Name}";

        public static RequestPrincipal Parse(string arn)
        {
            var problem = IamArnProblem(arn);
            if (problem != null)
            {
                throw new XAccountException(
                    ErrorCode.InvalidPrincipal,
                    $"{Printable.Quote(arn)} is not a principal that can exist: {problem}.",
                    arn,
                    "Give an IAM ARN such as arn:aws:iam::111122223333:user/Name or arn:aws:iam::111122223333:role/Name (no region; names of up to 64 letters, digits and +=,.@_-), an assumed-role session ARN arn:aws:sts::111122223333:assumed-role/Role/Session, or a 12-digit account ID.");
            }

            if (!TryParse(arn, out var principal))
            {
                throw new XAccountException(
                    ErrorCode.InvalidPrincipal,
                    $"{Printable.Quote(arn)} is not a principal ARN this evaluator understands.",
                    arn,
                    "Give an IAM user, role, root or assumed-role session ARN (arn:aws:iam::111122223333:user/Name, arn:aws:sts::111122223333:assumed-role/Role/Session), a 12-digit account ID, a service principal, or '*' for an anonymous caller.");
            }

            return principal;
        }

        public static bool TryParse(string? text, out RequestPrincipal principal)
        {
            principal = Anonymous;
            if (string.IsNullOrWhiteSpace(text))
            {
                return false;
            }

            text = text!.Trim();
            if (text == "*" || string.Equals(text, "anonymous", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (AccountIds.IsAccountId(text))
            {
                principal = new RequestPrincipal($"arn:aws:iam::{text}:root", PrincipalKind.AccountRoot, text, null, "aws");
                return true;
            }

            if (text.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase) && text.IndexOf(':') < 0)
            {
                principal = new RequestPrincipal(text, PrincipalKind.Service, null, text, "aws");
                return true;
            }

            var parts = text.Split(new[] { ':' }, 6);
            if (parts.Length != 6 || parts[0] != "arn" || parts[1].Length == 0 || !AccountIds.IsAccountId(parts[4]) || IamArnProblem(text) != null)
            {
                return false;
            }

            string partition = parts[1], service = parts[2], account = parts[4], resource = parts[5];
            if (service == "iam" && resource == "root")
            {
                principal = new RequestPrincipal(text, PrincipalKind.AccountRoot, account, null, partition);
                return true;
            }

            if (service == "iam" && resource.StartsWith("user/", StringComparison.Ordinal) && resource.Length > 5)
            {
                principal = new RequestPrincipal(text, PrincipalKind.User, account, LastSegment(resource), partition);
                return true;
            }

            if (service == "iam" && resource.StartsWith("role/", StringComparison.Ordinal) && resource.Length > 5)
            {
                principal = new RequestPrincipal(text, PrincipalKind.Role, account, LastSegment(resource), partition);
                return true;
            }

            if (service == "sts" && resource.StartsWith("assumed-role/", StringComparison.Ordinal))
            {
                var pieces = resource.Split('/');
                if (pieces.Length == 3 && pieces[1].Length > 0 && pieces[2].Length > 0)
                {
                    principal = new RequestPrincipal(text, PrincipalKind.AssumedRole, account, pieces[1], partition) { SessionName = pieces[2] };
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Why an iam ARN names no principal that can exist (a region part, a space or a control character in a name,
        /// a name longer than IAM allows), by the same parser the policy builders use; null when it can exist or is
        /// not such an ARN.
        /// </summary>
        private static string? IamArnProblem(string? text)
        {
            if (text == null) return null;
            var trimmed = text.Trim();
            if (!trimmed.StartsWith("arn:", StringComparison.Ordinal)) return null;
            var parts = trimmed.Split(new[] { ':' }, 4);
            // iam only: the evaluator itself builds session ARNs (sts) from names it is given, not from user input.
            if (parts.Length < 4 || parts[2] != "iam") return null;
            return Identifiers.PrincipalArn.Problem(trimmed, out _);
        }

        /// <summary>The session ARN for a role ARN (the role path is not part of it).</summary>
        public static string SessionArnFor(string roleArn, string sessionName)
        {
            var role = Parse(roleArn);
            if (role.Kind != PrincipalKind.Role)
            {
                throw new XAccountException(ErrorCode.InvalidArn, $"'{roleArn}' is not a role ARN.", roleArn, "Give arn:aws:iam::<account>:role/<name>.");
            }

            return $"arn:{role.Partition}:sts::{role.AccountId}:assumed-role/{role.Name}/{sessionName}";
        }

        private static string LastSegment(string resource) => resource.Substring(resource.LastIndexOf('/') + 1);

        public override string ToString() => Arn;
    }

    internal static class AccountIds
    {
        public static bool IsAccountId(string text)
        {
            if (text.Length != 12)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
