using System;
using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation.Requests;

namespace S3CrossAccount.Core.Evaluation.Acls
{
    /// <summary>ACL permissions (https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#permissions).</summary>
    public enum AclPermission
    {
        Read,
        Write,
        ReadAcp,
        WriteAcp,
        FullControl,
    }

    public enum AclGranteeKind
    {
        /// <summary>An account by canonical user ID.</summary>
        CanonicalUser,

        /// <summary>An account by its 12-digit ID (offline convenience: AWS stores the canonical ID).</summary>
        Account,

        /// <summary>A predefined group: AllUsers or AuthenticatedUsers (or, read from S3, any other group such as LogDelivery).</summary>
        Group,

        /// <summary>
        /// An account by the e-mail address of its root user (x-amz-grant-* form emailAddress="..."; S3 stores the
        /// canonical ID instead, and AWS discontinued e-mail grantees in most regions in October 2025).
        /// </summary>
        Email,
    }

    /// <summary>One grant of an S3 bucket or object ACL. ACLs grant to accounts and groups only, never deny, have no conditions.</summary>
    public sealed class AclGrant : IEquatable<AclGrant>
    {
        public const string AllUsersUri = "http://acs.amazonaws.com/groups/global/AllUsers";
        public const string AuthenticatedUsersUri = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

        public AclGrant(AclGranteeKind kind, string grantee, AclPermission permission)
        {
            Kind = kind;
            Grantee = grantee;
            Permission = permission;
        }

        public AclGranteeKind Kind { get; }

        public string Grantee { get; }

        public AclPermission Permission { get; }

        /// <summary>True for the AllUsers and AuthenticatedUsers groups: a grant to either makes the resource public.</summary>
        public bool IsPublic => Kind == AclGranteeKind.Group && (Grantee == AllUsersUri || Grantee == AuthenticatedUsersUri);

        /// <summary>
        /// Parses "id=&lt;canonical&gt;", "account=&lt;12 digits&gt;", "uri=&lt;group URI&gt;", a bare 12-digit account ID,
        /// a bare 64-hex canonical ID, emailAddress="...", or AllUsers/AuthenticatedUsers (the x-amz-grant-* header grammar);
        /// permission as READ, WRITE, READ_ACP, WRITE_ACP, FULL_CONTROL (or Read, FullControl, ...).
        /// </summary>
        public static AclGrant Parse(string grantee, string permission) => new AclGrant(ParseKind(grantee, out var id), id, ParsePermission(permission));

        public static AclPermission ParsePermission(string text)
        {
            switch ((text ?? string.Empty).Trim().Replace("_", string.Empty).Replace("-", string.Empty).ToUpperInvariant())
            {
                case "READ": return AclPermission.Read;
                case "WRITE": return AclPermission.Write;
                case "READACP": return AclPermission.ReadAcp;
                case "WRITEACP": return AclPermission.WriteAcp;
                case "FULLCONTROL": return AclPermission.FullControl;
                default:
                    throw new XAccountException(ErrorCode.InvalidAclGrant, $"'{text}' is not an ACL permission.", text, "Use READ, WRITE, READ_ACP, WRITE_ACP or FULL_CONTROL.");
            }
        }

        private static AclGranteeKind ParseKind(string text, out string id)
        {
            var t = (text ?? string.Empty).Trim();
            int eq = t.IndexOf('=');
            if (eq > 0)
            {
                var type = t.Substring(0, eq).Trim().ToLowerInvariant();
                id = t.Substring(eq + 1).Trim().Trim('"');
                if (type == "id" && id.Length > 0)
                {
                    return AccountIds.IsAccountId(id) ? AclGranteeKind.Account : AclGranteeKind.CanonicalUser;
                }

                if (type == "account" && AccountIds.IsAccountId(id))
                {
                    return AclGranteeKind.Account;
                }

                if (type == "uri" && (id == AllUsersUri || id == AuthenticatedUsersUri))
                {
                    return AclGranteeKind.Group;
                }

                if (type == "emailaddress" && id.IndexOf('@') > 0)
                {
                    id = id.ToLowerInvariant();
                    return AclGranteeKind.Email;
                }
            }
            else if (AccountIds.IsAccountId(t))
            {
                id = t;
                return AclGranteeKind.Account;
            }
            else if (string.Equals(t, "AllUsers", StringComparison.OrdinalIgnoreCase))
            {
                id = AllUsersUri;
                return AclGranteeKind.Group;
            }
            else if (string.Equals(t, "AuthenticatedUsers", StringComparison.OrdinalIgnoreCase))
            {
                id = AuthenticatedUsersUri;
                return AclGranteeKind.Group;
            }
            else if (t.Length == 64 && t.All(Uri.IsHexDigit))
            {
                id = t.ToLowerInvariant();
                return AclGranteeKind.CanonicalUser;
            }

            throw new XAccountException(ErrorCode.InvalidAclGrant, $"'{text}' is not an ACL grantee.", text, "Use id=<canonical user id>, account=<12-digit id>, uri=http://acs.amazonaws.com/groups/global/AllUsers (or AuthenticatedUsers).");
        }

        /// <summary>The permission as S3 spells it: READ, WRITE, READ_ACP, WRITE_ACP, FULL_CONTROL.</summary>
        public static string PermissionName(AclPermission permission)
        {
            switch (permission)
            {
                case AclPermission.Read: return "READ";
                case AclPermission.Write: return "WRITE";
                case AclPermission.ReadAcp: return "READ_ACP";
                case AclPermission.WriteAcp: return "WRITE_ACP";
                default: return "FULL_CONTROL";
            }
        }

        /// <summary>Same grantee (kind and identifier, compared exactly) and same permission.</summary>
        public bool Equals(AclGrant? other) =>
            other != null && other.Kind == Kind && other.Permission == Permission && string.Equals(other.Grantee, Grantee, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as AclGrant);

        public override int GetHashCode() => ((int)Kind * 31 + (int)Permission) * 397 ^ StringComparer.Ordinal.GetHashCode(Grantee ?? string.Empty);

        public override string ToString() => $"{Grantee}:{Permission}";
    }

    /// <summary>A bucket or object ACL: the owner (who always keeps READ_ACP and WRITE_ACP) and the grants (at most 100).</summary>
    public sealed class AccessControlList
    {
        public AccessControlList(string ownerAccount, IEnumerable<AclGrant>? grants = null, string? ownerCanonicalId = null)
        {
            OwnerAccount = ownerAccount;
            OwnerCanonicalId = ownerCanonicalId;
            Grants = grants?.ToArray() ?? Array.Empty<AclGrant>();
        }

        /// <summary>The default ACL: the owner has FULL_CONTROL and nobody else has anything.</summary>
        public static AccessControlList Private(string ownerAccount) =>
            new AccessControlList(ownerAccount, new[] { new AclGrant(AclGranteeKind.Account, ownerAccount, AclPermission.FullControl) });

        public string OwnerAccount { get; }

        public string? OwnerCanonicalId { get; }

        public IReadOnlyList<AclGrant> Grants { get; }
    }
}
