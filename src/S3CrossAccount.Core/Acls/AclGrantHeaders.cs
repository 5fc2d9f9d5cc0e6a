using System;
using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation.Acls;

namespace S3CrossAccount.Core.Acls
{
    /// <summary>
    /// An ACL as the five x-amz-grant-* request headers of PutBucketAcl/PutObjectAcl
    /// (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObjectAcl.html): each header lists its
    /// grantees as id="canonical", uri="group URI" or emailAddress="address", separated by ", ".
    /// The headers replace the whole ACL, so they must carry every grant to keep. They are used
    /// instead of the AccessControlPolicy XML body because S3-compatible servers (radosgw) reject the
    /// body the SDK writes, while AWS and they agree on the headers.
    /// </summary>
    public static class AclGrantHeaders
    {
        public const string Read = "x-amz-grant-read";
        public const string Write = "x-amz-grant-write";
        public const string ReadAcp = "x-amz-grant-read-acp";
        public const string WriteAcp = "x-amz-grant-write-acp";
        public const string FullControl = "x-amz-grant-full-control";

        /// <summary>The header that carries a permission.</summary>
        public static string HeaderFor(AclPermission permission)
        {
            switch (permission)
            {
                case AclPermission.Read: return Read;
                case AclPermission.Write: return Write;
                case AclPermission.ReadAcp: return ReadAcp;
                case AclPermission.WriteAcp: return WriteAcp;
                default: return FullControl;
            }
        }

        /// <summary>
        /// The header values for the grants, keyed by header name, in the order read, write, read-acp,
        /// write-acp, full-control; a permission nobody holds has no header. Grantees keep their order and
        /// appear once per header. An account grantee (12-digit ID) cannot be written: S3 needs its canonical ID.
        /// </summary>
        public static IReadOnlyList<KeyValuePair<string, string>> ToHeaders(IEnumerable<AclGrant> grants)
        {
            if (grants == null) throw new ArgumentNullException(nameof(grants));
            var list = grants.ToList();
            var headers = new List<KeyValuePair<string, string>>();
            foreach (AclPermission permission in new[] { AclPermission.Read, AclPermission.Write, AclPermission.ReadAcp, AclPermission.WriteAcp, AclPermission.FullControl })
            {
                var values = list.Where(g => g.Permission == permission).Select(GranteeValue).Distinct(StringComparer.Ordinal).ToList();
                if (values.Count > 0)
                {
                    headers.Add(new KeyValuePair<string, string>(HeaderFor(permission), string.Join(", ", values)));
                }
            }

            return headers;
        }

        /// <summary>One grantee in header form: id="...", uri="..." or emailAddress="...".</summary>
        public static string GranteeValue(AclGrant grant)
        {
            if (grant == null) throw new ArgumentNullException(nameof(grant));
            if (grant.Grantee.IndexOf('"') >= 0 || grant.Grantee.IndexOf(',') >= 0)
            {
                throw new XAccountException(ErrorCode.InvalidAclGrant, $"The grantee '{grant.Grantee}' cannot be written in an x-amz-grant-* header (it contains a quote or a comma).", grant.Grantee,
                    "Give the grantee's canonical user ID as Get-XAccountCanonicalId returns it.");
            }

            switch (grant.Kind)
            {
                case AclGranteeKind.CanonicalUser: return "id=\"" + grant.Grantee + "\"";
                case AclGranteeKind.Group: return "uri=\"" + grant.Grantee + "\"";
                case AclGranteeKind.Email: return "emailAddress=\"" + grant.Grantee + "\"";
                default:
                    throw new XAccountException(ErrorCode.InvalidAclGrant,
                        $"The account ID {grant.Grantee} cannot be an S3 ACL grantee: S3 ACLs name accounts by canonical user ID.", grant.Grantee,
                        "Look the canonical ID up with the grantee's credentials (-AccountId with -GranteeProfileName, or Get-XAccountCanonicalId) and grant to it.");
            }
        }
    }
}
