namespace S3CrossAccount.Core.Evaluation.Requests
{
    /// <summary>Who makes the request, as far as policy evaluation cares.</summary>
    public enum PrincipalKind
    {
        /// <summary>An unsigned request.</summary>
        Anonymous,

        /// <summary>The account root user (arn:aws:iam::111122223333:root).</summary>
        AccountRoot,

        User,
        Role,

        /// <summary>A role session (arn:aws:sts::111122223333:assumed-role/RoleName/SessionName).</summary>
        AssumedRole,

        /// <summary>An AWS service principal (s3.amazonaws.com).</summary>
        Service,
    }
}
