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

        /// <summary>A predefined group: AllUsers or AuthenticatedUsers.</summary>
        Group,
    }

    /// <summary>One grant of an S3 bucket or object ACL. ACLs grant to accounts and groups only, never deny, have no conditions.</summary>
    public sealed class AclGrant
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

        /// <summary>
        /// Parses "id=&lt;canonical&gt;", "account=&lt;12 digits&gt;", "uri=&lt;group URI&gt;", a bare 12-digit account ID,
        /// a bare 64-hex canonical ID, or AllUsers/AuthenticatedUsers (the x-amz-grant-* header grammar);
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
