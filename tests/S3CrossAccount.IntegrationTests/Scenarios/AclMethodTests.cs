using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using S3CrossAccount.IntegrationTests.Faults;
using S3CrossAccount.IntegrationTests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace S3CrossAccount.IntegrationTests.Scenarios
{
    /// <summary>
    /// Seed method 2 (ACLs, seeds 000/002) driven through the module's cmdlets in the hosted engine: A's
    /// bucket ACL gives B WRITE and an object ACL gives B READ, by B's canonical ID; existing grants
    /// survive; a re-run writes nothing; revoke takes back only what was added; bulk runs over a prefix,
    /// with and without injected faults. ACLs are read back with the SDK, B's access with signed requests.
    /// Object Ownership is not implemented by radosgw (see WHERE-RGW-IS-NOT-AWS.md): its AWS shapes are
    /// covered by S3CrossAccount.Aws.Tests' SdkS3AclApiTests.
    /// </summary>
    [Collection(RgwCollection.Name)]
    public class AclMethodTests
    {
        private readonly RgwFixture _rgw;
        private readonly ITestOutputHelper _output;

        public AclMethodTests(RgwFixture rgw, ITestOutputHelper output)
        {
            _rgw = rgw;
            _output = output;
        }

        private static string[] S3Writes(PipelineResult r) =>
            r.Verbose.Where(v => v.StartsWith("S3 Put", StringComparison.Ordinal)).ToArray();

        private static async Task<string[]> ReadAclAsync(AmazonS3Client s3, string bucket, string? key = null)
        {
            var grants = key == null
                ? (await s3.GetBucketAclAsync(new GetBucketAclRequest { BucketName = bucket })).Grants
                : (await s3.GetObjectAclAsync(new GetObjectAclRequest { BucketName = bucket, Key = key })).Grants;
            return Sorted((grants ?? new List<S3Grant>()).Select(g => (g.Grantee.CanonicalUser ?? g.Grantee.URI) + ":" + g.Permission.Value));
        }

        // The server keeps grants in its own order (grouped by permission), so ACLs are compared as sorted lists.
        private static string[] Sorted(IEnumerable<string> grants) => grants.OrderBy(g => g, StringComparer.Ordinal).ToArray();

        private static async Task PutObjectsAsync(AmazonS3Client s3, string bucket, IEnumerable<string> keys)
        {
            foreach (var batch in keys.Select((k, i) => (k, i)).GroupBy(p => p.i / 25))
            {
                await Task.WhenAll(batch.Select(p => s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = p.k, ContentBody = "x" })));
            }
        }

        [SkippableFact]
        public async Task AclMethod_BucketWriteAndObjectRead_ForB_KeepExistingGrants_RerunWritesNothing_RevokeRemovesOnlyThem()
        {
            var server = _rgw.Require();
            var (bucket, s3A) = await HarnessTests.NewBucketWithObjectAsync(server, "aclm", "k1", "data");
            using var _ = s3A;
            using var profiles = server.CreateProfileFile();
            var asA = server.CmdletArgs(profiles, "A");
            var a = server.A.AdminCanonicalId;
            var b = server.B.AdminCanonicalId;
            var c = server.C.AdminCanonicalId;

            // Foreign grants already there: C may list the bucket and read the object's ACL.
            await s3A.PutBucketAclAsync(new PutBucketAclRequest { BucketName = bucket, GrantFullControl = $"id=\"{a}\"", GrantRead = $"id=\"{c}\"" });
            await s3A.PutObjectAclAsync(new PutObjectAclRequest { BucketName = bucket, Key = "k1", GrantFullControl = $"id=\"{a}\"", GrantReadACP = $"id=\"{c}\"" });
            var bucketBefore = await ReadAclAsync(s3A, bucket);
            var objectBefore = await ReadAclAsync(s3A, bucket, "k1");
            Assert.Equal(Sorted(new[] { $"{a}:FULL_CONTROL", $"{c}:READ" }), bucketBefore);

            var qualified = server.A.QualifiedBucket(bucket);
            Assert.Equal("AccessDenied", (await server.Raw(server.B).PutObjectAsync(qualified, "fromB", "x")).ErrorCode);
            Assert.Equal("AccessDenied", (await server.Raw(server.B).GetObjectAsync(qualified, "k1")).ErrorCode);

            using var ps = new PowerShellSession();
            // Bucket WRITE: B's canonical ID comes from Get-XAccountCanonicalId run with B's credentials, by property name.
            var grantBucket = $"Get-XAccountCanonicalId {server.CmdletArgs(profiles, "B")} | Grant-XAccountAcl -Bucket {bucket} -Permission WRITE {asA} -Verbose";
            var bucketGrant = ps.Run(grantBucket).ShouldSucceed();
            var change = bucketGrant.Output.Single();
            Assert.Equal("S3CrossAccount.Core.Acls.XAccountAclChange", change.BaseObject.GetType().FullName);
            Assert.Equal(true, change.Properties["Changed"].Value);
            Assert.Equal(new[] { $"{b}:Write" }, ((System.Collections.IEnumerable)change.Properties["Added"].Value).Cast<object>().Select(o => o.ToString()));
            Assert.Equal(new[] { $"S3 GetBucketOwnershipControls {bucket}", $"S3 GetBucketAcl {bucket}", $"S3 PutBucketAcl {bucket}", $"S3 GetBucketAcl {bucket}" },
                bucketGrant.Verbose.Where(v => v.StartsWith("S3 ", StringComparison.Ordinal)));
            Assert.Contains(bucketGrant.Verbose, v => v.StartsWith($"The server returned no readable ownership rule for '{bucket}'", StringComparison.Ordinal));
            Assert.Contains(bucketGrant.Warnings, w => w.StartsWith("ACLs are a legacy access mechanism", StringComparison.Ordinal));

            // Object READ: the canonical ID looked up from -AccountId with B's profile.
            var grantObject = $"Grant-XAccountAcl -Bucket {bucket} -Key k1 -Permission READ -AccountId {server.B.AccountId} -GranteeProfileName B {asA} -Verbose";
            var objectGrant = ps.Run(grantObject).ShouldSucceed();
            Assert.Equal(new[] { $"S3 PutObjectAcl {bucket}/k1" }, S3Writes(objectGrant));
            Assert.Contains(objectGrant.Verbose, v => v == $"Account {server.B.AccountId} has canonical ID {b}.");
            // radosgw has no STS GetCallerIdentity (405): the account check is skipped and says so.
            Assert.Contains(objectGrant.Verbose, v => v.StartsWith($"Could not confirm that the grantee credentials belong to account {server.B.AccountId}", StringComparison.Ordinal));

            // Read back with the SDK: every earlier grant kept, the new ones added once.
            Assert.Equal(Sorted(bucketBefore.Append($"{b}:WRITE")), await ReadAclAsync(s3A, bucket));
            Assert.Equal(Sorted(objectBefore.Append($"{b}:READ")), await ReadAclAsync(s3A, bucket, "k1"));
            // And they work: B uploads into A's bucket and downloads k1.
            (await server.Raw(server.B).PutObjectAsync(qualified, "fromB", "x")).ShouldSucceed();
            Assert.Equal("data", (await server.Raw(server.B).GetObjectAsync(qualified, "k1")).ShouldSucceed().Body);

            // Re-run: nothing written, Changed false.
            foreach (var again in new[] { ps.Run(grantBucket).ShouldSucceed(), ps.Run(grantObject).ShouldSucceed() })
            {
                Assert.Empty(S3Writes(again));
                Assert.Equal(false, again.Output.Single().Properties["Changed"].Value);
            }

            Assert.Equal(Sorted(bucketBefore.Append($"{b}:WRITE")), await ReadAclAsync(s3A, bucket));

            // -WhatIf on a revoke reads but writes nothing.
            var whatIf = ps.Run($"Revoke-XAccountAcl -Bucket {bucket} -Permission WRITE -CanonicalId '{b}' {asA} -WhatIf -Verbose").ShouldSucceed();
            Assert.Empty(whatIf.Output);
            Assert.Empty(S3Writes(whatIf));
            Assert.Equal(Sorted(bucketBefore.Append($"{b}:WRITE")), await ReadAclAsync(s3A, bucket));

            // Revoke removes only what was added: the ACLs are as they were before.
            var revoked = ps.Run($"Revoke-XAccountAcl -Bucket {bucket} -Permission WRITE -CanonicalId '{b}' {asA} -Verbose; "
                + $"Revoke-XAccountAcl -Bucket {bucket} -Key k1 -Permission READ -CanonicalId '{b}' {asA} -Verbose").ShouldSucceed();
            Assert.Equal(new[] { $"S3 PutBucketAcl {bucket}", $"S3 PutObjectAcl {bucket}/k1" }, S3Writes(revoked));
            Assert.Equal(bucketBefore, await ReadAclAsync(s3A, bucket));
            Assert.Equal(objectBefore, await ReadAclAsync(s3A, bucket, "k1"));
            Assert.Equal("AccessDenied", (await server.Raw(server.B).GetObjectAsync(qualified, "k1")).ErrorCode);

            var revokedAgain = ps.Run($"Revoke-XAccountAcl -Bucket {bucket} -Permission WRITE -CanonicalId '{b}' {asA} -Verbose").ShouldSucceed();
            Assert.Empty(S3Writes(revokedAgain));
        }

        [SkippableFact]
        public async Task BulkGrant_OverAPrefixOf500Objects_ReportsProgress_AndTheRerunWritesNothing()
        {
            var server = _rgw.Require();
            using var s3A = server.S3(server.A);
            var bucket = UniqueNames.Bucket("aclbulk");
            await s3A.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
            var keys = Enumerable.Range(0, 500).Select(i => $"bulk/{i:D3}").ToList();
            await PutObjectsAsync(s3A, bucket, keys.Append("other/keep"));
            using var profiles = server.CreateProfileFile();
            var b = server.B.AdminCanonicalId;
            using var ps = new PowerShellSession();

            var command = $"Grant-XAccountAcl -Bucket {bucket} -Prefix bulk/ -Permission READ -CanonicalId '{b}' -ThrottleLimit 8 {server.CmdletArgs(profiles, "A")} -Verbose";
            var started = DateTime.UtcNow;
            var first = ps.Run(command).ShouldSucceed();
            _output.WriteLine($"first run: {(DateTime.UtcNow - started).TotalSeconds:F1} s, {first.Progress.Count} progress records");

            Assert.Equal(keys, first.Output.Select(o => (string)o.Properties["Key"].Value).OrderBy(k => k, StringComparer.Ordinal));
            Assert.All(first.Output, o => Assert.Equal(true, o.Properties["Changed"].Value));
            Assert.Equal(500, S3Writes(first).Length);
            Assert.Equal(1, first.Verbose.Count(v => v.StartsWith("S3 GetBucketOwnershipControls", StringComparison.Ordinal)));
            Assert.True(first.Progress.Count >= 500, $"{first.Progress.Count} progress records");
            Assert.Equal(ProgressRecordType.Completed, first.Progress.Last().RecordType);
            Assert.Equal("500 of 500 ACLs done, 500 changed", first.Progress.Last().StatusDescription);
            Assert.Contains(first.Progress, p => p.PercentComplete == 100);

            foreach (var key in new[] { "bulk/000", "bulk/250", "bulk/499" })
            {
                Assert.Equal(Sorted(new[] { $"{server.A.AdminCanonicalId}:FULL_CONTROL", $"{b}:READ" }), await ReadAclAsync(s3A, bucket, key));
            }

            Assert.Equal(new[] { $"{server.A.AdminCanonicalId}:FULL_CONTROL" }, await ReadAclAsync(s3A, bucket, "other/keep"));

            var second = ps.Run(command).ShouldSucceed();
            Assert.Equal(500, second.Output.Count);
            Assert.All(second.Output, o => Assert.Equal(false, o.Properties["Changed"].Value));
            Assert.Empty(S3Writes(second));
            Assert.Equal("500 of 500 ACLs done, 0 changed", second.Progress.Last().StatusDescription);
        }

        [SkippableFact]
        public async Task BulkGrant_InterruptedByFaults_KeepsFailedAclsAsTheyWere_AndTheRerunCompletesWithoutDuplicates()
        {
            var server = _rgw.Require();
            using var s3A = server.S3(server.A);
            var bucket = UniqueNames.Bucket("aclfault");
            await s3A.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
            var good = Enumerable.Range(0, 40).Select(i => $"run/a-{i:D2}").ToList();
            var bad = Enumerable.Range(0, 20).Select(i => $"run/b-{i:D2}").ToList();
            await PutObjectsAsync(s3A, bucket, good.Concat(bad));
            using var profiles = server.CreateProfileFile();
            await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
            var b = server.B.AdminCanonicalId;
            var owner = $"{server.A.AdminCanonicalId}:FULL_CONTROL";
            var command = $"Grant-XAccountAcl -Bucket {bucket} -Prefix run/ -Permission READ -CanonicalId '{b}' -ThrottleLimit 6 "
                + server.CmdletArgs(profiles, "A", proxy.Endpoint) + " -Verbose";

            // Transient faults (retried by the SDK) plus a persistent one on the b-* objects' ACL writes.
            var slow = proxy.Inject(FaultKind.SlowDown, times: 3, method: "GET", queryContains: "acl");
            var reset = proxy.Inject(FaultKind.ResetAfterForward, times: 2, method: "PUT", pathContains: "/run/a-", queryContains: "acl");
            var broken = proxy.Inject(FaultKind.InternalError, times: FaultRule.Always, method: "PUT", pathContains: "/run/b-", queryContains: "acl");
            using var ps = new PowerShellSession();

            var interrupted = ps.Run(command);
            Assert.Null(interrupted.Terminating);
            Assert.Equal(3, slow.Applied);
            Assert.Equal(2, reset.Applied);
            // Every b-* write was tried, and retried by the SDK, before its error was reported.
            Assert.True(broken.Applied >= 2 * bad.Count, $"{broken.Applied} InternalError answers");
            Assert.All(interrupted.Errors, e => Assert.Contains("InternalError", e.Exception.Message));
            Assert.Equal(good, interrupted.Output.Select(o => (string)o.Properties["Key"].Value).OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal(bad.Count, interrupted.Errors.Count);
            Assert.All(interrupted.Errors, e => Assert.Equal("ServiceError,S3CrossAccount.Commands.Acls.GrantXAccountAclCommand", e.FullyQualifiedErrorId));
            Assert.Equal(bad.Select(k => $"{bucket}/{k}"), interrupted.Errors.Select(e => (string)e.TargetObject).OrderBy(t => t, StringComparer.Ordinal));
            Assert.Equal(new[] { owner }, await ReadAclAsync(s3A, bucket, bad[0]));
            Assert.Equal(Sorted(new[] { owner, $"{b}:READ" }), await ReadAclAsync(s3A, bucket, good[0]));

            // The fault is gone: the same command finishes the job, writing only the b-* ACLs.
            proxy.ClearFaults();
            var rerun = ps.Run(command).ShouldSucceed();
            Assert.Equal(bad.Select(k => $"S3 PutObjectAcl {bucket}/{k}"), S3Writes(rerun).OrderBy(v => v, StringComparer.Ordinal));
            Assert.Equal(bad, rerun.Output.Where(o => (bool)o.Properties["Changed"].Value).Select(o => (string)o.Properties["Key"].Value).OrderBy(k => k, StringComparer.Ordinal));

            foreach (var key in good.Concat(bad))
            {
                Assert.Equal(Sorted(new[] { owner, $"{b}:READ" }), await ReadAclAsync(s3A, bucket, key));
            }
        }

        [SkippableFact]
        public async Task ObjectOwnership_OnAServerWithoutOwnershipControls_IsUnrecognizedWithAclsEnabled_AndWhatIfWritesNothing()
        {
            var server = _rgw.Require();
            var (bucket, s3A) = await HarnessTests.NewBucketWithObjectAsync(server, "aclown", "k1", "data");
            using var _ = s3A;
            using var profiles = server.CreateProfileFile();
            var asA = server.CmdletArgs(profiles, "A");
            using var ps = new PowerShellSession();

            var got = ps.Run($"[pscustomobject]@{{ BucketName = '{bucket}' }} | Get-XAccountObjectOwnership {asA} -Verbose").ShouldSucceed();
            var ownership = got.Output.Single();
            Assert.Equal("S3CrossAccount.Core.Acls.XAccountObjectOwnership", ownership.BaseObject.GetType().FullName);
            Assert.Equal("Unrecognized", ownership.Properties["Source"].Value.ToString());
            Assert.Equal(true, ownership.Properties["AclsEnabled"].Value);
            Assert.Equal(new[] { $"S3 GetBucketOwnershipControls {bucket}" }, got.Verbose.Where(v => v.StartsWith("S3 ", StringComparison.Ordinal)));

            var whatIf = ps.Run($"Set-XAccountObjectOwnership -Bucket {bucket} -ObjectOwnership BucketOwnerEnforced {asA} -WhatIf -Verbose").ShouldSucceed();
            Assert.Empty(whatIf.Output);
            Assert.Empty(S3Writes(whatIf));

            // A prefix without objects changes nothing and says so.
            var empty = ps.Run($"Grant-XAccountAcl -Bucket {bucket} -Prefix nothing/ -Permission READ -CanonicalId '{server.B.AdminCanonicalId}' {asA} -Verbose").ShouldSucceed();
            Assert.Empty(empty.Output);
            Assert.Empty(S3Writes(empty));
            Assert.Contains(empty.Warnings, w => w == $"No object in bucket '{bucket}' has a key starting with 'nothing/': no ACL was changed.");

            // radosgw refuses PutBucketOwnershipControls (400 InvalidArgument): a clear error, nothing changed.
            var refused = ps.Run($"Set-XAccountObjectOwnership -Bucket {bucket} -ObjectOwnership BucketOwnerPreferred {asA} -Force -Verbose");
            Assert.Equal("ServiceError,S3CrossAccount.Commands.Acls.SetXAccountObjectOwnershipCommand", refused.FirstError?.FullyQualifiedErrorId);
            Assert.Equal(bucket, refused.FirstError!.TargetObject);
            Assert.Equal(new[] { $"S3 PutBucketOwnershipControls {bucket}" }, S3Writes(refused));
        }
    }
}
