namespace S3CrossAccount.IntegrationTests.Faults
{
    /// <summary>What the proxy does to a request a <see cref="FaultRule"/> matches.</summary>
    public enum FaultKind
    {
        /// <summary>503 with an S3 error body, Code SlowDown (S3's throttling answer). Not forwarded.</summary>
        SlowDown,

        /// <summary>500 with an S3 error body, Code InternalError. Not forwarded.</summary>
        InternalError,

        /// <summary>400 with an IAM/STS Query error body (ErrorResponse), Code Throttling. Not forwarded.</summary>
        Throttling,

        /// <summary>Waits <see cref="FaultRule.Delay"/>, then forwards normally.</summary>
        Delay,

        /// <summary>Reads the request, then aborts the connection (TCP reset) without forwarding it.</summary>
        ResetBeforeForward,

        /// <summary>Forwards the request (the server acts on it), then aborts the connection instead of answering.</summary>
        ResetAfterForward,
    }
}
