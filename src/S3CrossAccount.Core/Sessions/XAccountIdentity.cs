namespace S3CrossAccount.Core.Sessions
{
    /// <summary>Who the caller is, as STS GetCallerIdentity reports it.</summary>
    public sealed class XAccountIdentity
    {
        public XAccountIdentity(string account, string arn, string userId)
        {
            Account = account;
            Arn = arn;
            UserId = userId;
        }

        /// <summary>The 12-digit account ID.</summary>
        public string Account { get; }

        public string Arn { get; }

        /// <summary>The unique ID (AIDA... for a user, AROA...:session for a role session).</summary>
        public string UserId { get; }

        public override string ToString() => Arn;
    }
}
