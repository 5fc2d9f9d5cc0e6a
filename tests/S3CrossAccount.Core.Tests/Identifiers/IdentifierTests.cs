using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Identifiers;
using Xunit;

namespace S3CrossAccount.Core.Tests.Identifiers
{
    public class IdentifierTests
    {
        [Theory]
        [InlineData("111122223333", true)]
        [InlineData("011122223333", true)]
        [InlineData("11112222333", false)]
        [InlineData("1111222233334", false)]
        [InlineData("11112222333a", false)]
        [InlineData("", false)]
        [InlineData(null, false)]
        public void AccountIds(string? text, bool valid)
        {
            Assert.Equal(valid, AccountId.TryParse(text, out var id));
            if (valid)
            {
                Assert.Equal(text, AccountId.Parse(text).Value);
                Assert.Equal($"arn:aws-cn:iam::{text}:root", id!.RootArn(Partition.AwsCn));
            }
            else
            {
                var ex = Assert.Throws<XAccountException>(() => AccountId.Parse(text));
                Assert.Equal(ErrorCode.InvalidAccountId, ex.Code);
                Assert.Equal(text, ex.Target);
            }
        }

        [Theory]
        [InlineData("arn:aws:s3:::bucket/key:with:colons", "aws", "s3", "", "", "bucket/key:with:colons")]
        [InlineData("arn:aws-us-gov:iam::111122223333:role/a/b/R", "aws-us-gov", "iam", "", "111122223333", "role/a/b/R")]
        [InlineData("arn:aws-cn:kms:cn-north-1:111122223333:key/abc", "aws-cn", "kms", "cn-north-1", "111122223333", "key/abc")]
        public void Arns_Parse(string text, string partition, string service, string region, string account, string resource)
        {
            var arn = Arn.Parse(text);
            Assert.Equal((partition, service, region, account, resource), (arn.Partition, arn.Service, arn.Region, arn.Account, arn.Resource));
            Assert.Equal(text, arn.ToString());
        }

        [Theory]
        [InlineData("", "it is empty")]
        [InlineData("aws:s3:::b", "it must start with 'arn:'")]
        [InlineData("arn:aws:s3::b", "it has 5 ':'-separated parts")]
        [InlineData("arn:aws-eu:s3:::b", "unknown partition 'aws-eu'")]
        [InlineData("arn:aws::::x", "the service part is empty")]
        [InlineData("arn:aws:iam::12:root", "the account part '12' is not a 12-digit account ID")]
        [InlineData("arn:aws:iam::111122223333:", "the resource part is empty")]
        public void Arns_Reject(string text, string problem)
        {
            var ex = Assert.Throws<XAccountException>(() => Arn.Parse(text));
            Assert.Equal(ErrorCode.InvalidArn, ex.Code);
            Assert.Contains(problem, ex.Message);
            Assert.False(Arn.TryParse(text, out _));
        }

        [Theory]
        [InlineData("111122223333", PrincipalKind.AccountId, "111122223333", null, null, null)]
        [InlineData("arn:aws:iam::111122223333:root", PrincipalKind.AccountRoot, "111122223333", null, null, null)]
        [InlineData("arn:aws:iam::111122223333:user/Dave", PrincipalKind.User, "111122223333", "Dave", "/", null)]
        [InlineData("arn:aws:iam::111122223333:user/division/team/Dave", PrincipalKind.User, "111122223333", "Dave", "/division/team/", null)]
        [InlineData("arn:aws-cn:iam::111122223333:role/service-role/My.Role+1", PrincipalKind.Role, "111122223333", "My.Role+1", "/service-role/", null)]
        [InlineData("arn:aws:sts::111122223333:assumed-role/examplerole/test", PrincipalKind.AssumedRole, "111122223333", "examplerole", null, "test")]
        [InlineData("79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be", PrincipalKind.CanonicalUser, null, null, null, null)]
        [InlineData("*", PrincipalKind.Public, null, null, null, null)]
        public void Principals_Parse(string text, PrincipalKind kind, string? account, string? name, string? path, string? session)
        {
            var p = PrincipalArn.Parse(text);
            Assert.Equal((kind, account, name, path, session), (p.Kind, p.AccountId, p.Name, p.Path, p.SessionName));
            Assert.Equal(text, p.Value);
            Assert.Equal(kind == PrincipalKind.CanonicalUser ? "CanonicalUser" : "AWS", p.PolicyPrincipalType);
        }

        [Theory]
        [InlineData("arn:aws:iam::111122223333:group/Admins", ErrorCode.InvalidPrincipal, "groups and policies cannot be principals")]
        [InlineData("arn:aws:s3:::bucket", ErrorCode.InvalidPrincipal, "the account part must be a 12-digit account ID")]
        [InlineData("arn:aws:ec2:us-east-1:111122223333:instance/i-1", ErrorCode.InvalidPrincipal, "empty region part")]
        [InlineData("arn:aws:sts::111122223333:assumed-role/examplerole", ErrorCode.InvalidPrincipal, "assumed-role/role-name/session-name")]
        [InlineData("arn:aws:iam::111122223333:user/Da ve", ErrorCode.InvalidPrincipal, "the user name 'Da ve' contains ' '")]
        [InlineData("arn:aws:iam::111122223333:role/a//R", ErrorCode.InvalidPrincipal, "empty segment")]
        [InlineData("AccountB", ErrorCode.InvalidAccountId, "neither an ARN nor an account ID")]
        [InlineData("arn:aws:iam::AccountB:root", ErrorCode.InvalidArn, "not a 12-digit account ID")]
        [InlineData("z9a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be", ErrorCode.InvalidCanonicalUserId, "hex digits")]
        public void Principals_Reject(string text, ErrorCode code, string problem)
        {
            var ex = Assert.Throws<XAccountException>(() => PrincipalArn.Parse(text));
            Assert.Equal(code, ex.Code);
            Assert.Equal(text, ex.Target);
            Assert.Contains(problem, ex.Message);
            Assert.False(PrincipalArn.TryParse(text, out _));
        }

        [Fact]
        public void CanonicalUserIds_AreNormalizedToLowerCase()
        {
            Assert.Equal(new string('a', 64), CanonicalUserId.Parse(new string('A', 64)).Value);
            Assert.Equal(ErrorCode.InvalidCanonicalUserId, Assert.Throws<XAccountException>(() => CanonicalUserId.Parse("abc")).Code);
        }

        [Theory]
        [InlineData("abc")]
        [InlineData("my-bucket.example-1")]
        [InlineData("a23456789012345678901234567890123456789012345678901234567890123")]
        [InlineData("1.2.3.bucket")]
        public void BucketNames_Valid(string name) => Assert.Equal(name, BucketName.Parse(name).Value);

        [Theory]
        [InlineData("ab", "it has 2 characters")]
        [InlineData("a234567890123456789012345678901234567890123456789012345678901234", "it has 64 characters")]
        [InlineData("AccountABucketName", "upper-case")]
        [InlineData("my_bucket", "contains '_'")]
        [InlineData("-bucket", "begin and end with a letter or digit")]
        [InlineData("bucket.", "begin and end with a letter or digit")]
        [InlineData("my..bucket", "two adjacent dots")]
        [InlineData("192.168.5.4", "IP address")]
        [InlineData("xn--bucket", "prefix 'xn--'")]
        [InlineData("sthree-bucket", "prefix 'sthree-'")]
        [InlineData("amzn-s3-demo-bucket", "prefix 'amzn-s3-demo-'")]
        [InlineData("bucket-s3alias", "suffix '-s3alias'")]
        [InlineData("bucket--ol-s3", "suffix '--ol-s3'")]
        [InlineData("bucket.mrap", "suffix '.mrap'")]
        [InlineData("bucket--x-s3", "suffix '--x-s3'")]
        public void BucketNames_Invalid(string name, string problem)
        {
            var ex = Assert.Throws<XAccountException>(() => BucketName.Parse(name));
            Assert.Equal(ErrorCode.InvalidBucketName, ex.Code);
            Assert.Equal(name, ex.Target);
            Assert.Contains(problem, ex.Message);
            Assert.False(BucketName.TryParse(name, out _));
        }

        [Theory]
        [InlineData(null, "arn:aws:s3:::bucket/*")]
        [InlineData("", "arn:aws:s3:::bucket/*")]
        [InlineData("FolderName", "arn:aws:s3:::bucket/FolderName/*")]
        [InlineData("/FolderName/", "arn:aws:s3:::bucket/FolderName/*")]
        [InlineData("a/b c", "arn:aws:s3:::bucket/a/b c/*")]
        public void ObjectArns(string? prefix, string expected)
        {
            Assert.Equal(expected, S3ResourceArn.ForObjects("bucket", prefix));
            Assert.Equal("arn:aws-us-gov:s3:::bucket", S3ResourceArn.ForBucket("bucket", Partition.AwsUsGov));
            Assert.Equal("arn:aws-cn:s3:::bucket/HappyFace.jpg", S3ResourceArn.ForObject("bucket", "HappyFace.jpg", Partition.AwsCn));
        }

        [Theory]
        [InlineData("a*")]
        [InlineData("a?b")]
        [InlineData("home/${aws:username}")]
        [InlineData("bad\nkey")]
        public void ObjectArns_RejectWildcardsAndVariables(string prefix)
        {
            var ex = Assert.Throws<XAccountException>(() => S3ResourceArn.ForObjects("bucket", prefix));
            Assert.Equal(ErrorCode.InvalidObjectKey, ex.Code);
            Assert.Equal(prefix, ex.Target);
        }

        [Fact]
        public void ObjectArns_RejectBadBucketAndPartition()
        {
            Assert.Equal(ErrorCode.InvalidBucketName, Assert.Throws<XAccountException>(() => S3ResourceArn.ForObjects("Bad_Bucket")).Code);
            Assert.Equal(ErrorCode.InvalidArn, Assert.Throws<XAccountException>(() => S3ResourceArn.ForBucket("bucket", "aws-eu")).Code);
            Assert.Equal(ErrorCode.InvalidObjectKey, Assert.Throws<XAccountException>(() => S3ResourceArn.ForObject("bucket", new string('k', 1025))).Code);
        }
    }
}
