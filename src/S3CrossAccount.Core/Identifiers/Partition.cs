using System;

namespace S3CrossAccount.Core.Identifiers
{
    /// <summary>The AWS partitions the module supports (commercial, China, GovCloud US).</summary>
    public static class Partition
    {
        public const string Aws = "aws";
        public const string AwsCn = "aws-cn";
        public const string AwsUsGov = "aws-us-gov";

        public static bool IsKnown(string? partition) => partition == Aws || partition == AwsCn || partition == AwsUsGov;

        internal static string Check(string? partition)
        {
            if (IsKnown(partition))
            {
                return partition!;
            }

            throw new Errors.XAccountException(
                Errors.ErrorCode.InvalidArn,
                $"'{partition}' is not a supported partition; use aws, aws-cn or aws-us-gov.",
                partition,
                "Pass -Partition aws (commercial Regions), aws-cn (China) or aws-us-gov (GovCloud US).");
        }
    }
}
