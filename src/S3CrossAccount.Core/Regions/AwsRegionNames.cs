using System;
using System.Collections.Generic;
using System.Linq;

namespace S3CrossAccount.Core.Regions
{
    /// <summary>
    /// The AWS Region system names and display names, owned by the module so that tab completion of
    /// -Region never loads the AWS SDK (import stays fast). A test in S3CrossAccount.Aws.Tests fails
    /// when the pinned AWSSDK.Core knows a public region this list lacks (the isolated ISO partitions are
    /// left out: nobody reaches them from a public machine).
    /// </summary>
    public static class AwsRegionNames
    {
        private static readonly (string Name, string DisplayName)[] Regions =
        {
            ("af-south-1", "Africa (Cape Town)"),
            ("ap-east-1", "Asia Pacific (Hong Kong)"),
            ("ap-east-2", "Asia Pacific (Taipei)"),
            ("ap-northeast-1", "Asia Pacific (Tokyo)"),
            ("ap-northeast-2", "Asia Pacific (Seoul)"),
            ("ap-northeast-3", "Asia Pacific (Osaka)"),
            ("ap-south-1", "Asia Pacific (Mumbai)"),
            ("ap-south-2", "Asia Pacific (Hyderabad)"),
            ("ap-southeast-1", "Asia Pacific (Singapore)"),
            ("ap-southeast-2", "Asia Pacific (Sydney)"),
            ("ap-southeast-3", "Asia Pacific (Jakarta)"),
            ("ap-southeast-4", "Asia Pacific (Melbourne)"),
            ("ap-southeast-5", "Asia Pacific (Malaysia)"),
            ("ap-southeast-6", "Asia Pacific (New Zealand)"),
            ("ap-southeast-7", "Asia Pacific (Thailand)"),
            ("ca-central-1", "Canada (Central)"),
            ("ca-west-1", "Canada West (Calgary)"),
            ("cn-north-1", "China (Beijing)"),
            ("cn-northwest-1", "China (Ningxia)"),
            ("eu-central-1", "Europe (Frankfurt)"),
            ("eu-central-2", "Europe (Zurich)"),
            ("eu-north-1", "Europe (Stockholm)"),
            ("eu-south-1", "Europe (Milan)"),
            ("eu-south-2", "Europe (Spain)"),
            ("eu-west-1", "Europe (Ireland)"),
            ("eu-west-2", "Europe (London)"),
            ("eu-west-3", "Europe (Paris)"),
            ("eusc-de-east-1", "AWS European Sovereign Cloud (Germany)"),
            ("il-central-1", "Israel (Tel Aviv)"),
            ("me-central-1", "Middle East (UAE)"),
            ("me-south-1", "Middle East (Bahrain)"),
            ("me-west-1", "Middle East (Saudi Arabia)"),
            ("mx-central-1", "Mexico (Central)"),
            ("sa-east-1", "South America (Sao Paulo)"),
            ("sa-west-1", "South America (Chile)"),
            ("us-east-1", "US East (N. Virginia)"),
            ("us-east-2", "US East (Ohio)"),
            ("us-gov-east-1", "AWS GovCloud (US-East)"),
            ("us-gov-west-1", "AWS GovCloud (US-West)"),
            ("us-west-1", "US West (N. California)"),
            ("us-west-2", "US West (Oregon)"),
        };

        /// <summary>System names in ordinal order.</summary>
        public static IReadOnlyList<string> All { get; } = Regions.Select(r => r.Name).ToArray();

        /// <summary>"Europe (Ireland)" for "eu-west-1"; null for a name not in the list.</summary>
        public static string? DisplayNameOf(string name) =>
            Regions.Where(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)).Select(r => r.DisplayName).FirstOrDefault();
    }
}
