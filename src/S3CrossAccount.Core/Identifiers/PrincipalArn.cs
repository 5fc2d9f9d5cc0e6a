using System;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Policies;

namespace S3CrossAccount.Core.Identifiers
{
    public enum PrincipalKind
    {
        /// <summary>"*": everyone, including anonymous callers.</summary>
        Public,

        /// <summary>A bare 12-digit account ID (AWS stores it as the account root ARN).</summary>
        AccountId,

        /// <summary>arn:aws:iam::111122223333:root</summary>
        AccountRoot,

        /// <summary>arn:aws:iam::111122223333:user/path/name</summary>
        User,

        /// <summary>arn:aws:iam::111122223333:role/path/name</summary>
        Role,

        /// <summary>arn:aws:sts::111122223333:assumed-role/role-name/session-name</summary>
        AssumedRole,

        /// <summary>A 64-hex S3 canonical user ID (Principal type CanonicalUser).</summary>
        CanonicalUser,
    }

    /// <summary>
    /// Something a Principal element can name, parsed from what a user types: an account ID, a
    /// principal ARN, a canonical user ID, or "*".
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
    /// </summary>
    public sealed class PrincipalArn : IEquatable<PrincipalArn>
    {
        private const string Fix = "Give a 12-digit account ID, an IAM ARN such as arn:aws:iam::111122223333:root, arn:aws:iam::111122223333:user/Name or arn:aws:iam::111122223333:role/Name, an assumed-role ARN arn:aws:sts::111122223333:assumed-role/Role/Session, or a 64-hex canonical user ID.";

        private PrincipalArn(PrincipalKind kind, string value, string? accountId, string partition, string? name, string? path, string? sessionName)
        {
            Kind = kind;
            Value = value;
            AccountId = accountId;
            Partition = partition;
            Name = name;
            Path = path;
            SessionName = sessionName;
        }

        public PrincipalKind Kind { get; }

        /// <summary>The text as it goes into the policy.</summary>
        public string Value { get; }

        /// <summary>The owning account (null for canonical users and "*").</summary>
        public string? AccountId { get; }

        public string Partition { get; }

        /// <summary>User or role name (for assumed roles, the role name).</summary>
        public string? Name { get; }

        /// <summary>IAM path of a user or role ("/" when none).</summary>
        public string? Path { get; }

        public string? SessionName { get; }

        /// <summary>The Principal element type: CanonicalUser for canonical IDs, AWS otherwise.</summary>
        public string PolicyPrincipalType => Kind == PrincipalKind.CanonicalUser ? PrincipalTypes.CanonicalUser : PrincipalTypes.Aws;

        public bool IsPublic => Kind == PrincipalKind.Public;

        public static PrincipalArn Parse(string? text)
        {
            var error = TryParseCore(text, out var p, out var code);
            if (error != null)
            {
                throw new XAccountException(code, $"{Printable.Quote(text)} is not a principal: {error}.", text, Fix);
            }

            return p!;
        }

        public static bool TryParse(string? text, out PrincipalArn? principal) => TryParseCore(text, out principal, out _) == null;

        /// <summary>Why <paramref name="text"/> is not a principal (null when it is one), for lint findings.</summary>
        internal static string? Problem(string? text, out PrincipalArn? principal) => TryParseCore(text, out principal, out _);

        private static string? TryParseCore(string? text, out PrincipalArn? p, out ErrorCode code)
        {
            p = null;
            code = ErrorCode.InvalidPrincipal;
            if (string.IsNullOrEmpty(text))
            {
                return "it is empty";
            }

            var t = text!;
            if (t == "*")
            {
                p = new PrincipalArn(PrincipalKind.Public, "*", null, Identifiers.Partition.Aws, null, null, null);
                return null;
            }

            if (!t.StartsWith("arn:", StringComparison.Ordinal))
            {
                if (t.Length == 64)
                {
                    code = ErrorCode.InvalidCanonicalUserId;
                    if (!CanonicalUserId.TryParse(t, out var id))
                    {
                        return "a 64-character value must be a canonical user ID made of hex digits";
                    }

                    p = new PrincipalArn(PrincipalKind.CanonicalUser, id!.Value, null, Identifiers.Partition.Aws, null, null, null);
                    return null;
                }

                var accountError = Identifiers.AccountId.Validate(t);
                if (accountError != null)
                {
                    code = ErrorCode.InvalidAccountId;
                    return "it is neither an ARN nor an account ID (" + accountError + ")";
                }

                p = new PrincipalArn(PrincipalKind.AccountId, t, t, Identifiers.Partition.Aws, null, null, null);
                return null;
            }

            var arnError = Arn.TryParseCore(t, out var arn);
            if (arnError != null)
            {
                code = ErrorCode.InvalidArn;
                return arnError;
            }

            if (arn!.Region.Length != 0)
            {
                return "IAM and STS principal ARNs have an empty region part (arn:aws:iam::account:...)";
            }

            if (!Identifiers.AccountId.IsValid(arn.Account))
            {
                return "the account part must be a 12-digit account ID";
            }

            var r = arn.Resource;
            if (arn.Service == "iam")
            {
                if (r == "root")
                {
                    p = new PrincipalArn(PrincipalKind.AccountRoot, t, arn.Account, arn.Partition, null, null, null);
                    return null;
                }

                PrincipalKind kind;
                if (r.StartsWith("user/", StringComparison.Ordinal))
                {
                    kind = PrincipalKind.User;
                }
                else if (r.StartsWith("role/", StringComparison.Ordinal))
                {
                    kind = PrincipalKind.Role;
                }
                else
                {
                    return $"the IAM resource '{r}' is not root, user/... or role/... (groups and policies cannot be principals)";
                }

                var rest = r.Substring(5);
                var slash = rest.LastIndexOf('/');
                var path = slash < 0 ? "/" : "/" + rest.Substring(0, slash + 1);
                var name = rest.Substring(slash + 1);
                var nameError = CheckName(name, kind == PrincipalKind.User ? "user" : "role") ?? CheckPath(path);
                if (nameError != null)
                {
                    return nameError;
                }

                p = new PrincipalArn(kind, t, arn.Account, arn.Partition, name, path, null);
                return null;
            }

            if (arn.Service == "sts")
            {
                var segments = r.Split('/');
                if (segments.Length != 3 || segments[0] != "assumed-role")
                {
                    return "an STS principal must be assumed-role/role-name/session-name";
                }

                var err = CheckName(segments[1], "role") ?? CheckSession(segments[2]);
                if (err != null)
                {
                    return err;
                }

                p = new PrincipalArn(PrincipalKind.AssumedRole, t, arn.Account, arn.Partition, segments[1], null, segments[2]);
                return null;
            }

            return $"the service '{arn.Service}' does not name principals; use an iam or sts ARN";
        }

        // IAM names: 1-64 of [A-Za-z0-9+=,.@_-] (role names) — user names allow the same set.
        // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
        private static string? CheckName(string name, string what)
        {
            if (name.Length == 0 || name.Length > 64)
            {
                return $"the {what} name must be 1 to 64 characters";
            }

            foreach (var c in name)
            {
                if (!(char.IsLetterOrDigit(c) && c < 128) && "+=,.@_-".IndexOf(c) < 0)
                {
                    return $"the {what} name '{name}' contains '{c}'";
                }
            }

            return null;
        }

        // Paths: "/" or "/a/b/", up to 512 printable ASCII characters.
        private static string? CheckPath(string path)
        {
            if (path.Length > 512)
            {
                return "the path is longer than 512 characters";
            }

            if (path.Contains("//"))
            {
                return $"the path '{path}' has an empty segment";
            }

            foreach (var c in path)
            {
                if (c < 0x21 || c > 0x7E)
                {
                    return $"the path '{path}' contains a character outside printable ASCII";
                }
            }

            return null;
        }

        // Role session names: 2-64 of [\w+=,.@-]. https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
        private static string? CheckSession(string name)
        {
            if (name.Length < 2 || name.Length > 64)
            {
                return "the session name must be 2 to 64 characters";
            }

            foreach (var c in name)
            {
                if (!(char.IsLetterOrDigit(c) && c < 128) && "+=,.@_-".IndexOf(c) < 0)
                {
                    return $"the session name '{name}' contains '{c}'";
                }
            }

            return null;
        }

        public bool Equals(PrincipalArn? other) => other != null && other.Value == Value;

        public override bool Equals(object? obj) => Equals(obj as PrincipalArn);

        public override int GetHashCode() => Value.GetHashCode();

        public override string ToString() => Value;
    }
}
