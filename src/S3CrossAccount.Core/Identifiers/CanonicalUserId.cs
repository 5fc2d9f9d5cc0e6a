using System;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Core.Identifiers
{
    /// <summary>
    /// An S3 canonical user ID: 64 hexadecimal characters, an obfuscated form of the account ID used by
    /// ACLs and by the s3:x-amz-grant-* condition keys. Stored lower-case, as S3 returns it.
    /// https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html
    /// </summary>
    public sealed class CanonicalUserId : IEquatable<CanonicalUserId>
    {
        private CanonicalUserId(string value) => Value = value;

        public string Value { get; }

        public static CanonicalUserId Parse(string? text)
        {
            var error = Validate(text);
            if (error != null)
            {
                throw new XAccountException(ErrorCode.InvalidCanonicalUserId, $"{Printable.Quote(text)} is not a canonical user ID: {error}.", text,
                    "Give the 64-character hex ID that Get-S3CanonicalUser (or the Owner.ID of ListBuckets) returns for the account.");
            }

            return new CanonicalUserId(text!.ToLowerInvariant());
        }

        public static bool TryParse(string? text, out CanonicalUserId? id)
        {
            id = Validate(text) == null ? new CanonicalUserId(text!.ToLowerInvariant()) : null;
            return id != null;
        }

        public static bool IsValid(string? text) => Validate(text) == null;

        private static string? Validate(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return "it is empty";
            }

            if (text!.Length != 64)
            {
                return $"it has {text.Length} characters instead of 64";
            }

            foreach (var c in text)
            {
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
                {
                    return $"it contains '{c}'; a canonical user ID has hex digits only";
                }
            }

            return null;
        }

        public bool Equals(CanonicalUserId? other) => other != null && other.Value == Value;

        public override bool Equals(object? obj) => Equals(obj as CanonicalUserId);

        public override int GetHashCode() => Value.GetHashCode();

        public override string ToString() => Value;
    }
}
