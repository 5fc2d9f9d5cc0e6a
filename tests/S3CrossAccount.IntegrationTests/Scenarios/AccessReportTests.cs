using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Amazon.S3.Model;
using S3CrossAccount.IntegrationTests.Faults;
using S3CrossAccount.IntegrationTests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace S3CrossAccount.IntegrationTests.Scenarios
{
    /// <summary>
    /// Get-XAccountAccessReport on radosgw: a bucket given access by each of the three methods (through the
    /// module's cmdlets) reports exactly those ways in, and nothing of A's own principals, of roles trusted only
    /// inside A, or of roles that reach other buckets.
    /// </summary>
    [Collection(RgwCollection.Name)]
    public class AccessReportTests
    {
        private readonly RgwFixture _rgw;
        private readonly ITestOutputHelper _output;

        public AccessReportTests(RgwFixture rgw, ITestOutputHelper output)
        {
            _rgw = rgw;
            _output = output;
        }

        private static string Row(PSObject o) => string.Join("|", new[] { "Principal", "PrincipalAccount", "Path", "Actions", "Resources", "Condition", "Source", "IsPublic" }
            .Select(p => o.Properties[p].Value?.ToString() ?? string.Empty));

        [SkippableFact]
        public async Task EachMethodsGrant_IsReported_AndNothingElse()
        {
            var server = _rgw.Require();
            var (bucket, s3A) = await HarnessTests.NewBucketWithObjectAsync(server, "report", "k1", "data");
            using var _ = s3A;
            var other = UniqueNames.Bucket("report-other");
            await s3A.PutBucketAsync(new PutBucketRequest { BucketName = other });
            using var profiles = server.CreateProfileFile();
            using var ps = server.OpenModuleSession(profiles);
            var a = server.A.AccountId;

            // A foreign statement for A's own user: inside the account, so not a row.
            var own = $"{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Sid\":\"Own\",\"Effect\":\"Allow\",\"Principal\":{{\"AWS\":\"{server.A.UserArn}\"}},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::{bucket}/*\"}}]}}";
            await s3A.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = own });

            // Method 1, method 2, method 3 (and two roles that are not ways in to this bucket).
            ps.Run($"New-XAccountBucketPolicy -Bucket {bucket} -Principal {server.B.AdminArn} -Access ReadWrite | Set-XAccountBucketPolicy -Bucket {bucket} @A").ShouldSucceed();
            ps.Run($"Grant-XAccountAcl -Bucket {bucket} -Permission WRITE -CanonicalId '{server.B.AdminCanonicalId}' @A").ShouldSucceed();
            var reader = UniqueNames.Role("Report");
            var inside = UniqueNames.Role("Inside");
            var elsewhere = UniqueNames.Role("Elsewhere");
            ps.Run($"New-XAccountRole -RoleName {reader} -TrustedPrincipal {server.C.RootArn} -ExternalId Partner-42 -Bucket {bucket} -Access Read @A").ShouldSucceed();
            ps.Run($"New-XAccountRole -RoleName {inside} -TrustedPrincipal {server.A.UserArn} -Bucket {bucket} -Access ReadWrite @A").ShouldSucceed();
            ps.Run($"New-XAccountRole -RoleName {elsewhere} -TrustedPrincipal {server.C.RootArn} -Bucket {other} -Access ReadWrite @A").ShouldSucceed();
            try
            {
                var report = ps.Run($"Get-XAccountAccessReport -Bucket {bucket} -AccountId {a} @A -Verbose").ShouldSucceed();
                foreach (var o in report.Output) _output.WriteLine(Row(o));
                var mine = new[] { reader, inside, elsewhere }.Select(r => server.A.RoleArn(r)).ToArray();
                // Other tests' roles in A may linger if they failed; only this test's roles are judged.
                var rows = report.Output.Where(o => o.Properties["Path"].Value.ToString() != "Role" || mine.Contains((string)o.Properties["Source"].Value)).Select(Row).OrderBy(r => r, StringComparer.Ordinal);
                Assert.Equal(new[]
                {
                    $"{server.B.AdminCanonicalId}||BucketAcl|s3:PutObject, s3:DeleteObject, s3:DeleteObjectVersion|arn:aws:s3:::{bucket}||WRITE|False",
                    $"{server.B.AdminArn}|{server.B.AccountId}|BucketPolicy|s3:GetObject, s3:PutObject, s3:PutObjectAcl|arn:aws:s3:::{bucket}/*||{SidOf(ps, bucket)}|False",
                    $"{server.C.RootArn}|{server.C.AccountId}|Role|s3:GetObject|arn:aws:s3:::{bucket}/*|{{\"StringEquals\":{{\"sts:ExternalId\":\"Partner-42\"}}}}|{server.A.RoleArn(reader)}|False",
                }, rows);

                // The calls: per bucket the policy and the ACL; IAM once for the roles, and policies only for roles trusted outside A.
                Assert.Contains($"S3 GetBucketPolicy {bucket}", report.Verbose);
                Assert.Contains($"S3 GetBucketAcl {bucket}", report.Verbose);
                Assert.Contains("IAM ListRoles /", report.Verbose);
                Assert.Contains($"IAM ListRolePolicies {reader}", report.Verbose);
                Assert.DoesNotContain($"IAM ListRolePolicies {inside}", report.Verbose);
                Assert.DoesNotContain(report.Verbose, v => v.StartsWith("S3 Put", StringComparison.Ordinal) || v.StartsWith("IAM Put", StringComparison.Ordinal));

                // Progress per bucket, then completed.
                Assert.Equal("1 of 1 buckets", report.Progress.First().StatusDescription);
                Assert.Equal(ProgressRecordType.Completed, report.Progress.Last().RecordType);

                // Sortable and exportable (Export-Csv, ConvertTo-Json): every property is a plain value.
                Assert.All(report.Output, o => Assert.All(o.Properties.Where(p => p.MemberType == PSMemberTypes.Property), p =>
                    Assert.True(p.Value == null || p.Value is string || p.Value is bool || p.Value is Enum, p.Name)));
            }
            finally
            {
                foreach (var role in new[] { reader, inside, elsewhere })
                {
                    ps.Run($"Remove-XAccountRole -RoleName {role} @A -Confirm:$false");
                }
            }
        }

        [SkippableFact]
        public async Task Roles_AreReadBesideTheBuckets_AndARoleReadThatFails_EndsTheReportWithoutRows()
        {
            var server = _rgw.Require();
            using var s3A = server.S3(server.A);
            var buckets = Enumerable.Range(1, 3).Select(i => UniqueNames.Bucket("besides" + i)).ToArray();
            foreach (var b in buckets)
            {
                await s3A.PutBucketAsync(new PutBucketRequest { BucketName = b });
            }

            using var profiles = server.CreateProfileFile();
            await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
            var viaProxy = server.CmdletArgs(profiles, "A", proxy.Endpoint);
            using var ps = server.OpenModuleSession(profiles);
            var role = UniqueNames.Role("Besides");
            ps.Run($"New-XAccountRole -RoleName {role} -TrustedPrincipal {server.C.RootArn} -Bucket {buckets[0]} -Access Read @A").ShouldSucceed();
            try
            {
                // ListRoles held for a second: every bucket's reads arrive while it is held, so before the role's own
                // policy reads (which wait for ListRoles' answer). Read one after the other, they came after them all.
                proxy.Inject(FaultKind.Delay, times: 1, action: "ListRoles", delay: TimeSpan.FromSeconds(1));
                var report = ps.Run($"Get-XAccountAccessReport -Bucket {string.Join(",", buckets)} -AccountId {server.A.AccountId} -ThrottleLimit 4 {viaProxy}").ShouldSucceed();
                var requests = proxy.Requests;
                var firstPolicyRead = requests.First(r => r.Action == "ListRolePolicies").Sequence;
                var bucketReads = requests.Where(r => r.IsS3("GET", "policy") || r.IsS3("GET", "acl")).ToList();
                Assert.Equal(6, bucketReads.Count);
                Assert.All(bucketReads, r => Assert.True(r.Sequence < firstPolicyRead, $"{r} arrived after the first ListRolePolicies"));

                // Still each bucket's own rows, then its roles' rows: the role reaches the first bucket only.
                Assert.Equal(new[] { buckets[0] }, report.Output.Where(o => (string)o.Properties["Source"].Value == server.A.RoleArn(role))
                    .Select(o => (string)o.Properties["Bucket"].Value));

                // A role read that fails: the buckets were read, yet no bucket reports without its roles; the error ends it.
                proxy.ClearRecords();
                proxy.Inject(FaultKind.InternalError, FaultRule.Always, action: "ListRoles");
                var failed = ps.Run($"Get-XAccountAccessReport -Bucket {string.Join(",", buckets)} -AccountId {server.A.AccountId} -ThrottleLimit 4 {viaProxy}");
                _output.WriteLine(failed.FirstError?.FullyQualifiedErrorId + ": " + failed.FirstError?.Exception.Message);
                Assert.StartsWith("ServiceError,", failed.FirstError!.FullyQualifiedErrorId);
                Assert.Empty(failed.Output);
                Assert.Equal(6, proxy.Count(r => r.IsS3("GET", "policy") || r.IsS3("GET", "acl")));
                proxy.ClearFaults();
            }
            finally
            {
                ps.Run($"Remove-XAccountRole -RoleName {role} @A -Confirm:$false");
            }
        }

        private static string SidOf(PowerShellSession ps, string bucket) =>
            (string)ps.Run($"(Get-XAccountBucketPolicy -Bucket {bucket} @A).Policy.Statements | Where-Object {{ $_.Sid -ne 'Own' }} | ForEach-Object Sid").ShouldSucceed().Output.Single().BaseObject;
    }
}
