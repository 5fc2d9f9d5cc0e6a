using System;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Core.Evaluation.Requests
{
    /// <summary>
    /// The resource of a request: an S3 bucket or object ARN (also accepted as an s3://bucket/key URI),
    /// or any other ARN (an IAM role for sts:AssumeRole).
    /// </summary>
    public sealed class S3Resource
    {
        private S3Resource(string arn, string? bucket, string? key)
        {
            Arn = arn;
            Bucket = bucket;
            Key = key;
        }

        public string Arn { get; }

        /// <summary>The bucket name; null when the ARN is not an S3 ARN.</summary>
        public string? Bucket { get; }

        /// <summary>The object key; null for a bucket ARN.</summary>
        public string? Key { get; }

        public bool IsObject => Key != null;

        public bool IsS3 => Bucket != null;

        public static S3Resource Parse(string text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                throw Invalid(text);
            }

            text = text.Trim();
            if (text.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
            {
                var rest = text.Substring(5);
                int slash = rest.IndexOf('/');
                var bucket = slash < 0 ? rest : rest.Substring(0, slash);
                var key = slash < 0 || slash == rest.Length - 1 ? null : rest.Substring(slash + 1);
                if (bucket.Length == 0)
                {
                    throw Invalid(text);
                }

                return new S3Resource("arn:aws:s3:::" + bucket + (key == null ? string.Empty : "/" + key), bucket, key);
            }

            var parts = text.Split(new[] { ':' }, 6);
            if (parts.Length != 6 || parts[0] != "arn")
            {
                throw Invalid(text);
            }

            if (parts[2] == "s3" && parts[5].Length > 0)
            {
                int slash = parts[5].IndexOf('/');
                return slash < 0
                    ? new S3Resource(text, parts[5], null)
                    : new S3Resource(text, parts[5].Substring(0, slash), parts[5].Substring(slash + 1));
            }

            return new S3Resource(text, null, null);
        }

        private static XAccountException Invalid(string text) =>
            new XAccountException(ErrorCode.InvalidArn, $"'{text}' is not a resource ARN or s3:// URI.", text, "Give arn:aws:s3:::bucket/key, arn:aws:s3:::bucket or s3://bucket/key.");

        public override string ToString() => Arn;
    }
}
