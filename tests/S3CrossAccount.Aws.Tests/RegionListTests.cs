using System;
using System.Linq;
using Amazon;
using S3CrossAccount.Core.Regions;
using Xunit;

namespace S3CrossAccount.Aws.Tests
{
    /// <summary>The module's own region list (for -Region completion without loading the SDK) keeps up with the SDK.</summary>
    public class RegionListTests
    {
        [Fact]
        public void EveryPublicRegionOfThePinnedSdk_IsInTheModulesList()
        {
            var sdk = RegionEndpoint.EnumerableAllRegions
                .Where(r => r.PartitionName is "aws" or "aws-us-gov" or "aws-cn" or "aws-eusc")
                .Select(r => r.SystemName)
                // "us-east-1-regional" is S3's regional-endpoint alias of us-east-1, not a region.
                .Where(n => !n.EndsWith("-regional", StringComparison.Ordinal) && !n.EndsWith("-global", StringComparison.Ordinal))
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();
            var missing = sdk.Except(AwsRegionNames.All, StringComparer.Ordinal).ToList();
            Assert.True(missing.Count == 0, "add to AwsRegionNames: " + string.Join(", ", missing));
        }

        [Fact]
        public void ModuleList_IsSortedAndHasNoDuplicates()
        {
            Assert.Equal(AwsRegionNames.All.OrderBy(n => n, StringComparer.Ordinal), AwsRegionNames.All);
            Assert.Equal(AwsRegionNames.All.Count, AwsRegionNames.All.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.Equal("Europe (Ireland)", AwsRegionNames.DisplayNameOf("EU-WEST-1"));
            Assert.Null(AwsRegionNames.DisplayNameOf("moon-1"));
        }
    }
}
