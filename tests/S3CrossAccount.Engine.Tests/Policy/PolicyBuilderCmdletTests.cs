using System.Linq;
using S3CrossAccount.Core.Policies;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Policy
{
    public class PolicyBuilderCmdletTests
    {
        private const string UserB = "arn:aws:iam::222233334444:user/AccountBUserName";
        private const string CanonicalA = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";

        [Fact]
        public void BucketPolicy_Seed002_ToCompressedJson()
        {
            using var s = new PowerShellSession();
            var r = s.Run($"New-XAccountBucketPolicy -Bucket accountabucketname -Principal {UserB} -Access ReadWrite -IncludeObjectVersions | ConvertTo-XAccountPolicyJson -Compress").ShouldSucceed();
            Assert.Equal(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + UserB + "\"},\"Action\":[\"s3:GetObject\",\"s3:GetObjectVersion\",\"s3:PutObject\",\"s3:PutObjectAcl\"],\"Resource\":\"arn:aws:s3:::accountabucketname/*\"}]}",
                r.Single<string>());
        }

        [Fact]
        public void BucketPolicy_Seed001_OwnerFullControlDeny_AndCannedAclForm()
        {
            using var s = new PowerShellSession();
            var p = s.Run($"New-XAccountBucketPolicy doc-example-bucket1 arn:aws:iam::222233334444:user/AccountBadmin -Action s3:PutObject -RequireBucketOwnerFullControl -BucketOwnerCanonicalId {CanonicalA}").ShouldSucceed().Single<PolicyDocument>();
            Assert.Equal(2, p.StatementCount);
            Assert.Equal("Deny", p.Statements[1].Effect.ToString());
            Assert.Equal("id=" + CanonicalA, p.Statements[1].Condition!.Get("StringNotEquals")!.Entries.Single().Values.Single().Text);

            var canned = s.Run("New-XAccountBucketPolicy -Bucket b-1 -Principal 222233334444 -Access Write -RequireBucketOwnerFullControl").ShouldSucceed().Single<PolicyDocument>();
            Assert.Equal("s3:x-amz-acl", canned.Statements[1].Condition!.Clauses.Single().Entries.Single().Key);
        }

        [Fact]
        public void BucketPolicy_FromPipedStatements_WithSeedSids()
        {
            using var s = new PowerShellSession();
            var r = s.Run(
                "$p = 'arn:aws:iam::222233334444:user/AccountBadmin'; $r = 'arn:aws:s3:::doc-example-bucket1/*'\n" +
                "@(New-XAccountPolicyStatement -Sid 111 -Principal $p -Action s3:PutObject -Resource $r\n" +
                $"  New-XAccountPolicyStatement -Sid 112 -Effect Deny -Principal $p -Action s3:PutObject -Resource $r -Condition @{{ StringNotEquals = @{{ 's3:x-amz-grant-full-control' = 'id={CanonicalA}' }} }}) |\n" +
                "  New-XAccountBucketPolicy | ConvertTo-XAccountPolicyJson -Compress").ShouldSucceed();
            Assert.Equal(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"111\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::222233334444:user/AccountBadmin\"},\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::doc-example-bucket1/*\"},"
                + "{\"Sid\":\"112\",\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"arn:aws:iam::222233334444:user/AccountBadmin\"},\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::doc-example-bucket1/*\",\"Condition\":{\"StringNotEquals\":{\"s3:x-amz-grant-full-control\":\"id=" + CanonicalA + "\"}}}]}",
                r.Single<string>());
        }

        [Fact]
        public void IdentityPolicy_FolderLimited_AndExplicitActions()
        {
            using var s = new PowerShellSession();
            var p = s.Run("New-XAccountIdentityPolicy -Bucket accountabucketname -Access ReadWrite -Prefix FolderName").ShouldSucceed().Single<PolicyDocument>();
            Assert.Equal(new[] { "arn:aws:s3:::accountabucketname/FolderName/*" }, p.Resources);
            Assert.Equal(new[] { "s3:GetObject", "s3:PutObject", "s3:PutObjectAcl" }, p.Actions);

            var explicitActions = s.Run("New-XAccountIdentityPolicy -Bucket b-1 -Action s3:ListBucket, s3:GetObject -Partition aws-cn").ShouldSucceed().Single<PolicyDocument>();
            Assert.Equal(new[] { "arn:aws-cn:s3:::b-1", "arn:aws-cn:s3:::b-1/*" }, explicitActions.Resources);
        }

        [Fact]
        public void AccessPolicy_Console_IsTheSeedsThreeStatements()
        {
            using var s = new PowerShellSession();
            var r = s.Run("New-XAccountAccessPolicy -Bucket accountabucketname -Access Console | ConvertTo-XAccountPolicyJson -Compress").ShouldSucceed();
            Assert.Equal(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:ListAllMyBuckets\"],\"Resource\":\"arn:aws:s3:::*\"},{\"Effect\":\"Allow\",\"Action\":[\"s3:ListBucket\",\"s3:GetBucketLocation\"],\"Resource\":\"arn:aws:s3:::accountabucketname\"},{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":\"arn:aws:s3:::accountabucketname/*\"}]}",
                r.Single<string>());
        }

        [Fact]
        public void TrustPolicy_WithOptions_AndPrincipalsByPropertyName()
        {
            using var s = new PowerShellSession();
            var r = s.Run("[pscustomobject]@{ AccountId = '333344445555' } | New-XAccountTrustPolicy -ExternalId Partner-42 -RequireMfa | ConvertTo-XAccountPolicyJson -Compress").ShouldSucceed();
            Assert.Equal(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"333344445555\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"Partner-42\"},\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}",
                r.Single<string>());

            var org = s.Run("New-XAccountTrustPolicy -TrustedPrincipal arn:aws:iam::333344445555:root, 444455556666 -PrincipalOrgId o-a1b2c3d4e5").ShouldSucceed().Single<PolicyDocument>();
            Assert.Equal(new[] { "arn:aws:iam::333344445555:root", "444455556666" }, org.Principals);
        }

        [Fact]
        public void AssumeRolePolicy_TakesRoleArnsByPropertyName_IntoOneSingleObjectPolicy()
        {
            using var s = new PowerShellSession();
            var r = s.Run("[pscustomobject]@{ RoleArn = 'arn:aws:iam::111122223333:role/AccountARole' } | New-XAccountAssumeRolePolicy | ConvertTo-XAccountPolicyJson -Compress").ShouldSucceed();
            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"arn:aws:iam::111122223333:role/AccountARole\"}}", r.Single<string>());

            var two = s.Run("'arn:aws:iam::111122223333:role/A', 'arn:aws:iam::111122223333:role/B' | New-XAccountAssumeRolePolicy").ShouldSucceed().Single<PolicyDocument>();
            Assert.Equal(2, two.Statements.Single().Resource!.Count);
        }

        [Fact]
        public void PolicyStatement_ConditionHashtable_KeepsValueKinds()
        {
            using var s = new PowerShellSession();
            var r = s.Run("New-XAccountPolicyStatement -Action s3:GetObject -Resource 'arn:aws:s3:::b-1/*' -Condition ([ordered]@{ Bool = @{ 'aws:SecureTransport' = $true }; NumericLessThanEquals = @{ 's3:max-keys' = 10 }; IpAddress = @{ 'aws:SourceIp' = @('203.0.113.0/24') } }) | ConvertTo-XAccountPolicyJson -Compress").ShouldSucceed();
            Assert.Equal(
                "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b-1/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":true},\"NumericLessThanEquals\":{\"s3:max-keys\":10},\"IpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\"]}}}",
                r.Single<string>());
        }

        [Fact]
        public void FormatFile_HasTableViews_WhosePropertiesExist()
        {
            // The test host has no Format-Table; check the view definitions against the real types instead (the
            // renderings are pinned in tests/Pester/Views.Tests.ps1, in real pwsh).
            var file = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(PowerShellSession.ManifestPath)!, "S3CrossAccount.Format.ps1xml");
            var xml = System.Xml.Linq.XDocument.Load(file);
            foreach (var type in new[] { typeof(PolicyDocument), typeof(PolicyStatement) })
            {
                var views = xml.Descendants("View").Where(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == type.FullName).ToList();
                Assert.Contains(views, v => v.Element("TableControl") != null);
                foreach (var property in views.SelectMany(v => v.Descendants("PropertyName")).Select(e => e.Value))
                {
                    Assert.NotNull(type.GetProperty(property));
                }
            }

            using var s = new PowerShellSession();
            var p = s.Run($"New-XAccountBucketPolicy -Bucket b-1 -Principal {UserB}").ShouldSucceed().Single<PolicyDocument>();
            Assert.Equal(1, p.StatementCount);
            Assert.Equal(new[] { UserB }, p.Principals);
        }
    }
}
