using System;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Core.Identifiers
{
    /// <summary>
    /// A general purpose S3 bucket name, checked against the S3 naming rules.
    /// https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
    /// </summary>
    public sealed class BucketName : IEquatable<BucketName>
    {
        private static readonly string[] ReservedPrefixes = { "xn--", "sthree-", "amzn-s3-demo-" };

        // -s3alias: access point aliases; --ol-s3: Object Lambda aliases; .mrap: Multi-Region Access
        // Points; --x-s3: directory buckets; --table-s3: S3 Tables.
        private static readonly string[] ReservedSuffixes = { "-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3" };

        private BucketName(string value) => Value = value;

        public string Value { get; }

        public static BucketName Parse(string? text)
        {
            var error = Validate(text);
            if (error != null)
            {
                throw new XAccountException(ErrorCode.InvalidBucketName, $"{Printable.Quote(text)} is not a valid S3 bucket name: {error}.", text,
                    "Use 3-63 lowercase letters, digits, dots and hyphens, beginning and ending with a letter or digit (see the S3 bucket naming rules).");
            }

            return new BucketName(text!);
        }

        public static bool TryParse(string? text, out BucketName? bucket)
        {
            bucket = Validate(text) == null ? new BucketName(text!) : null;
            return bucket != null;
        }

        public static bool IsValid(string? text) => Validate(text) == null;

        private static string? Validate(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return "it is empty";
            }

            var t = text!;
            if (t.Length < 3 || t.Length > 63)
            {
                return $"it has {t.Length} characters; a bucket name has 3 to 63";
            }

            foreach (var c in t)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-'))
                {
                    return c >= 'A' && c <= 'Z'
                        ? "it contains upper-case letters; bucket names are lower case"
                        : $"it contains '{c}'; only lowercase letters, digits, dots and hyphens are allowed";
                }
            }

            if (!IsAlnum(t[0]) || !IsAlnum(t[t.Length - 1]))
            {
                return "it must begin and end with a letter or digit";
            }

            if (t.Contains(".."))
            {
                return "it contains two adjacent dots";
            }

            if (LooksLikeIpAddress(t))
            {
                return "it is formatted as an IP address";
            }

            foreach (var prefix in ReservedPrefixes)
            {
                if (t.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return $"the prefix '{prefix}' is reserved";
                }
            }

            foreach (var suffix in ReservedSuffixes)
            {
                if (t.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return $"the suffix '{suffix}' is reserved";
                }
            }

            return null;
        }

        private static bool IsAlnum(char c) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');

        private static bool LooksLikeIpAddress(string t)
        {
            var parts = t.Split('.');
            if (parts.Length != 4)
            {
                return false;
            }

            foreach (var p in parts)
            {
                if (p.Length == 0 || p.Length > 3)
                {
                    return false;
                }

                foreach (var c in p)
                {
                    if (c < '0' || c > '9')
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        public bool Equals(BucketName? other) => other != null && other.Value == Value;

        public override bool Equals(object? obj) => Equals(obj as BucketName);

        public override int GetHashCode() => Value.GetHashCode();

        public override string ToString() => Value;
    }
}
