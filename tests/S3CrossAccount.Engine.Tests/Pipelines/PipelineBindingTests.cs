using System;
using System.Linq;
using System.Management.Automation;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Engine.Tests.Acls;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Pipelines
{
    /// <summary>
    /// The pipelines the design card promises, bound by property name as an admin writes them, with CSV
    /// rows (ConvertFrom-Csv, as Import-Csv gives them: every value a string). AWS answers come from a
    /// loopback endpoint with canned bodies, so each test also shows which requests the pipeline made.
    /// </summary>
    public class PipelineBindingTests
    {
        private const string Grant = "S3CrossAccount.Commands.Acls.GrantXAccountAclCommand";
        private const string CanonicalA = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
        private const string CanonicalB = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";

        private const string BucketPolicyJson =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::222233334444:root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports-111122223333\"}]}";

        [Fact]
        public void GetBucketPolicy_PipesItsPolicy_ToTestXAccountPolicy_AndToConvertToJson()
        {
            using var s3 = new CannedS3().On("GET policy", 200, BucketPolicyJson);
            using var s = WithCsv();

            var findings = s.Run("Get-XAccountBucketPolicy -Bucket reports-111122223333 " + s3.Args + " | Test-XAccountPolicy").ShouldSucceed();
            // s3:GetObject is an object action: on a bucket ARN it matches nothing, which the linter says.
            Assert.Contains(findings.Output, f => f.Properties["Message"].Value.ToString()!.Contains("s3:GetObject"));

            var json = s.Run("Get-XAccountBucketPolicy -Bucket reports-111122223333 " + s3.Args + " | ConvertTo-XAccountPolicyJson -Compress").ShouldSucceed();
            Assert.Equal(BucketPolicyJson, json.Single<string>());
        }

        [Fact]
        public void NewBucketPolicy_CarriesItsBucket()
        {
            using var s = WithCsv();
            var r = s.Run("New-XAccountBucketPolicy -Bucket reports-111122223333 -Principal 222233334444 -Access Read").ShouldSucceed();
            Assert.Equal("reports-111122223333", r.Output.Single().Properties["BucketName"].Value);
            Assert.IsType<PolicyDocument>(r.Output.Single().BaseObject);
            // The bucket is no part of the policy's JSON.
            Assert.DoesNotContain("BucketName", s.Run("New-XAccountBucketPolicy -Bucket reports-111122223333 -Principal 222233334444 | ConvertTo-XAccountPolicyJson -Compress").ShouldSucceed().Text);
        }

        [Fact]
        public void CsvRows_ThroughNewBucketPolicy_BindSetBucketPolicysBucket_PerRow()
        {
            using var s3 = new CannedS3();
            using var s = WithCsv();
            var r = s.Run(
                "\"Bucket,Principal,Access`nreports-111122223333,222233334444,Read`nuploads-111122223333,333344445555,Write\" | ConvertFrom-Csv |\n" +
                "  New-XAccountBucketPolicy | Set-XAccountBucketPolicy -WhatIf " + s3.Args);

            Assert.Null(r.Terminating);
            // Each row's policy went to its own bucket (the canned endpoint answers NoSuchBucket for both).
            Assert.Equal(new object[] { "reports-111122223333", "uploads-111122223333" }, r.Errors.Select(e => e.TargetObject).ToArray());
            Assert.Contains(s3.Requests, q => q.StartsWith("GET /reports-111122223333/?policy"));
            Assert.Contains(s3.Requests, q => q.StartsWith("GET /uploads-111122223333/?policy"));
        }

        [Fact]
        public void CsvColumns_AccessAndAction_BindNewBucketPolicy_FromText()
        {
            using var s = WithCsv();
            var r = s.Run(
                "\"Bucket,Principal,Access`nreports-111122223333,222233334444,ReadWrite\" | ConvertFrom-Csv | New-XAccountBucketPolicy | ConvertTo-XAccountPolicyJson -Compress").ShouldSucceed();
            Assert.Contains("\"Action\":[\"s3:GetObject\",\"s3:PutObject\",\"s3:PutObjectAcl\"]", r.Text);

            var actions = s.Run(
                "\"Bucket,Principal,Action`nreports-111122223333,222233334444,s3:GetObject;s3:GetObjectVersion\" | ConvertFrom-Csv | New-XAccountBucketPolicy").ShouldSucceed().Single<PolicyDocument>();
            Assert.Contains("\"Action\":[\"s3:GetObject\",\"s3:GetObjectVersion\"]", PolicyJson.Write(actions, false));
        }

        [Fact]
        public void CsvColumns_PermissionAndCanonicalId_BindGrantXAccountAcl()
        {
            using var s3 = new CannedS3()
                .On("GET ownershipControls", 200, CannedS3.Ownership("ObjectWriter"))
                .On("GET acl", 200, Acl(CanonicalA))
                .On("PUT acl", 200, string.Empty)
                .After("PUT acl", "GET acl", 200, Acl(CanonicalA, (CanonicalB, "READ"), (CanonicalB, "WRITE")));
            using var s = WithCsv();
            var r = s.Run(
                $"\"Bucket,CanonicalId,Permission`nreports-111122223333,{CanonicalB},\"\"READ,WRITE\"\"\" | ConvertFrom-Csv | Grant-XAccountAcl " + s3.Args).ShouldSucceed();
            var change = r.Single<S3CrossAccount.Core.Acls.XAccountAclChange>();
            Assert.Equal(new[] { "READ", "WRITE" }, change.Added.Select(g => g.Permission.ToString().ToUpperInvariant()));
            Assert.Equal(new[] { "GET /reports-111122223333/?acl", "PUT /reports-111122223333/?acl", "GET /reports-111122223333/?acl" },
                s3.Requests.Where(q => q.EndsWith("?acl", StringComparison.Ordinal)));
        }

        [Fact]
        public void CsvColumn_AccountId_BindsGrantXAccountAcl_AndIsCheckedPerRow()
        {
            using var s = WithCsv();
            var r = s.Run("\"Bucket,AccountId,Permission`nreports-111122223333,2222,READ\" | ConvertFrom-Csv | Grant-XAccountAcl -GranteeProfileName B " +
                "-AccessKey AKIAIOSFODNN7EXAMPLE -SecretKey not-a-real-secret -Region us-east-1 -EndpointUrl http://127.0.0.1:9");
            Assert.Null(r.Terminating);
            Assert.Equal("InvalidAccountId," + Grant, r.FirstError?.FullyQualifiedErrorId);
            Assert.Equal("2222", r.FirstError!.TargetObject);
        }

        /// <summary>
        /// A piped record without a mandatory value is that record's error; the command never stops to prompt
        /// (a hosted runspace has no UI, so a prompt would fail the whole pipeline here).
        /// </summary>
        [Fact]
        public void ARecordWithoutPermission_IsThatRecordsError_NotAPrompt()
        {
            using var s = WithCsv();
            var r = s.Run($"\"Bucket,CanonicalId`nreports-111122223333,{CanonicalB}`nuploads-111122223333,{CanonicalB}\" | ConvertFrom-Csv | Grant-XAccountAcl " +
                "-AccessKey AKIAIOSFODNN7EXAMPLE -SecretKey not-a-real-secret -Region us-east-1 -EndpointUrl http://127.0.0.1:9");
            Assert.Null(r.Terminating);
            Assert.Equal(2, r.Errors.Count);
            Assert.All(r.Errors, e => Assert.Contains("Permission", e.Exception.Message));
            Assert.Equal(new[] { "reports-111122223333", "uploads-111122223333" }, r.Errors.Select(e => (string)((PSObject)e.TargetObject).Properties["Bucket"].Value));
        }

        /// <summary>A session with the utility cmdlets (ConvertFrom-Csv) loaded: the hosted engine starts without them.</summary>
        private static PowerShellSession WithCsv()
        {
            var s = new PowerShellSession();
            s.Run($"Import-Module '{typeof(Microsoft.PowerShell.Commands.ConvertFromCsvCommand).Assembly.Location}'").ShouldSucceed();
            return s;
        }

        private static string Acl(string owner, params (string Id, string Permission)[] others) =>
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><AccessControlPolicy xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>" + owner + "</ID></Owner>" +
            "<AccessControlList>" + GrantXml(owner, "FULL_CONTROL") + string.Concat(others.Select(o => GrantXml(o.Id, o.Permission))) + "</AccessControlList></AccessControlPolicy>";

        private static string GrantXml(string id, string permission) =>
            "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\"><ID>" + id + "</ID></Grantee><Permission>" + permission + "</Permission></Grant>";
    }
}
