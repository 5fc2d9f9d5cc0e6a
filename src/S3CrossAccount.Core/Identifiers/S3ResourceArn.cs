using System;
using System.Text;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Core.Identifiers
{
    /// <summary>Builds the S3 resource ARNs policies use for a bucket, its objects, a prefix or one key.</summary>
    public static class S3ResourceArn
    {
        /// <summary>arn:aws:s3:::bucket — for bucket actions such as s3:ListBucket.</summary>
        public static string ForBucket(string bucket, string partition = Partition.Aws) =>
            $"arn:{Partition.Check(partition)}:s3:::{BucketName.Parse(bucket).Value}";

        /// <summary>
        /// arn:aws:s3:::bucket/* or, with a prefix ("FolderName" or "FolderName/"), arn:aws:s3:::bucket/FolderName/*.
        /// </summary>
        public static string ForObjects(string bucket, string? prefix = null, string partition = Partition.Aws)
        {
            var p = NormalizePrefix(prefix);
            return $"arn:{Partition.Check(partition)}:s3:::{BucketName.Parse(bucket).Value}/{p}*";
        }

        /// <summary>arn:aws:s3:::bucket/key for one object.</summary>
        public static string ForObject(string bucket, string key, string partition = Partition.Aws)
        {
            CheckKey(key, "object key");
            return $"arn:{Partition.Check(partition)}:s3:::{BucketName.Parse(bucket).Value}/{key}";
        }

        /// <summary>
        /// "" for no prefix; otherwise the prefix without a leading '/' and with one trailing '/'.
        /// A prefix is a folder here: "reports" grants reports/..., not reports-2024/....
        /// </summary>
        public static string NormalizePrefix(string? prefix)
        {
            if (string.IsNullOrEmpty(prefix))
            {
                return string.Empty;
            }

            var p = prefix!.TrimStart('/');
            if (p.Length == 0)
            {
                return string.Empty;
            }

            CheckKey(p, "prefix");
            return p.EndsWith("/", StringComparison.Ordinal) ? p : p + "/";
        }

        // Object keys are up to 1,024 bytes of UTF-8. In a policy Resource, '*' and '?' are wildcards
        // and "${" starts a policy variable, so a literal key cannot contain them.
        // https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html
        private static void CheckKey(string? key, string what)
        {
            string? problem = null;
            if (string.IsNullOrEmpty(key))
            {
                problem = "it is empty";
            }
            else if (Encoding.UTF8.GetByteCount(key) > 1024)
            {
                problem = "it is longer than 1,024 bytes of UTF-8";
            }
            else if (key!.IndexOf('*') >= 0 || key.IndexOf('?') >= 0)
            {
                problem = "'*' and '?' are wildcards in a policy resource";
            }
            else if (key.Contains("${"))
            {
                problem = "'${' starts a policy variable";
            }
            else
            {
                foreach (var c in key)
                {
                    if (c < 0x20 || c == 0x7F)
                    {
                        problem = "it contains a control character";
                        break;
                    }
                }
            }

            if (problem != null)
            {
                throw new XAccountException(ErrorCode.InvalidObjectKey, $"{Printable.Quote(key)} is not a usable {what}: {problem}.", key,
                    "Give a key or folder prefix such as reports/2024 without wildcards or control characters.");
            }
        }
    }
}
