using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using S3CrossAccount.Core.Evaluation.Acls;
using S3CrossAccount.Core.Evaluation.Matching;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Reports;
using Xunit;

namespace S3CrossAccount.Core.Tests.Reports
{
    public class AccessReportBuilderTests
    {
        private const string A = "111122223333";
        private const string Bucket = "account-a-bucket";
        private const string OwnerId = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";
        private const string BId = "b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff0011";

        private static string Row(AccessReportEntry e) =>
            $"{e.Principal}|{e.PrincipalType}|{e.PrincipalAccount}|{e.Path}|{e.Actions}|{e.Resources}|{e.Condition}|{e.Source}|{e.IsPublic}";

        [Fact]
        public void Seed002BucketPolicy_NamesExactlyAccountBsUser()
        {
            var policy = PolicyJson.Parse("{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Principal\": { \"AWS\": \"arn:aws:iam::222233334444:user/AccountBUserName\" }, \"Action\": [ \"s3:GetObject\", \"s3:GetObjectVersion\", \"s3:PutObject\", \"s3:PutObjectAcl\" ], \"Resource\": [ \"arn:aws:s3:::account-a-bucket/*\" ] } ] }");
            Assert.Equal(new[] { "arn:aws:iam::222233334444:user/AccountBUserName|AWS|222233334444|BucketPolicy|s3:GetObject, s3:GetObjectVersion, s3:PutObject, s3:PutObjectAcl|arn:aws:s3:::account-a-bucket/*||statement #1|False" },
                AccessReportBuilder.ForBucketPolicy(Bucket, A, policy).Select(Row));
        }

        [Fact]
        public void Seed001BucketPolicy_ListsTheAllow_NotTheDeny()
        {
            var policy = PolicyJson.Parse("{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Sid\": \"111\", \"Effect\": \"Allow\", \"Principal\": { \"AWS\": \"arn:aws:iam::222233334444:user/AccountBadmin\" }, \"Action\": \"s3:PutObject\", \"Resource\": \"arn:aws:s3:::doc-example-bucket1/*\" }, { \"Sid\": \"112\", \"Effect\": \"Deny\", \"Principal\": { \"AWS\": \"arn:aws:iam::222233334444:user/AccountBadmin\" }, \"Action\": \"s3:PutObject\", \"Resource\": \"arn:aws:s3:::doc-example-bucket1/*\", \"Condition\": { \"StringNotEquals\": { \"s3:x-amz-grant-full-control\": \"id=" + OwnerId + "\" } } } ] }");
            Assert.Equal(new[] { "arn:aws:iam::222233334444:user/AccountBadmin|AWS|222233334444|BucketPolicy|s3:PutObject|arn:aws:s3:::doc-example-bucket1/*||111|False" },
                AccessReportBuilder.ForBucketPolicy("doc-example-bucket1", A, policy).Select(Row));
        }

        [Fact]
        public void BucketPolicy_SkipsTheBucketsOwnAccount_AndListsEveryOtherPrincipalForm()
        {
            var policy = PolicyJson.Parse("{ \"Version\": \"2012-10-17\", \"Statement\": [ "
                + "{ \"Effect\": \"Allow\", \"Principal\": { \"AWS\": [ \"arn:aws:iam::111122223333:root\", \"111122223333\", \"arn:aws:iam::111122223333:role/Inside\", \"333344445555\", \"arn:aws:sts::444455556666:assumed-role/R/s\" ], \"CanonicalUser\": [ \"" + OwnerId + "\", \"" + BId + "\" ], \"Service\": \"logging.s3.amazonaws.com\" }, \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::account-a-bucket/*\" }, "
                + "{ \"Sid\": \"Public\", \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::account-a-bucket/pub/*\", \"Condition\": { \"IpAddress\": { \"aws:SourceIp\": \"203.0.113.0/24\" } } }, "
                + "{ \"Sid\": \"AllBut\", \"Effect\": \"Allow\", \"NotPrincipal\": { \"AWS\": \"arn:aws:iam::222233334444:root\" }, \"NotAction\": \"s3:DeleteObject\", \"Resource\": \"arn:aws:s3:::account-a-bucket/x/*\" } ] }");
            Assert.Equal(new[]
            {
                "333344445555|AWS|333344445555|BucketPolicy|s3:GetObject|arn:aws:s3:::account-a-bucket/*||statement #1|False",
                "arn:aws:sts::444455556666:assumed-role/R/s|AWS|444455556666|BucketPolicy|s3:GetObject|arn:aws:s3:::account-a-bucket/*||statement #1|False",
                BId + "|CanonicalUser||BucketPolicy|s3:GetObject|arn:aws:s3:::account-a-bucket/*||statement #1|False",
                "logging.s3.amazonaws.com|Service||BucketPolicy|s3:GetObject|arn:aws:s3:::account-a-bucket/*||statement #1|False",
                "*|Public||BucketPolicy|s3:GetObject|arn:aws:s3:::account-a-bucket/pub/*|{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}|Public|True",
                "*|Public||BucketPolicy|NOT s3:DeleteObject|arn:aws:s3:::account-a-bucket/x/*||AllBut|True",
            }, AccessReportBuilder.ForBucketPolicy(Bucket, A, policy, OwnerId).Select(Row));
        }

        [Fact]
        public void Acl_OneRowPerOutsideGrantee_WithTheActionsItsPermissionsAllow()
        {
            var bucketAcl = new[]
            {
                new AclGrant(AclGranteeKind.CanonicalUser, OwnerId, AclPermission.FullControl),
                new AclGrant(AclGranteeKind.CanonicalUser, BId, AclPermission.Write),
                new AclGrant(AclGranteeKind.CanonicalUser, BId, AclPermission.ReadAcp),
                new AclGrant(AclGranteeKind.Group, AclGrant.AllUsersUri, AclPermission.Read),
            };
            Assert.Equal(new[]
            {
                BId + "|CanonicalUser||BucketAcl|s3:PutObject, s3:DeleteObject, s3:DeleteObjectVersion, s3:GetBucketAcl|arn:aws:s3:::account-a-bucket||WRITE, READ_ACP|False",
                "http://acs.amazonaws.com/groups/global/AllUsers|Group||BucketAcl|s3:ListBucket, s3:ListBucketVersions, s3:ListBucketMultipartUploads|arn:aws:s3:::account-a-bucket||READ|True",
            }, AccessReportBuilder.ForAcl(Bucket, A, OwnerId, bucketAcl).Select(Row));

            var objectAcl = new[] { new AclGrant(AclGranteeKind.CanonicalUser, OwnerId, AclPermission.FullControl), new AclGrant(AclGranteeKind.CanonicalUser, BId, AclPermission.Read) };
            Assert.Equal(new[] { BId + "|CanonicalUser||ObjectAcl|s3:GetObject, s3:GetObjectVersion, s3:GetObjectTorrent|arn:aws:s3:::account-a-bucket/HappyFace.jpg||READ|False" },
                AccessReportBuilder.ForAcl(Bucket, A, OwnerId, objectAcl, "HappyFace.jpg").Select(Row));
        }

        [Fact]
        public void Role_TrustingAnotherAccount_WithAccessToTheBucket_IsAWayIn()
        {
            var trust = PolicyJson.Parse("{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Principal\": { \"AWS\": [ \"arn:aws:iam::333344445555:root\", \"arn:aws:iam::111122223333:root\" ] }, \"Action\": \"sts:AssumeRole\", \"Condition\": { \"StringEquals\": { \"sts:ExternalId\": \"Partner-42\" } } } ] }");
            var access = PolicyJson.Parse("{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::account-a-bucket/*\" }, { \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::other-bucket/*\" }, { \"Effect\": \"Allow\", \"Action\": \"ec2:*\", \"Resource\": \"*\" } ] }");
            Assert.Equal(new[] { "arn:aws:iam::333344445555:root|AWS|333344445555|Role|s3:GetObject|arn:aws:s3:::account-a-bucket/*|{\"StringEquals\":{\"sts:ExternalId\":\"Partner-42\"}}|arn:aws:iam::111122223333:role/examplerole|False" },
                AccessReportBuilder.ForRole(Bucket, A, "arn:aws:iam::111122223333:role/examplerole", trust, new[] { access }).Select(Row));
        }

        [Fact]
        public void Role_ThatReachesOtherBuckets_OrTrustsOnlyItsOwnAccount_IsNot()
        {
            var outside = PolicyJson.Parse("{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Principal\": { \"AWS\": \"333344445555\" }, \"Action\": \"sts:AssumeRole\" } ] }");
            var inside = PolicyJson.Parse("{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Principal\": { \"AWS\": \"111122223333\" }, \"Action\": \"sts:AssumeRole\" } ] }");
            var elsewhere = PolicyJson.Parse("{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": [ \"arn:aws:s3:::account-a-bucket-logs\", \"arn:aws:s3:::account-a-bucket-logs/*\" ] } ] }");
            var everywhere = PolicyJson.Parse("{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\" } ] }");
            Assert.Empty(AccessReportBuilder.ForRole(Bucket, A, "arn:aws:iam::111122223333:role/r", outside, new[] { elsewhere }));
            Assert.Empty(AccessReportBuilder.ForRole(Bucket, A, "arn:aws:iam::111122223333:role/r", inside, new[] { everywhere }));
            Assert.Single(AccessReportBuilder.ForRole(Bucket, A, "arn:aws:iam::111122223333:role/r", outside, new[] { everywhere }));
            Assert.True(AccessReportBuilder.TrustsOutside(outside, A));
            Assert.False(AccessReportBuilder.TrustsOutside(inside, A));
            Assert.False(AccessReportBuilder.TrustsOutside(PolicyJson.Parse("{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Principal\": { \"Service\": \"ec2.amazonaws.com\" }, \"Action\": \"sts:AssumeRole\" } ] }"), A));
        }

        [Theory]
        [InlineData("arn:aws:s3:::b*", true)]
        [InlineData("arn:aws:s3:::bucket/*", true)]
        [InlineData("arn:aws:s3:::bucket/team/*", true)]
        [InlineData("arn:aws:s3:::buck?t/*", true)]
        [InlineData("*", true)]
        [InlineData("arn:aws:s3:::bucket", false)]
        [InlineData("arn:aws:s3:::other/*", false)]
        [InlineData("arn:aws:s3:::bucket-logs/*", false)]
        [InlineData("arn:aws:s3:::Bucket/*", false)]
        public void CanMatchSomethingStartingWith_TheObjectPrefix(string pattern, bool expected)
        {
            Assert.Equal(expected, AccessReportBuilder.CanMatchSomethingStartingWith(pattern, "arn:aws:s3:::bucket/"));
        }

        private static readonly Gen<string> Globs = Gen.ArrayOf(Gen.Elements('a', 'b', '/', '*', '?')).Select(c => new string(c)).Where(s => s.Length <= 8);
        private static readonly Gen<string> Texts = Gen.ArrayOf(Gen.Elements('a', 'b', '/')).Select(c => new string(c)).Where(s => s.Length <= 8);

        /// <summary>Whenever the glob matches a whole string, it can match something starting with each prefix of it.</summary>
        [Property(MaxTest = 500)]
        public Property AMatchImpliesEveryPrefixCanMatch() =>
            Prop.ForAll(Globs.ToArbitrary(), Texts.ToArbitrary(), (glob, text) =>
                !WildcardMatcher.IsMatch(glob, text, ignoreCase: false)
                || Enumerable.Range(0, text.Length + 1).All(n => AccessReportBuilder.CanMatchSomethingStartingWith(glob, text.Substring(0, n))));
    }
}
