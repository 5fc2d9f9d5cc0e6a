namespace S3CrossAccount.Core.Reports
{
    /// <summary>How a principal outside the bucket's account reaches the bucket.</summary>
    public enum AccessPath
    {
        BucketPolicy,
        BucketAcl,
        ObjectAcl,

        /// <summary>By assuming a role of the bucket's account whose permissions reach the bucket.</summary>
        Role,
    }

    /// <summary>
    /// One row of Get-XAccountAccessReport: who outside the bucket's account can reach the bucket, through what,
    /// with which actions on which resources and under which conditions. Every property is a string, number or
    /// Boolean, so rows sort, Export-Csv and ConvertTo-Json cleanly.
    /// </summary>
    public sealed class AccessReportEntry
    {
        public AccessReportEntry(string bucket, string bucketAccount, string principal, string principalType, string? principalAccount,
            AccessPath path, string actions, string resources, string? condition, string source, bool isPublic)
        {
            Bucket = bucket;
            BucketAccount = bucketAccount;
            Principal = principal;
            PrincipalType = principalType;
            PrincipalAccount = principalAccount;
            Path = path;
            Actions = actions;
            Resources = resources;
            Condition = condition;
            Source = source;
            IsPublic = isPublic;
        }

        public string Bucket { get; }

        public string BucketAccount { get; }

        /// <summary>The outside principal as the policy or ACL names it: an ARN, an account ID, a canonical user ID, a service, a group URI, or "*".</summary>
        public string Principal { get; }

        /// <summary>AWS, CanonicalUser, Service, Federated, Group, or Public.</summary>
        public string PrincipalType { get; }

        /// <summary>The principal's 12-digit account when the name carries it; null for canonical IDs, services and groups.</summary>
        public string? PrincipalAccount { get; }

        public AccessPath Path { get; }

        /// <summary>The actions, comma-separated; a NotAction statement shows as "NOT a, b".</summary>
        public string Actions { get; }

        /// <summary>The resources, comma-separated; a NotResource statement shows as "NOT a, b".</summary>
        public string Resources { get; }

        /// <summary>The Condition block as compact JSON (for a role: the trust statement's), or null.</summary>
        public string? Condition { get; }

        /// <summary>Where the access comes from: the statement's Sid or "statement #n" (1-based), the ACL permissions, or the role ARN.</summary>
        public string Source { get; }

        /// <summary>Anyone (Principal "*", NotPrincipal, AllUsers) or any AWS account (AuthenticatedUsers) can use it.</summary>
        public bool IsPublic { get; }

        public override string ToString() => $"{Principal} via {Path} ({Source}): {Actions} on {Resources}";
    }
}
