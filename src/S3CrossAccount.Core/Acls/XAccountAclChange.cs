using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Core.Evaluation.Acls;

namespace S3CrossAccount.Core.Acls
{
    /// <summary>What Grant-XAccountAcl or Revoke-XAccountAcl did to one bucket ACL or object ACL.</summary>
    public sealed class XAccountAclChange
    {
        public XAccountAclChange(string bucket, string? key, AclEdit edit)
        {
            Bucket = bucket;
            Key = key;
            Owner = edit.After.OwnerCanonicalId;
            Added = edit.Added.ToArray();
            Removed = edit.Removed.ToArray();
            Grants = edit.After.Grants.ToArray();
            Changed = edit.Changed;
        }

        public string Bucket { get; }

        /// <summary>The object's key; null for the bucket ACL.</summary>
        public string? Key { get; }

        /// <summary>"bucket" or "bucket/key".</summary>
        public string Target => Key == null ? Bucket : Bucket + "/" + Key;

        /// <summary>The canonical user ID of the bucket's or object's owner.</summary>
        public string? Owner { get; }

        /// <summary>Grants this run added (none when they were all there already).</summary>
        public IReadOnlyList<AclGrant> Added { get; }

        /// <summary>Grants this run removed.</summary>
        public IReadOnlyList<AclGrant> Removed { get; }

        /// <summary>The whole ACL as it now is.</summary>
        public IReadOnlyList<AclGrant> Grants { get; }

        /// <summary>False when the ACL already was as asked, so nothing was written.</summary>
        public bool Changed { get; }

        public override string ToString() => Target + (Changed ? " (changed)" : " (unchanged)");
    }
}
