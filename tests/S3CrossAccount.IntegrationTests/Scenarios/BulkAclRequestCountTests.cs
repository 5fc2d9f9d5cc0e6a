using System;
using System.Linq;
using System.Threading.Tasks;
using Amazon.S3.Model;
using S3CrossAccount.IntegrationTests.Faults;
using S3CrossAccount.IntegrationTests.Harness;
using Xunit;

namespace S3CrossAccount.IntegrationTests.Scenarios
{
    /// <summary>
    /// The requests a bulk grant makes, counted on the wire by the proxy (issue 9: requests per object at the
    /// minimum possible). S3 has no call that adds one grant: PutObjectAcl replaces the whole ACL, so each
    /// object needs one GetObjectAcl (to keep its grants) and one PutObjectAcl only when the grant is missing,
    /// then one GetObjectAcl after the settle interval that shows the grant is there (issue 14: a grant is
    /// reported done only when a read after the write shows it); plus one ListObjectsV2 page per 1,000 keys
    /// and one Object Ownership read per bucket.
    /// bench/S3CrossAccount.BulkBenchmarks reports the same counts with the timings.
    /// </summary>
    [Collection(RgwCollection.Name)]
    public class BulkAclRequestCountTests
    {
        private readonly RgwFixture _rgw;

        public BulkAclRequestCountTests(RgwFixture rgw) => _rgw = rgw;

        [SkippableFact]
        public async Task BulkGrant_Over1001Objects_MakesOneAclReadPerObject_OneWritePerChangedAcl_AndTwoListPages()
        {
            var server = _rgw.Require();
            using var s3A = server.S3(server.A);
            var bucket = UniqueNames.Bucket("aclcount");
            await s3A.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
            var keys = Enumerable.Range(0, 1001).Select(i => $"bulk/{i:D4}").ToList();
            await Parallel.ForEachAsync(keys.Append("other/keep"), new ParallelOptions { MaxDegreeOfParallelism = 16 },
                async (key, ct) => await s3A.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "x" }, ct));
            var b = server.B.AdminCanonicalId;
            const string granted = "bulk/0500";
            await s3A.PutObjectAclAsync(new PutObjectAclRequest
            {
                BucketName = bucket,
                Key = granted,
                GrantFullControl = $"id=\"{server.A.AdminCanonicalId}\"",
                GrantRead = $"id=\"{b}\"",
            });
            using var profiles = server.CreateProfileFile();
            await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
            using var ps = new PowerShellSession();
            var command = $"Grant-XAccountAcl -Bucket {bucket} -Prefix bulk/ -Permission READ -CanonicalId '{b}' -ThrottleLimit 8 "
                + server.CmdletArgs(profiles, "A", proxy.Endpoint);
            var objectPaths = keys.Select(k => $"/{bucket}/{k}").ToList();

            var first = ps.Run(command).ShouldSucceed();
            Assert.Equal(1000, first.Output.Count(o => Equals(o.Properties["Changed"].Value, true)));
            var requests = proxy.Requests;
            Assert.Equal(1, requests.Count(r => r.IsS3("GET", "ownershipControls") && r.Path == $"/{bucket}/"));
            Assert.Equal(2, requests.Count(r => r.IsS3("GET", "list-type=2") && r.Path == $"/{bucket}/"));
            var changed = objectPaths.Where(p => !p.EndsWith(granted, StringComparison.Ordinal)).ToList();
            Assert.Equal(objectPaths.Concat(changed).OrderBy(p => p, StringComparer.Ordinal), requests.Where(r => r.IsS3("GET", "acl")).Select(r => r.Path).OrderBy(p => p, StringComparer.Ordinal));
            Assert.Equal(changed, requests.Where(r => r.IsS3("PUT", "acl")).Select(r => r.Path).OrderBy(p => p, StringComparer.Ordinal));
            Assert.Equal(1 + 2 + 1001 + 1000 + 1000, requests.Count);
            Assert.All(requests, r => Assert.Equal(200, r.Status));

            // The re-run reads every ACL again (it cannot know them otherwise) and writes none.
            proxy.ClearRecords();
            var second = ps.Run(command).ShouldSucceed();
            Assert.Equal(1001, second.Output.Count(o => Equals(o.Properties["Changed"].Value, false)));
            Assert.Empty(proxy.Writes);
            Assert.Equal(1 + 2 + 1001, proxy.Requests.Count);
            Assert.Equal(1001, proxy.Count(r => r.IsS3("GET", "acl")));
        }
    }
}
