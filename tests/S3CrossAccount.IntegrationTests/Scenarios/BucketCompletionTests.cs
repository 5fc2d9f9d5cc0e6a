using System.Linq;
using System.Threading.Tasks;
using Amazon.S3.Model;
using S3CrossAccount.IntegrationTests.Harness;
using Xunit;

namespace S3CrossAccount.IntegrationTests.Scenarios
{
    /// <summary>-Bucket completion lists the caller's own buckets when a profile is on the command line.</summary>
    [Collection(RgwCollection.Name)]
    public class BucketCompletionTests
    {
        private readonly RgwFixture _rgw;

        public BucketCompletionTests(RgwFixture rgw) => _rgw = rgw;

        [SkippableFact]
        public async Task Bucket_CompletesTheProfilesBuckets_ThatStartWithTheWord()
        {
            var server = _rgw.Require();
            var stem = UniqueNames.Bucket("cmpl");
            using var s3A = server.S3(server.A);
            await s3A.PutBucketAsync(new PutBucketRequest { BucketName = stem + "-one" });
            await s3A.PutBucketAsync(new PutBucketRequest { BucketName = stem + "-two" });
            using var profiles = server.CreateProfileFile();
            using var ps = new PowerShellSession();

            var line = $"Test-XAccountAccess -Live {server.CmdletArgs(profiles, "A")} -Bucket {stem}";
            ps.SetVariable("line", line);
            var offered = ps.Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText").ShouldSucceed();
            Assert.Equal(new[] { stem + "-one", stem + "-two" }, offered.Output.Select(o => o.ToString()));

            // B's profile sees none of A's buckets.
            ps.SetVariable("line", $"Test-XAccountAccess -Live {server.CmdletArgs(profiles, "B")} -Bucket {stem}");
            Assert.Empty(ps.Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches").ShouldSucceed().Output);
        }
    }
}
