using System;

namespace S3CrossAccount.Core.Probes
{
    /// <summary>
    /// Turns the HTTP status and S3 error code of a live request into a permission outcome. S3 checks
    /// authorization before it looks at ranges, policies that do not exist or keys that are missing, so
    /// several errors still prove the caller was allowed.
    /// </summary>
    public static class ProbeClassifier
    {
        public static ProbeOutcome Classify(string action, int statusCode, string? errorCode)
        {
            if (statusCode >= 200 && statusCode < 300)
            {
                return ProbeOutcome.Allowed;
            }

            switch (errorCode)
            {
                case "AccessDenied":
                case "AllAccessDisabled":
                case "AccountProblem":
                    return ProbeOutcome.Denied;

                // A 0-0 range on an empty object: the request got past authorization.
                // https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html (InvalidRange, 416)
                case "InvalidRange":
                    return ProbeOutcome.Allowed;

                // GetBucketPolicy on a bucket without a policy: allowed to ask, nothing to return.
                case "NoSuchBucketPolicy":
                    return ProbeOutcome.Allowed;

                // "If you have the correct permissions, but you're not using an identity that belongs to the bucket
                // owner's account, Amazon S3 returns a 405 Method Not Allowed error"
                // (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicy.html): only the owner's
                // account can ever read a bucket policy, so for another account it is a denial.
                case "MethodNotAllowed" when string.Equals(action, "s3:GetBucketPolicy", StringComparison.OrdinalIgnoreCase):
                    return ProbeOutcome.Denied;

                case "NoSuchBucket":
                case "NoSuchKey":
                case "NoSuchVersion":
                    return ProbeOutcome.NotFound;
            }

            // HEAD responses carry no body, so no error code: the status alone says it.
            if (statusCode == 403 && string.IsNullOrEmpty(errorCode))
            {
                return ProbeOutcome.Denied;
            }

            if (statusCode == 404 && string.IsNullOrEmpty(errorCode))
            {
                return ProbeOutcome.NotFound;
            }

            return ProbeOutcome.Error;
        }
    }
}
