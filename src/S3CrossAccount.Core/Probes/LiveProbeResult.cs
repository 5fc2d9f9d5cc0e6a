using S3CrossAccount.Core.Evaluation.Results;
using S3CrossAccount.Core.Identifiers;

namespace S3CrossAccount.Core.Probes
{
    /// <summary>
    /// One live request made with the grantee's credentials (Test-XAccountAccess -Live), and, when offline
    /// policies were given, what the offline evaluator predicted for the same request.
    /// </summary>
    public sealed class LiveProbeResult
    {
        public LiveProbeResult(string bucket, string? key, string action, ProbeOutcome outcome, string? errorCode, string? message)
        {
            Bucket = bucket;
            Key = key;
            Action = action;
            Outcome = outcome;
            ErrorCode = errorCode;
            Message = message;
        }

        public string Bucket { get; }

        /// <summary>The object probed, or null for bucket-level actions.</summary>
        public string? Key { get; }

        /// <summary>The IAM action the request needs, e.g. s3:GetObject.</summary>
        public string Action { get; }

        public ProbeOutcome Outcome { get; }

        /// <summary>True when S3 authorized the request.</summary>
        public bool Allowed => Outcome == ProbeOutcome.Allowed;

        /// <summary>The S3 error code (AccessDenied, NoSuchKey, ...), or null on success.</summary>
        public string? ErrorCode { get; }

        /// <summary>The service's message or why the probe was skipped.</summary>
        public string? Message { get; }

        /// <summary>The offline evaluator's decision for the same request, when policies were given.</summary>
        public Decision? Predicted { get; private set; }

        /// <summary>
        /// Whether the live result agrees with <see cref="Predicted"/>; null when there is no prediction or the
        /// probe saw no permission (skipped, not found, error). False means a policy the evaluator did not see is
        /// in play: an SCP or RCP, a permissions boundary, a session policy, a KMS key policy, or an ACL.
        /// </summary>
        public bool? MatchesPrediction { get; private set; }

        /// <summary>The resource ARN the action was probed on.</summary>
        public string ResourceArn => Key == null ? S3ResourceArn.ForBucket(Bucket) : S3ResourceArn.ForObject(Bucket, Key);

        /// <summary>The write probe's two rows when it was asked for but not run.</summary>
        public static LiveProbeResult[] SkippedWrites(string bucket, string why) => new[]
        {
            new LiveProbeResult(bucket, null, "s3:PutObject", ProbeOutcome.Skipped, null, why),
            new LiveProbeResult(bucket, null, "s3:DeleteObject", ProbeOutcome.Skipped, null, why),
        };

        public LiveProbeResult WithPrediction(Decision predicted)
        {
            Predicted = predicted;
            MatchesPrediction = Outcome == ProbeOutcome.Allowed || Outcome == ProbeOutcome.Denied
                ? (Outcome == ProbeOutcome.Allowed) == (predicted == Decision.Allowed)
                : (bool?)null;
            return this;
        }

        public override string ToString() => Action + " " + ResourceArn + ": " + Outcome + (ErrorCode == null ? string.Empty : " (" + ErrorCode + ")");
    }
}
