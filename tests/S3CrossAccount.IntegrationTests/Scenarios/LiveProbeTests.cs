using System;
using System.Linq;
using System.Threading.Tasks;
using Amazon.S3.Model;
using S3CrossAccount.IntegrationTests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace S3CrossAccount.IntegrationTests.Scenarios
{
    /// <summary>
    /// Test-XAccountAccess -Live on radosgw, through the cmdlets in the hosted engine: what credentials can really
    /// do, compared with the offline evaluator, and the write probe that leaves nothing behind.
    /// </summary>
    [Collection(RgwCollection.Name)]
    public class LiveProbeTests
    {
        private readonly RgwFixture _rgw;
        private readonly ITestOutputHelper _output;

        public LiveProbeTests(RgwFixture rgw, ITestOutputHelper output)
        {
            _rgw = rgw;
            _output = output;
        }

        private static string[] Rows(PipelineResult r) =>
            r.Output.Select(o => $"{o.Properties["Action"].Value} {o.Properties["Outcome"].Value} {o.Properties["ErrorCode"].Value}".TrimEnd()).ToArray();

        [SkippableFact]
        public async Task Seed001Step32_TheRoleSessionMayGetTheObject_ButNotItsAcl_AsPredicted()
        {
            var server = _rgw.Require();
            var (bucket, s3A) = await HarnessTests.NewBucketWithObjectAsync(server, "live", "HappyFace.jpg", "smile");
            using var _ = s3A;
            using var profiles = server.CreateProfileFile();
            using var ps = server.OpenModuleSession(profiles);
            var roleName = UniqueNames.Role("Live");
            ps.Run($"$role = New-XAccountRole -RoleName {roleName} -TrustedPrincipal {server.C.AdminArn} -Bucket {bucket} -Access Read @A").ShouldSucceed();
            ps.Run("$cred = $role | Use-XAccountRole @C").ShouldSucceed();
            var endpoint = $"-EndpointUrl '{server.Endpoint}' -Region {RgwServer.Region}";

            var probe = ps.Run($"Test-XAccountAccess -Live -Bucket {bucket} -Key HappyFace.jpg -Credential $cred {endpoint} -Verbose").ShouldSucceed();
            foreach (var row in Rows(probe)) _output.WriteLine(row);
            Assert.Equal(new[]
            {
                "s3:ListBucket Denied AccessDenied",
                "s3:GetObject Allowed",
                "s3:GetObjectAcl Denied AccessDenied",
                "s3:GetBucketPolicy Denied AccessDenied",
            }, Rows(probe));
            Assert.Equal(new[]
            {
                $"S3 ListObjectsV2 {bucket} (prefix '', 1 key)",
                $"S3 GetObject {bucket}/HappyFace.jpg (bytes 0-0)",
                $"S3 GetObjectAcl {bucket}/HappyFace.jpg",
                $"S3 GetBucketPolicy {bucket}",
            }, probe.Verbose.Where(v => v.StartsWith("S3 ", StringComparison.Ordinal)));
            Assert.All(probe.Output, o => Assert.Null(o.Properties["Predicted"].Value));

            // With the role's own access policy the offline evaluator predicts every row.
            var predicted = ps.Run($"Test-XAccountAccess -Live -Bucket {bucket} -Key HappyFace.jpg -Credential $cred {endpoint} "
                + $"-Principal $role.RoleArn -BucketAccount {server.A.AccountId} -IdentityPolicy $role.AccessPolicy").ShouldSucceed();
            Assert.Equal(new object[] { true, true, true, true }, predicted.Output.Select(o => o.Properties["MatchesPrediction"].Value).ToArray());
            Assert.Empty(predicted.Warnings);

            // Policies that claim more than the role has: the mismatch is flagged, row and warning.
            var claimed = ps.Run($"Test-XAccountAccess -Live -Bucket {bucket} -Key HappyFace.jpg -Credential $cred {endpoint} "
                + $"-Principal $role.RoleArn -BucketAccount {server.A.AccountId} -IdentityPolicy (New-XAccountAccessPolicy -Bucket {bucket} -Action s3:GetObject,s3:GetObjectAcl)").ShouldSucceed();
            var acl = claimed.Output.Single(o => (string)o.Properties["Action"].Value == "s3:GetObjectAcl");
            Assert.Equal("Allowed", acl.Properties["Predicted"].Value.ToString());
            Assert.Equal(false, acl.Properties["MatchesPrediction"].Value);
            Assert.Equal(new[] { $"s3:GetObjectAcl on arn:aws:s3:::{bucket}/HappyFace.jpg: the live result is Denied but the policies given predict Allowed. "
                + "A policy that was not given is in play: an SCP or RCP, a permissions boundary, a session policy, an ACL, or a KMS key policy." }, claimed.Warnings);

            ps.Run($"$role | Remove-XAccountRole @A -Confirm:$false").ShouldSucceed();
        }

        [SkippableFact]
        public async Task WriteProbe_PutsAndDeletesItsMarker_AndWhatIfWritesNothing()
        {
            var server = _rgw.Require();
            var (bucket, s3A) = await HarnessTests.NewBucketWithObjectAsync(server, "livew", "keep.txt", "kept");
            using var _ = s3A;
            using var profiles = server.CreateProfileFile();
            using var ps = server.OpenModuleSession(profiles);

            // Nothing under team/ yet: the object probes are skipped, saying why; the owner may do the rest.
            var probe = ps.Run($"Test-XAccountAccess -Live -Bucket {bucket} -Prefix team/ -IncludeWrite @A -Verbose").ShouldSucceed();
            Assert.Equal(new[]
            {
                "s3:ListBucket Allowed",
                "s3:GetObject Skipped",
                "s3:GetObjectAcl Skipped",
                "s3:GetBucketPolicy Allowed",
                "s3:PutObject Allowed",
                "s3:DeleteObject Allowed",
            }, Rows(probe));
            Assert.Equal("No object to read: nothing is under the prefix; pass -Key.", probe.Output[1].Properties["Message"].Value);
            var marker = (string)probe.Output[4].Properties["Key"].Value;
            Assert.StartsWith("team/s3crossaccount-probe/", marker);
            Assert.Contains($"S3 DeleteObject {bucket}/{marker} (probe marker)", probe.Verbose);
            var left = await s3A.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
            Assert.Equal(new[] { "keep.txt" }, left.S3Objects.Select(o => o.Key));

            // -WhatIf: the reads still run (they change nothing); the write rows are Skipped and no write is sent.
            var whatIf = ps.Run($"Test-XAccountAccess -Live -Bucket {bucket} -IncludeWrite @A -WhatIf -Verbose").ShouldSucceed();
            Assert.Equal(new[] { "s3:ListBucket Allowed", "s3:GetObject Allowed", "s3:GetObjectAcl Allowed", "s3:GetBucketPolicy Allowed", "s3:PutObject Skipped", "s3:DeleteObject Skipped" }, Rows(whatIf));
            Assert.DoesNotContain(whatIf.Verbose, v => v.StartsWith("S3 PutObject", StringComparison.Ordinal));
            Assert.Equal("keep.txt", whatIf.Output[1].Properties["Key"].Value);
        }
    }
}
