using S3CrossAccount.Core.Evaluation.Results;
using S3CrossAccount.Core.Probes;
using Xunit;

namespace S3CrossAccount.Core.Tests.Probes
{
    public class ProbeClassifierTests
    {
        [Theory]
        [InlineData("s3:GetObject", 206, null, ProbeOutcome.Allowed)]
        [InlineData("s3:GetObject", 200, null, ProbeOutcome.Allowed)]
        [InlineData("s3:GetObject", 403, "AccessDenied", ProbeOutcome.Denied)]
        [InlineData("s3:GetObject", 416, "InvalidRange", ProbeOutcome.Allowed)]
        [InlineData("s3:GetObject", 404, "NoSuchKey", ProbeOutcome.NotFound)]
        [InlineData("s3:ListBucket", 404, "NoSuchBucket", ProbeOutcome.NotFound)]
        [InlineData("s3:GetBucketPolicy", 404, "NoSuchBucketPolicy", ProbeOutcome.Allowed)]
        [InlineData("s3:GetBucketPolicy", 405, "MethodNotAllowed", ProbeOutcome.Denied)]
        [InlineData("s3:PutObject", 405, "MethodNotAllowed", ProbeOutcome.Error)]
        [InlineData("s3:GetObject", 403, null, ProbeOutcome.Denied)]
        [InlineData("s3:GetObject", 404, null, ProbeOutcome.NotFound)]
        [InlineData("s3:GetObject", 503, "SlowDown", ProbeOutcome.Error)]
        [InlineData("s3:GetObject", 403, "AllAccessDisabled", ProbeOutcome.Denied)]
        public void Classify_MapsStatusAndCode(string action, int status, string? code, ProbeOutcome expected)
        {
            Assert.Equal(expected, ProbeClassifier.Classify(action, status, code));
        }

        [Theory]
        [InlineData(ProbeOutcome.Allowed, Decision.Allowed, true)]
        [InlineData(ProbeOutcome.Denied, Decision.ImplicitDeny, true)]
        [InlineData(ProbeOutcome.Denied, Decision.ExplicitDeny, true)]
        [InlineData(ProbeOutcome.Denied, Decision.Allowed, false)]
        [InlineData(ProbeOutcome.Allowed, Decision.ImplicitDeny, false)]
        [InlineData(ProbeOutcome.Skipped, Decision.Allowed, null)]
        [InlineData(ProbeOutcome.NotFound, Decision.Allowed, null)]
        [InlineData(ProbeOutcome.Error, Decision.ImplicitDeny, null)]
        public void Prediction_MatchesOnlyWhenThePermissionWasObserved(ProbeOutcome outcome, Decision predicted, bool? matches)
        {
            var result = new LiveProbeResult("bucket", "k", "s3:GetObject", outcome, null, null).WithPrediction(predicted);
            Assert.Equal(predicted, result.Predicted);
            Assert.Equal(matches, result.MatchesPrediction);
        }

        [Fact]
        public void ResourceArn_IsTheObjectOrTheBucket()
        {
            Assert.Equal("arn:aws:s3:::bucket/a/b.txt", new LiveProbeResult("bucket", "a/b.txt", "s3:GetObject", ProbeOutcome.Allowed, null, null).ResourceArn);
            Assert.Equal("arn:aws:s3:::bucket", new LiveProbeResult("bucket", null, "s3:ListBucket", ProbeOutcome.Denied, "AccessDenied", null).ResourceArn);
            Assert.Equal("s3:ListBucket arn:aws:s3:::bucket: Denied (AccessDenied)", new LiveProbeResult("bucket", null, "s3:ListBucket", ProbeOutcome.Denied, "AccessDenied", null).ToString());
        }
    }
}
