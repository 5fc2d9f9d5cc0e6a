using S3CrossAccount.Core.Identifiers;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Roles;
using Xunit;

namespace S3CrossAccount.Core.Tests.Identifiers
{
    public class AccountPrincipalTests
    {
        [Theory]
        [InlineData("111122223333", "111122223333")]
        [InlineData("arn:aws:iam::111122223333:root", "111122223333")]
        [InlineData("arn:aws-cn:iam::111122223333:root", "111122223333")]
        [InlineData("arn:aws:iam::111122223333:user/root", null)]
        [InlineData("arn:aws:sts::111122223333:root", null)]
        [InlineData("arn:aws:iam::11112222333:root", null)]
        [InlineData("11112222333", null)]
        [InlineData("*", null)]
        // .NET's "^[0-9]{12}$" matched this (the $ before a final newline); an account ID is exactly 12 digits.
        [InlineData("111122223333\n", null)]
        public void WholeAccountOf(string principal, string? account) => Assert.Equal(account, AccountPrincipal.WholeAccountOf(principal));

        [Theory]
        [InlineData("111122223333", "aws", "arn:aws:iam::111122223333:root")]
        [InlineData("111122223333", "aws-us-gov", "arn:aws-us-gov:iam::111122223333:root")]
        [InlineData("arn:aws:iam::111122223333:user/a", "aws", "arn:aws:iam::111122223333:user/a")]
        [InlineData("111122223333\n", "aws", "111122223333\n")]
        public void AsStored(string principal, string partition, string stored) => Assert.Equal(stored, AccountPrincipal.AsStored(principal, partition));

        [Fact]
        public void PrincipalBlockAndRoleMerge_ReadTheRuleAlike()
        {
            Assert.Equal(PrincipalBlock.CanonicalValue(PrincipalTypes.Aws, "111122223333"), PrincipalBlock.CanonicalValue(PrincipalTypes.Aws, "arn:aws:iam::111122223333:root"));
            var bare = PolicyJson.Parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"sts:AssumeRole\"}]}");
            var stored = PolicyJson.Parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"sts:AssumeRole\"}]}");
            Assert.True(RolePolicyMerge.Same(bare, stored));
        }
    }
}
