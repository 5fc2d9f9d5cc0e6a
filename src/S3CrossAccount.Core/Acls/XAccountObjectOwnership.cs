using S3CrossAccount.Core.Evaluation;

namespace S3CrossAccount.Core.Acls
{
    /// <summary>Where an Object Ownership value came from.</summary>
    public enum OwnershipSource
    {
        /// <summary>The bucket's ownership controls say so.</summary>
        Configured,

        /// <summary>
        /// The bucket has no ownership controls (OwnershipControlsNotFoundError): a bucket created before
        /// April 2023, or one whose controls were deleted, behaves as ObjectWriter with ACLs enabled.
        /// </summary>
        NotConfigured,

        /// <summary>
        /// The server answered without a readable ownership rule (S3-compatible servers such as radosgw do
        /// not implement ownership controls); ACLs are taken to be enabled, as they are on such servers.
        /// </summary>
        Unrecognized,
    }

    /// <summary>A bucket's Object Ownership setting and whether ACLs are in force there.</summary>
    public sealed class XAccountObjectOwnership
    {
        public XAccountObjectOwnership(string bucket, ObjectOwnership objectOwnership, OwnershipSource source, bool changed = false, ObjectOwnership? previous = null)
        {
            Bucket = bucket;
            ObjectOwnership = objectOwnership;
            Source = source;
            Changed = changed;
            PreviousObjectOwnership = previous;
        }

        public string Bucket { get; }

        public ObjectOwnership ObjectOwnership { get; }

        /// <summary>False only for BucketOwnerEnforced: then ACLs are disabled and grant nothing (<see cref="ObjectOwnershipRules"/>).</summary>
        public bool AclsEnabled => ObjectOwnershipRules.AclsEnabled(ObjectOwnership);

        public OwnershipSource Source { get; }

        /// <summary>Set-XAccountObjectOwnership: whether it wrote a new setting.</summary>
        public bool Changed { get; }

        /// <summary>Set-XAccountObjectOwnership: the setting before the change (null when nothing was read).</summary>
        public ObjectOwnership? PreviousObjectOwnership { get; }

        public override string ToString() => Bucket + ": " + ObjectOwnership;
    }
}
