using System;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Core.Identifiers
{
    /// <summary>A 12-digit AWS account ID (leading zeros are significant).</summary>
    public sealed class AccountId : IEquatable<AccountId>
    {
        private AccountId(string value) => Value = value;

        public string Value { get; }

        public static AccountId Parse(string? text)
        {
            var error = Validate(text);
            if (error != null)
            {
                throw new XAccountException(ErrorCode.InvalidAccountId, $"{Printable.Quote(text)} is not an AWS account ID: {error}.", text,
                    "Give the 12-digit account ID, for example 111122223333 (see Get-STSCallerIdentity or the console's account menu).");
            }

            return new AccountId(text!);
        }

        public static bool TryParse(string? text, out AccountId? accountId)
        {
            accountId = Validate(text) == null ? new AccountId(text!) : null;
            return accountId != null;
        }

        public static bool IsValid(string? text) => Validate(text) == null;

        /// <summary>The account's root principal ARN (the whole account as a principal).</summary>
        public string RootArn(string partition = Partition.Aws) => $"arn:{Partition.Check(partition)}:iam::{Value}:root";

        internal static string? Validate(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return "it is empty";
            }

            if (text!.Length != 12)
            {
                return $"it has {text.Length} characters instead of 12 digits";
            }

            foreach (var c in text)
            {
                if (c < '0' || c > '9')
                {
                    return $"it contains '{c}'; an account ID has digits only";
                }
            }

            return null;
        }

        public bool Equals(AccountId? other) => other != null && other.Value == Value;

        public override bool Equals(object? obj) => Equals(obj as AccountId);

        public override int GetHashCode() => Value.GetHashCode();

        public override string ToString() => Value;
    }
}
