using System.Collections.Generic;
using S3CrossAccount.Core.Evaluation.Acls;

namespace S3CrossAccount.Core.Acls
{
    /// <summary>The outcome of granting or revoking on one ACL: the ACL before and after, and exactly what differs.</summary>
    public sealed class AclEdit
    {
        public AclEdit(AccessControlList before, AccessControlList after, IReadOnlyList<AclGrant> added, IReadOnlyList<AclGrant> removed)
        {
            Before = before;
            After = after;
            Added = added;
            Removed = removed;
        }

        public AccessControlList Before { get; }

        public AccessControlList After { get; }

        public IReadOnlyList<AclGrant> Added { get; }

        public IReadOnlyList<AclGrant> Removed { get; }

        /// <summary>False when the ACL already was what was asked for: then nothing must be written.</summary>
        public bool Changed => Added.Count > 0 || Removed.Count > 0;
    }
}
