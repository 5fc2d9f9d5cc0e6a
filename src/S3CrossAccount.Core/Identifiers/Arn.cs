using System;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Core.Identifiers
{
    /// <summary>
    /// An Amazon Resource Name: arn:partition:service:region:account-id:resource. The resource part
    /// may itself contain ':' and '/'.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
    /// </summary>
    public sealed class Arn : IEquatable<Arn>
    {
        private Arn(string partition, string service, string region, string account, string resource)
        {
            Partition = partition;
            Service = service;
            Region = region;
            Account = account;
            Resource = resource;
        }

        public string Partition { get; }

        public string Service { get; }

        /// <summary>Empty for global services (IAM, S3 bucket ARNs).</summary>
        public string Region { get; }

        /// <summary>Empty for S3 bucket/object ARNs.</summary>
        public string Account { get; }

        public string Resource { get; }

        public static Arn Parse(string? text)
        {
            var error = TryParseCore(text, out var arn);
            if (error != null)
            {
                throw new XAccountException(ErrorCode.InvalidArn, $"{Printable.Quote(text)} is not a valid ARN: {error}.", text,
                    "Use the form arn:partition:service:region:account-id:resource, for example arn:aws:iam::111122223333:role/MyRole.");
            }

            return arn!;
        }

        public static bool TryParse(string? text, out Arn? arn) => TryParseCore(text, out arn) == null;

        internal static string? TryParseCore(string? text, out Arn? arn)
        {
            arn = null;
            if (string.IsNullOrEmpty(text))
            {
                return "it is empty";
            }

            if (!text!.StartsWith("arn:", StringComparison.Ordinal))
            {
                return "it must start with 'arn:'";
            }

            var parts = text.Split(new[] { ':' }, 6);
            if (parts.Length < 6)
            {
                return $"it has {parts.Length} ':'-separated parts; an ARN has six (arn:partition:service:region:account-id:resource)";
            }

            if (!Identifiers.Partition.IsKnown(parts[1]))
            {
                return $"unknown partition '{parts[1]}'; expected aws, aws-cn or aws-us-gov";
            }

            if (parts[2].Length == 0)
            {
                return "the service part is empty";
            }

            foreach (var c in parts[2])
            {
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
                {
                    return $"the service '{parts[2]}' contains '{c}'";
                }
            }

            if (parts[4].Length != 0 && parts[4] != "aws" && !AccountId.IsValid(parts[4]))
            {
                return $"the account part '{parts[4]}' is not a 12-digit account ID";
            }

            if (parts[5].Length == 0)
            {
                return "the resource part is empty";
            }

            arn = new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
            return null;
        }

        public bool Equals(Arn? other) => other != null && other.ToString() == ToString();

        public override bool Equals(object? obj) => Equals(obj as Arn);

        public override int GetHashCode() => ToString().GetHashCode();

        public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{Account}:{Resource}";
    }
}
