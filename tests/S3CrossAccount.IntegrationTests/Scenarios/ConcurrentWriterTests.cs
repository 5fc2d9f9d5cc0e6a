using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.S3.Model;
using S3CrossAccount.IntegrationTests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace S3CrossAccount.IntegrationTests.Scenarios
{
    /// <summary>
    /// Issue 14: several OS processes (not threads) change one bucket policy, one object ACL and one role's
    /// trust policy at the same moment, each with its own grants. Nothing may be lost, nothing reported
    /// done may be missing, and a foreign statement or grant stays. "Same machine": the writers share a
    /// lock directory, as every process of one user does by default. "Separate machines": each writer
    /// has a lock directory of its own, so only write-then-converge protects them.
    /// </summary>
    [Collection(RgwCollection.Name)]
    public class ConcurrentWriterTests
    {
        private const int Writers = 3;
        private const int GrantsEach = 10;

        private readonly RgwFixture _rgw;
        private readonly ITestOutputHelper _output;

        public ConcurrentWriterTests(RgwFixture rgw, ITestOutputHelper output)
        {
            _rgw = rgw;
            _output = output;
        }

        private const string Connection =
            "$c = @{ EndpointUrl = $env:XA_ENDPOINT; ProfileName = 'A'; ProfileLocation = $env:XA_PROFILES; Region = 'us-east-1' }\n";

        private const string BucketPolicyWriter = Connection
            + "foreach ($i in 1..[int]$env:XA_COUNT) {\n"
            + "  $id = \"w$($env:XA_WRITER)-$i\"\n"
            + "  try { New-XAccountBucketPolicy -Bucket $env:XA_BUCKET -Principal $env:XA_PRINCIPAL -Access Read -Prefix $id | Set-XAccountBucketPolicy -Bucket $env:XA_BUCKET @c -Verbose -ErrorAction Stop 4>&1 | Tally; \"DONE $id\" }\n"
            + "  catch { \"FAIL $id $($_.FullyQualifiedErrorId)\" }\n"
            + "}\n";

        private const string ObjectAclWriter = Connection
            + "foreach ($i in 1..[int]$env:XA_COUNT) {\n"
            + "  $grantee = \"$($env:XA_GRANTEE)$i\"; $id = \"$($grantee):$($env:XA_PERMISSION)\"\n"
            + "  try { Grant-XAccountAcl -Bucket $env:XA_BUCKET -Key k1 -Permission $env:XA_PERMISSION -CanonicalId $grantee @c -Verbose -ErrorAction Stop 4>&1 | Tally; \"DONE $id\" }\n"
            + "  catch { \"FAIL $id $($_.FullyQualifiedErrorId)\" }\n"
            + "}\n";

        private const string TrustWriter = Connection
            + "foreach ($i in 1..[int]$env:XA_COUNT) {\n"
            + "  $id = \"$($env:XA_TRUSTED)w$($env:XA_WRITER)-$i\"\n"
            + "  try { New-XAccountRole -RoleName $env:XA_ROLE -TrustedPrincipal $id @c -Verbose -ErrorAction Stop 4>&1 | Tally; \"DONE $id\" }\n"
            + "  catch { \"FAIL $id $($_.FullyQualifiedErrorId)\" }\n"
            + "}\n";

        [SkippableFact]
        public Task BucketPolicy_ThreeProcessesOnOneMachine_LoseNothing() => BucketPolicyRace(separateMachines: false);

        [SkippableFact]
        public Task BucketPolicy_ThreeProcessesAsSeparateMachines_ConvergeAndLoseNothing() => BucketPolicyRace(separateMachines: true);

        [SkippableFact]
        public Task ObjectAcl_ThreeProcessesOnOneMachine_LoseNothing() => ObjectAclRace(separateMachines: false);

        [SkippableFact]
        public Task ObjectAcl_ThreeProcessesAsSeparateMachines_ConvergeAndLoseNothing() => ObjectAclRace(separateMachines: true);

        [SkippableFact]
        public async Task TrustPolicy_ThreeProcessesMergingPrincipalsIntoOneRole_LoseNothing()
        {
            var server = _rgw.Require();
            using var profiles = server.CreateProfileFile();
            var role = UniqueNames.Role("Race");
            var trusted = $"arn:aws:iam::{server.C.AccountId}:user/";

            var runs = await RunAsync(server, profiles, TrustWriter, separateMachines: false, new Dictionary<string, string> { ["XA_ROLE"] = role, ["XA_TRUSTED"] = trusted });

            var response = (await server.Raw(server.A).IamAsync("GetRole", new Dictionary<string, string> { ["RoleName"] = role })).ShouldSucceed();
            var trust = System.Net.WebUtility.UrlDecode(response.Element("AssumeRolePolicyDocument"));
            var present = Strings(JsonDocument.Parse(trust).RootElement).Where(s => s.StartsWith(trusted, StringComparison.Ordinal)).ToHashSet();
            AssertNothingLost("trust policy", runs, present);
        }

        private async Task BucketPolicyRace(bool separateMachines)
        {
            var server = _rgw.Require();
            var (bucket, s3A) = await HarnessTests.NewBucketWithObjectAsync(server, separateMachines ? "racepm" : "racep", "k1", "data");
            using var _ = s3A;
            using var profiles = server.CreateProfileFile();
            var foreign = $"{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Sid\":\"Foreign\",\"Effect\":\"Allow\",\"Principal\":{{\"AWS\":\"{server.C.AdminArn}\"}},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::{bucket}/public/*\"}}]}}";
            await s3A.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = foreign });

            var runs = await RunAsync(server, profiles, BucketPolicyWriter, separateMachines, new Dictionary<string, string> { ["XA_BUCKET"] = bucket, ["XA_PRINCIPAL"] = server.B.AdminArn });

            var policy = JsonDocument.Parse((await s3A.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = bucket })).Policy).RootElement;
            var statements = policy.GetProperty("Statement").EnumerateArray().ToList();
            Assert.Single(statements, s => s.TryGetProperty("Sid", out var sid) && sid.GetString() == "Foreign" && s.GetRawText().Contains($"{bucket}/public/*", StringComparison.Ordinal));
            var prefix = $"arn:aws:s3:::{bucket}/";
            var present = statements.SelectMany(Strings).Where(r => r.StartsWith(prefix, StringComparison.Ordinal) && r.EndsWith("/*", StringComparison.Ordinal))
                .Select(r => r.Substring(prefix.Length, r.Length - prefix.Length - 2)).ToHashSet();
            AssertNothingLost("bucket policy", runs, present);
        }

        private async Task ObjectAclRace(bool separateMachines)
        {
            var server = _rgw.Require();
            var (bucket, s3A) = await HarnessTests.NewBucketWithObjectAsync(server, separateMachines ? "raceam" : "racea", "k1", "data");
            using var _ = s3A;
            using var profiles = server.CreateProfileFile();
            var owner = server.A.AdminCanonicalId;
            var foreign = server.C.AdminCanonicalId;
            await s3A.PutObjectAclAsync(new PutObjectAclRequest { BucketName = bucket, Key = "k1", GrantFullControl = $"id=\"{owner}\"", GrantReadACP = $"id=\"{foreign}\"" });
            // Ten grantees; writer 1 grants each READ, writer 2 READ_ACP, writer 3 WRITE_ACP: 30 distinct grants.
            server.EnsureUsers(server.B.Tenant, Enumerable.Range(1, GrantsEach).Select(i => "race" + i));
            var permissions = new[] { "READ", "READ_ACP", "WRITE_ACP" };

            var runs = await RunAsync(server, profiles, ObjectAclWriter, separateMachines,
                new Dictionary<string, string> { ["XA_BUCKET"] = bucket, ["XA_GRANTEE"] = server.B.Tenant + "$race" },
                w => new Dictionary<string, string> { ["XA_PERMISSION"] = permissions[w - 1] });

            var grants = (await s3A.GetObjectAclAsync(new GetObjectAclRequest { BucketName = bucket, Key = "k1" })).Grants;
            Assert.Contains(grants, g => g.Grantee.CanonicalUser == owner && g.Permission.Value == "FULL_CONTROL");
            Assert.Contains(grants, g => g.Grantee.CanonicalUser == foreign && g.Permission.Value == "READ_ACP");
            AssertNothingLost("object ACL", runs, grants.Select(g => g.Grantee.CanonicalUser + ":" + g.Permission.Value).ToHashSet());
        }

        private async Task<WriterRun[]> RunAsync(RgwServer server, TempProfileFile profiles, string script, bool separateMachines, IDictionary<string, string> target,
            Func<int, IDictionary<string, string>>? perWriter = null)
        {
            var locks = Path.Combine(Path.GetTempPath(), "s3xa-race-locks-" + Guid.NewGuid().ToString("N"));
            var writers = Enumerable.Range(1, Writers).Select(w =>
            {
                var environment = new Dictionary<string, string>(target)
                {
                    ["XA_WRITER"] = w.ToString(),
                    ["XA_COUNT"] = GrantsEach.ToString(),
                    ["XA_ENDPOINT"] = server.Endpoint,
                    ["XA_PROFILES"] = profiles.Path,
                    // Longer than a writer's read-to-write time on this loopback server, with room for a busy machine.
                    ["S3XA_SETTLE_MS"] = separateMachines ? "300" : "50",
                    ["S3XA_LOCK_DIRECTORY"] = separateMachines ? Path.Combine(locks, "machine" + w) : locks,
                };
                foreach (var pair in perWriter?.Invoke(w) ?? new Dictionary<string, string>()) environment[pair.Key] = pair.Value;
                return (script, (IDictionary<string, string>)environment);
            }).ToList();
            try
            {
                return await WriterProcesses.RunAsync(writers);
            }
            finally
            {
                if (Directory.Exists(locks)) Directory.Delete(locks, recursive: true);
            }
        }

        private void AssertNothingLost(string what, WriterRun[] runs, ISet<string> present)
        {
            var done = runs.SelectMany(r => r.Done).ToList();
            var failed = runs.SelectMany(r => r.Failed).ToList();
            var doneButMissing = done.Where(id => !present.Contains(id)).ToList();
            _output.WriteLine($"{what}: {Writers} processes x {GrantsEach} grants: {done.Count} reported done, {failed.Count} failed, "
                + $"{doneButMissing.Count} reported done but missing, {Writers * GrantsEach - done.Intersect(present).Count()} lost; {runs.Sum(r => r.Rewrites)} rewrite(s) after another writer's write.");
            foreach (var failure in failed.Take(5))
            {
                _output.WriteLine("failed: " + failure);
            }

            foreach (var run in runs.Where(r => r.ExitCode != 0))
            {
                _output.WriteLine($"exit {run.ExitCode}: {run.Errors}");
            }

            Assert.Empty(failed);
            Assert.Empty(doneButMissing);
            Assert.Equal(Writers * GrantsEach, done.Distinct().Count());
            Assert.All(runs, r => Assert.Equal(0, r.ExitCode));
        }

        /// <summary>Every string value anywhere in the JSON (principals, resources).</summary>
        private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.String => new[] { element.GetString()! },
            JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
            JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
            _ => Enumerable.Empty<string>(),
        };
    }
}
