using System;
using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation.Acls;

namespace S3CrossAccount.Core.Acls
{
    /// <summary>
    /// Grant and revoke on an existing ACL without losing anything. S3 has no "add one grant" call: a
    /// PutBucketAcl/PutObjectAcl replaces the whole ACL, so the new ACL is always the old one (every grant,
    /// the owner's FULL_CONTROL and foreign grants included, in their order) plus or minus exactly the
    /// grants named. Grants compare exactly (grantee and permission): FULL_CONTROL does not absorb READ,
    /// because S3 stores and reports them as separate grants.
    /// </summary>
    public static class AclMerger
    {
        /// <summary>An ACL holds at most 100 grants (https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html).</summary>
        public const int MaxGrants = 100;

        /// <summary>Adds the grants that are not there yet; a grant already present is not repeated.</summary>
        public static AclEdit Grant(AccessControlList acl, IEnumerable<AclGrant> grants)
        {
            if (acl == null) throw new ArgumentNullException(nameof(acl));
            if (grants == null) throw new ArgumentNullException(nameof(grants));

            var present = new HashSet<AclGrant>(acl.Grants);
            var added = new List<AclGrant>();
            foreach (var grant in grants)
            {
                if (present.Add(grant))
                {
                    added.Add(grant);
                }
            }

            var result = acl.Grants.Concat(added).ToList();
            if (added.Count > 0 && result.Count > MaxGrants)
            {
                throw new XAccountException(ErrorCode.AclGrantLimitExceeded,
                    $"The ACL would hold {result.Count} grants; S3 allows at most {MaxGrants}.", null,
                    "Revoke grants that are no longer needed, or grant access with a bucket policy instead.");
            }

            return new AclEdit(acl, With(acl, result), added, Array.Empty<AclGrant>());
        }

        /// <summary>Removes every grant equal to one named (grantee and permission); all other grants stay, in order.</summary>
        public static AclEdit Revoke(AccessControlList acl, IEnumerable<AclGrant> grants)
        {
            if (acl == null) throw new ArgumentNullException(nameof(acl));
            if (grants == null) throw new ArgumentNullException(nameof(grants));

            var named = new HashSet<AclGrant>(grants);
            var kept = acl.Grants.Where(g => !named.Contains(g)).ToList();
            var removed = acl.Grants.Where(named.Contains).Distinct().ToList();
            return new AclEdit(acl, With(acl, kept), Array.Empty<AclGrant>(), removed);
        }

        private static AccessControlList With(AccessControlList acl, IEnumerable<AclGrant> grants) =>
            new AccessControlList(acl.OwnerAccount, grants, acl.OwnerCanonicalId);
    }
}
