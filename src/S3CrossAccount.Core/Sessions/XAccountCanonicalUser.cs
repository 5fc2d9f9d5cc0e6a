namespace S3CrossAccount.Core.Sessions
{
    /// <summary>
    /// An account's S3 canonical user ID, the identifier ACL grants use
    /// (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html).
    /// </summary>
    public sealed class XAccountCanonicalUser
    {
        public XAccountCanonicalUser(string canonicalUserId, string? displayName)
        {
            CanonicalUserId = canonicalUserId;
            DisplayName = string.IsNullOrEmpty(displayName) ? null : displayName;
        }

        public string CanonicalUserId { get; }

        /// <summary>S3 stops returning display names from November 2025; usually null.</summary>
        public string? DisplayName { get; }

        public override string ToString() => CanonicalUserId;
    }
}
