using System.Linq;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;
using Xunit;

namespace S3CrossAccount.Core.Tests.Builders
{
    /// <summary>
    /// Every policy printed in the seed documents (shared/seeds), verbatim except for the placeholders,
    /// reproduced by a builder call and compared with semantic equality.
    /// </summary>
    public class SeedPolicyTests
    {
        private const string AccountA = "111122223333";
        private const string AccountB = "222233334444";
        private const string AccountC = "333344445555";
        private const string Bucket = "accountabucketname";
        private const string Bucket1 = "doc-example-bucket1";
        private const string OwnerCanonicalId = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";

        private static string Seed(string json) => json
            .Replace("AccountABucketName", Bucket)
            .Replace("DOC-EXAMPLE-BUCKET1", Bucket1)
            .Replace("CanonicalUserId-of-AWSaccountA-BucketOwner", OwnerCanonicalId)
            .Replace("AccountB-ID", AccountB)
            .Replace("AccountA-ID", AccountA)
            .Replace("AccountC-ID", AccountC)
            .Replace("::AccountB:", "::" + AccountB + ":")
            .Replace("::AccountA:", "::" + AccountA + ":");

        private static void AssertSame(string seedJson, PolicyDocument built)
        {
            var expected = PolicyJson.Parse(Seed(seedJson));
            Assert.True(expected.SemanticEquals(built), "expected " + PolicyJson.Write(expected) + "\nbut built " + PolicyJson.Write(built));
        }

        private const string UserB = "arn:aws:iam::" + AccountB + ":user/AccountBUserName";

        [Fact]
        public void Seed000_IdentityPolicyForAccountB()
        {
            AssertSame(
                "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Action\": [ \"s3:GetObject\", \"s3:PutObject\", \"s3:PutObjectAcl\" ], \"Resource\": \"arn:aws:s3:::AccountABucketName/*\" } ] }",
                PolicyBuilder.IdentityPolicy(new S3AccessRequest(Bucket) { Access = S3AccessPreset.ReadWrite }));
        }

        [Fact]
        public void Seed002_IdentityPolicyWithObjectVersions()
        {
            AssertSame(
                "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Action\": [ \"s3:GetObject\", \"s3:GetObjectVersion\", \"s3:PutObject\", \"s3:PutObjectAcl\" ], \"Resource\": \"arn:aws:s3:::AccountABucketName/*\" } ] }",
                PolicyBuilder.IdentityPolicy(new S3AccessRequest(Bucket) { Access = S3AccessPreset.ReadWrite, IncludeObjectVersions = true }));
        }

        [Fact]
        public void Seed000_And002_FolderLimitedIdentityPolicy()
        {
            AssertSame(
                "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Action\": [ \"s3:GetObject\", \"s3:PutObject\", \"s3:PutObjectAcl\" ], \"Resource\": \"arn:aws:s3:::AccountABucketName/FolderName/*\" } ] }",
                PolicyBuilder.IdentityPolicy(new S3AccessRequest(Bucket) { Access = S3AccessPreset.ReadWrite, Prefix = "FolderName" }));
        }

        [Fact]
        public void Seed000_BucketPolicyForAccountBUser()
        {
            AssertSame(
                "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Principal\": { \"AWS\": \"arn:aws:iam::AccountB:user/AccountBUserName\" }, \"Action\": [ \"s3:GetObject\", \"s3:PutObject\", \"s3:PutObjectAcl\" ], \"Resource\": [ \"arn:aws:s3:::AccountABucketName/*\" ] } ] }",
                PolicyBuilder.BucketPolicy(new S3AccessRequest(Bucket) { Access = S3AccessPreset.ReadWrite }, new[] { UserB }));
        }

        [Fact]
        public void Seed002_BucketPolicyWithObjectVersions_AndFolderVariant()
        {
            AssertSame(
                "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Principal\": { \"AWS\": \"arn:aws:iam::AccountB:user/AccountBUserName\" }, \"Action\": [ \"s3:GetObject\", \"s3:GetObjectVersion\", \"s3:PutObject\", \"s3:PutObjectAcl\" ], \"Resource\": [ \"arn:aws:s3:::AccountABucketName/*\" ] } ] }",
                PolicyBuilder.BucketPolicy(new S3AccessRequest(Bucket) { Access = S3AccessPreset.ReadWrite, IncludeObjectVersions = true }, new[] { UserB }));
            AssertSame(
                "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Principal\": { \"AWS\": \"arn:aws:iam::AccountB:user/AccountBUserName\" }, \"Action\": [ \"s3:GetObject\", \"s3:GetObjectVersion\", \"s3:PutObject\", \"s3:PutObjectAcl\" ], \"Resource\": [ \"arn:aws:s3:::AccountABucketName/FolderName/*\" ] } ] }",
                PolicyBuilder.BucketPolicy(new S3AccessRequest(Bucket) { Access = S3AccessPreset.ReadWrite, IncludeObjectVersions = true, Prefix = "FolderName/" }, new[] { UserB }));
        }

        [Fact]
        public void Seed000_And002_TrustPolicyForAccountBUser()
        {
            AssertSame(
                "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Principal\": { \"AWS\": \"arn:aws:iam::AccountB:user/AccountBUserName\" }, \"Action\": \"sts:AssumeRole\" } ] }",
                PolicyBuilder.TrustPolicy(new[] { UserB }));
        }

        [Fact]
        public void Seed001_TrustPolicyForAccountCRoot_WithEmptySid()
        {
            AssertSame(
                "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Sid\": \"\", \"Effect\": \"Allow\", \"Principal\": { \"AWS\": \"arn:aws:iam::AccountC-ID:root\" }, \"Action\": \"sts:AssumeRole\" } ] }",
                PolicyBuilder.TrustPolicy(new[] { "arn:aws:iam::" + AccountC + ":root" }));
        }

        [Fact]
        public void Seed000_And002_ConsoleAccessPolicyForTheRole()
        {
            const string console = "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Action\": [ \"s3:ListAllMyBuckets\" ], \"Effect\": \"Allow\", \"Resource\": [ \"arn:aws:s3:::*\" ] }, { \"Action\": [ \"s3:ListBucket\", \"s3:GetBucketLocation\" ], \"Effect\": \"Allow\", \"Resource\": \"arn:aws:s3:::AccountABucketName\" }, { \"Effect\": \"Allow\", \"Action\": [ \"s3:GetObject\", \"s3:PutObject\" ], \"Resource\": \"arn:aws:s3:::AccountABucketName/*\" } ] }";
            AssertSame(console, PolicyBuilder.AccessPolicy(new S3AccessRequest(Bucket) { Access = S3AccessPreset.Console }));

            // "If only programmatic access is required, then you can remove the first two statements."
            var programmatic = PolicyJson.Parse(Seed(console));
            programmatic = programmatic with { Statements = programmatic.Statements.Skip(2).ToList() };
            Assert.True(programmatic.SemanticEquals(PolicyBuilder.AccessPolicy(new S3AccessRequest(Bucket) { Access = S3AccessPreset.ReadWrite })));
        }

        [Fact]
        public void Seed001_RoleAccessPolicy_GetObjectOnly()
        {
            AssertSame(
                "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::DOC-EXAMPLE-BUCKET1/*\" } ] }",
                PolicyBuilder.AccessPolicy(new S3AccessRequest(Bucket1) { Access = S3AccessPreset.Read }));
        }

        [Fact]
        public void Seed000_And002_AssumeRolePolicy_SingleStatementObject()
        {
            const string seed = "{ \"Version\": \"2012-10-17\", \"Statement\": { \"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\", \"Resource\": \"arn:aws:iam::AccountA:role/AccountARole\" } }";
            var built = PolicyBuilder.AssumeRolePolicy(new[] { "arn:aws:iam::" + AccountA + ":role/AccountARole" });
            AssertSame(seed, built);

            // The builder writes the single-object form exactly as the seed does.
            Assert.Equal(PolicyJson.Write(PolicyJson.Parse(Seed(seed))), PolicyJson.Write(built));
        }

        [Fact]
        public void Seed001_AssumeRolePolicyForDave()
        {
            AssertSame(
                "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Action\": [\"sts:AssumeRole\"], \"Resource\": \"arn:aws:iam::AccountA-ID:role/examplerole\" } ] }",
                PolicyBuilder.AssumeRolePolicy(new[] { "arn:aws:iam::" + AccountA + ":role/examplerole" }));
        }

        [Fact]
        public void Seed001_BucketPolicy_AllowPutObject_DenyWithoutGrantFullControl()
        {
            var built = PolicyBuilder.BucketPolicy(
                new S3AccessRequest(Bucket1) { Actions = new[] { "s3:PutObject" } },
                new[] { "arn:aws:iam::" + AccountB + ":user/AccountBadmin" },
                new BucketPolicyOptions { RequireBucketOwnerFullControl = OwnerFullControlForm.GrantFullControlHeader, BucketOwnerCanonicalId = OwnerCanonicalId });

            // The seed labels its statements "111" and "112"; Sids are labels only, so give the built ones the same.
            built = built with { Statements = new[] { built.Statements[0] with { Sid = "111" }, built.Statements[1] with { Sid = "112" } } };
            AssertSame(
                "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Sid\": \"111\", \"Effect\": \"Allow\", \"Principal\": { \"AWS\": \"arn:aws:iam::AccountB-ID:user/AccountBadmin\" }, \"Action\": \"s3:PutObject\", \"Resource\": \"arn:aws:s3:::DOC-EXAMPLE-BUCKET1/*\" }, { \"Sid\": \"112\", \"Effect\": \"Deny\", \"Principal\": { \"AWS\": \"arn:aws:iam::AccountB-ID:user/AccountBadmin\" }, \"Action\": \"s3:PutObject\", \"Resource\": \"arn:aws:s3:::DOC-EXAMPLE-BUCKET1/*\", \"Condition\": { \"StringNotEquals\": { \"s3:x-amz-grant-full-control\": \"id=CanonicalUserId-of-AWSaccountA-BucketOwner\" } } } ] }",
                built);
        }
    }
}
