using System.IO;
using System.Linq;
using S3CrossAccount.Core.Policies;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Policy
{
    public class PolicyJsonCmdletTests
    {
        private const string Seed002Trust = "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Principal\": { \"AWS\": \"arn:aws:iam::222233334444:user/AccountBUserName\" }, \"Action\": \"sts:AssumeRole\" } ] }";

        [Fact]
        public void ConvertFrom_String_AndBackIndented()
        {
            using var s = new PowerShellSession();
            s.SetVariable("json", Seed002Trust);
            var r = s.Run("ConvertFrom-XAccountPolicyJson $json | ConvertTo-XAccountPolicyJson").ShouldSucceed();
            Assert.Equal(
                "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n            \"Effect\": \"Allow\",\n            \"Principal\": {\n                \"AWS\": \"arn:aws:iam::222233334444:user/AccountBUserName\"\n            },\n            \"Action\": \"sts:AssumeRole\"\n        }\n    ]\n}",
                r.Single<string>());
        }

        [Fact]
        public void ConvertFrom_FileByPath_AndLinesFromThePipeline()
        {
            var file = Path.Combine(Path.GetTempPath(), "xaccount-policy-" + System.Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(file, "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": { \"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\", \"Resource\": \"arn:aws:iam::111122223333:role/AccountARole\" }\n}\n");
            try
            {
                using var s = new PowerShellSession();
                s.SetVariable("file", file);
                var fromPath = s.Run("ConvertFrom-XAccountPolicyJson -Path $file").ShouldSucceed().Single<PolicyDocument>();
                Assert.True(fromPath.StatementIsSingleObject);

                // Lines piped one by one (as Get-Content sends them) make one document.
                var fromLines = s.Run("[System.IO.File]::ReadAllLines($file) | ConvertFrom-XAccountPolicyJson").ShouldSucceed().Single<PolicyDocument>();
                Assert.Equal(fromPath, fromLines);

                // FileInfo objects bind by property name.
                var fromItem = s.Run("[System.IO.FileInfo]::new($file) | ConvertFrom-XAccountPolicyJson").ShouldSucceed().Single<PolicyDocument>();
                Assert.Equal(fromPath, fromItem);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void ConvertFrom_SeveralDocumentsOnThePipeline_GivesSeveralPolicies()
        {
            using var s = new PowerShellSession();
            var r = s.Run("'{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a:b\"}]}', '{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"a:c\"}]}' | ConvertFrom-XAccountPolicyJson").ShouldSucceed();
            Assert.Equal(new[] { PolicyEffect.Allow, PolicyEffect.Deny }, r.All<PolicyDocument>().Select(p => p.Statements[0].Effect));
        }

        [Fact]
        public void Merge_ExistingPolicyWithPipedGrants_IsIdempotent_AndRemoveUndoesIt()
        {
            using var s = new PowerShellSession();
            s.SetVariable("json", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyHttp\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b-1/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}");
            var r = s.Run(
                "$existing = ConvertFrom-XAccountPolicyJson $json\n" +
                "$grant = New-XAccountBucketPolicy -Bucket b-1 -Principal 222233334444 -Access Read\n" +
                "$once = $grant | Merge-XAccountPolicy -Policy $existing -Verbose\n" +
                "$twice = $grant | Merge-XAccountPolicy -Policy $once\n" +
                "$back = $grant | Merge-XAccountPolicy -Policy $twice -Remove\n" +
                "$once.StatementCount; $twice.Equals($once); $back.Equals($existing); ($once | ConvertTo-XAccountPolicyJson -Compress)").ShouldSucceed();
            Assert.Equal(2, (int)r.Output[0].BaseObject);
            Assert.True((bool)r.Output[1].BaseObject);
            Assert.True((bool)r.Output[2].BaseObject);
            var json = (string)r.Output[3].BaseObject;
            Assert.StartsWith("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyHttp\",", json);
            Assert.Matches("\"Sid\":\"XAccount[0-9A-F]{12}\",\"Effect\":\"Allow\",\"Principal\":\\{\"AWS\":\"222233334444\"\\}", json);
            Assert.Single(r.Verbose);
            Assert.StartsWith("Added statement XAccount", r.Verbose[0]);
        }

        [Fact]
        public void Merge_WithoutExistingPolicy_CombinesSeveralGrants()
        {
            using var s = new PowerShellSession();
            var p = s.Run("@(New-XAccountBucketPolicy b-1 222233334444 -Access Read; New-XAccountBucketPolicy b-1 222233334444 -Access Write) | Merge-XAccountPolicy").ShouldSucceed().Single<PolicyDocument>();
            Assert.Equal(new[] { "s3:GetObject", "s3:PutObject", "s3:PutObjectAcl" }, p.Statements.Single().Action!.Values);
        }

        [Fact]
        public void ConvertTo_AcceptsStatements()
        {
            using var s = new PowerShellSession();
            var r = s.Run("(New-XAccountTrustPolicy 222233334444).Statements | ConvertTo-XAccountPolicyJson -Compress").ShouldSucceed();
            Assert.Equal("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"222233334444\"},\"Action\":\"sts:AssumeRole\"}", r.Single<string>());
        }
    }
}
