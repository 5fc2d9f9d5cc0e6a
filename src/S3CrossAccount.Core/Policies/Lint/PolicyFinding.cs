namespace S3CrossAccount.Core.Policies.Lint
{
    public enum FindingSeverity
    {
        Error,
        Warning,
        Information,
    }

    /// <summary>The kind of policy a document is, which sets its size limit.</summary>
    public enum PolicyKind
    {
        /// <summary>Guess from the content: principals and sts:AssumeRole without resources = trust policy, principals = bucket policy, otherwise a managed policy.</summary>
        Auto,
        BucketPolicy,
        TrustPolicy,
        ManagedPolicy,
        InlineUserPolicy,
        InlineRolePolicy,
        InlineGroupPolicy,
    }

    /// <summary>One lint finding. Codes are stable strings: test against them.</summary>
    public sealed class PolicyFinding
    {
        public PolicyFinding(FindingSeverity severity, string code, string message, int? statementIndex = null, string? sid = null)
        {
            Severity = severity;
            Code = code;
            Message = message;
            StatementIndex = statementIndex;
            Sid = sid;
        }

        public FindingSeverity Severity { get; }

        public string Code { get; }

        public string Message { get; }

        /// <summary>0-based statement index; null for findings about the whole document.</summary>
        public int? StatementIndex { get; }

        public string? Sid { get; }

        public override string ToString() => $"{Severity} {Code}{(StatementIndex == null ? string.Empty : $" (statement #{StatementIndex + 1})")}: {Message}";
    }
}
