namespace S3CrossAccount.Core.Probes
{
    /// <summary>What a live request told us about the caller's permission.</summary>
    public enum ProbeOutcome
    {
        /// <summary>S3 authorized the request (it may still have failed later, e.g. an empty object's range).</summary>
        Allowed,

        /// <summary>S3 refused it for lack of permission.</summary>
        Denied,

        /// <summary>The bucket or key does not exist, so the permission could not be observed.</summary>
        NotFound,

        /// <summary>Not attempted (no object to probe, or a write the caller did not ask for).</summary>
        Skipped,

        /// <summary>Any other failure (throttling that outlasted the retries, a network error, ...).</summary>
        Error,
    }
}
