using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation.Acls;
using S3CrossAccount.Core.Identifiers;

namespace S3CrossAccount.Core.Acls
{
    /// <summary>
    /// What Grant-XAccountAcl and Revoke-XAccountAcl accept as a grant, checked before any AWS call: the target
    /// (bucket ACL, one object, or every object under a prefix), the permissions it can hold, the grantee's
    /// canonical ID as text, and public groups.
    /// https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html
    /// </summary>
    public static class AclGrantRules
    {
        /// <summary>-Key names one object, -Prefix every object under it; both at once is ambiguous.</summary>
        public static void CheckTarget(string? key, string? prefix)
        {
            if (key != null && prefix != null)
            {
                throw new XAccountException(ErrorCode.InvalidParameterCombination, "-Key and -Prefix cannot be used together.", "Prefix",
                    "Use -Key for one object, -Prefix for every object under a prefix, or neither for the bucket ACL.");
            }
        }

        /// <summary>The permissions, once each; WRITE is refused on an object target (it applies to buckets only).</summary>
        public static IReadOnlyList<AclPermission> Permissions(IEnumerable<string> names, bool objectTarget)
        {
            var permissions = names.Select(AclGrant.ParsePermission).Distinct().ToList();
            if (objectTarget && permissions.Contains(AclPermission.Write))
            {
                // acl-overview.html#permissions: WRITE is "Not applicable" to objects.
                throw new XAccountException(ErrorCode.InvalidAclGrant, "WRITE is a bucket permission: an object ACL cannot grant it.", "WRITE",
                    "Grant WRITE on the bucket ACL (without -Key/-Prefix), and READ (or READ_ACP, WRITE_ACP, FULL_CONTROL) on objects.");
            }

            return permissions;
        }

        /// <summary>
        /// A grantee given as a canonical user ID. An account ID is refused (ACLs name accounts by canonical ID, and
        /// a bucket owner cannot look another account's up); any other text S3 could take is accepted, since
        /// S3-compatible servers use other forms than AWS's 64 hex digits. AWS's form is lower-cased as S3 reports it,
        /// so the same grant given in capitals is not added twice.
        /// </summary>
        public static AclGrant CanonicalUser(string id, AclPermission permission = AclPermission.Read)
        {
            var text = id.Trim();
            if (AccountId.IsValid(text))
            {
                throw new XAccountException(ErrorCode.InvalidCanonicalUserId, $"'{text}' is an account ID, not a canonical user ID.", text,
                    "Use -AccountId with -GranteeProfileName (the canonical ID is then looked up), or pass the output of Get-XAccountCanonicalId run with the other account's credentials.");
            }

            if (text.Length == 0 || text.Any(c => char.IsWhiteSpace(c) || c == '"' || c == ','))
            {
                throw new XAccountException(ErrorCode.InvalidCanonicalUserId, $"'{id}' is not a canonical user ID.", id,
                    "Pass the ID that Get-XAccountCanonicalId returns for the other account (64 hexadecimal characters on AWS).");
            }

            return new AclGrant(AclGranteeKind.CanonicalUser, CanonicalUserId.IsValid(text) ? text.ToLowerInvariant() : text, permission);
        }

        /// <summary>Every grantee with every permission, once each.</summary>
        public static IReadOnlyList<AclGrant> Combine(IEnumerable<AclGrant> grantees, IReadOnlyList<AclPermission> permissions) =>
            grantees.SelectMany(g => permissions.Select(p => new AclGrant(g.Kind, g.Grantee, p))).Distinct().ToList();

        /// <summary>A grant to AllUsers or AuthenticatedUsers makes the target public: refused unless asked for.</summary>
        public static void CheckPublic(IEnumerable<AclGrant> grants, bool allowPublic)
        {
            var open = grants.FirstOrDefault(g => g.IsPublic);
            if (open != null && !allowPublic)
            {
                throw new XAccountException(ErrorCode.PublicPrincipalNotAllowed,
                    $"A grant to {open.Grantee} makes the target readable or writable by {(open.Grantee == AclGrant.AllUsersUri ? "anyone on the internet" : "any AWS account")}.",
                    open.Grantee,
                    "Grant to the other account's canonical ID instead (-CanonicalId or -AccountId); add -AllowPublic only if the data must really be public.");
            }
        }
    }
}
