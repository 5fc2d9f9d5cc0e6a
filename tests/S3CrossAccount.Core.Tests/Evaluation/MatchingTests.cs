using S3CrossAccount.Core.Evaluation.Matching;
using S3CrossAccount.Core.Evaluation.Requests;
using Xunit;

namespace S3CrossAccount.Core.Tests.Evaluation
{
    public class MatchingTests
    {
        [Theory]
        [InlineData("s3:GetObject", "s3:GetObject", true, true)]
        [InlineData("s3:getobject", "s3:GetObject", true, true)]
        [InlineData("s3:Get*", "s3:GetObjectAcl", true, true)]
        [InlineData("s3:*Object", "s3:PutObject", true, true)]
        [InlineData("s3:*Object", "s3:PutObjectAcl", true, false)]
        [InlineData("s3:?etObject", "s3:GetObject", true, true)]
        [InlineData("*", "anything", true, true)]
        [InlineData("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b", false, true)]
        [InlineData("arn:aws:s3:::Bucket/*", "arn:aws:s3:::bucket/a", false, false)]
        [InlineData("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket", false, false)]
        [InlineData("a*b*c", "axxbyyc", false, true)]
        [InlineData("a*b*c", "axxbyy", false, false)]
        [InlineData("", "", false, true)]
        [InlineData("**", "", false, true)]
        public void Wildcards(string pattern, string input, bool ignoreCase, bool expected) =>
            Assert.Equal(expected, WildcardMatcher.IsMatch(pattern, input, ignoreCase));

        private static readonly RequestContext Alice = new RequestContext()
            .Set("aws:username", "alice").Set("aws:PrincipalAccount", "111122223333").Set("aws:userid", "AIDAEXAMPLE");

        [Theory]
        [InlineData("arn:aws:s3:::bucket/home/${aws:username}/*", "arn:aws:s3:::bucket/home/alice/x", true)]
        [InlineData("arn:aws:s3:::bucket/home/${aws:username}/*", "arn:aws:s3:::bucket/home/bob/x", false)]
        [InlineData("arn:aws:s3:::bucket/${aws:PrincipalAccount}/*", "arn:aws:s3:::bucket/111122223333/x", true)]
        [InlineData("arn:aws:s3:::bucket/${AWS:USERID}", "arn:aws:s3:::bucket/AIDAEXAMPLE", true)]
        [InlineData("arn:aws:s3:::bucket/${*}", "arn:aws:s3:::bucket/*", true)]
        [InlineData("arn:aws:s3:::bucket/${*}", "arn:aws:s3:::bucket/anything", false)]
        [InlineData("arn:aws:s3:::bucket/a${?}", "arn:aws:s3:::bucket/a?", true)]
        [InlineData("arn:aws:s3:::bucket/a${?}", "arn:aws:s3:::bucket/ab", false)]
        [InlineData("arn:aws:s3:::bucket/${$}x", "arn:aws:s3:::bucket/$x", true)]
        [InlineData("arn:aws:s3:::bucket/${aws:SourceIdentity}/*", "arn:aws:s3:::bucket//x", false)]
        [InlineData("arn:aws:s3:::bucket/${aws:SourceIdentity, 'none'}/*", "arn:aws:s3:::bucket/none/x", true)]
        public void PolicyVariablesInResources(string pattern, string resource, bool expected)
        {
            bool resolved = PolicyVariables.TryResolvePattern(pattern, Alice, out var p, out var literal);
            Assert.Equal(expected, resolved && WildcardMatcher.IsMatch(p, literal, resource, ignoreCase: false));
        }

        [Fact]
        public void UnresolvableVariable_DoesNotResolve()
        {
            Assert.False(PolicyVariables.TryResolve("home/${aws:SourceIdentity}", Alice, out _));
            Assert.True(PolicyVariables.TryResolve("home/${aws:username}", Alice, out var resolved));
            Assert.Equal("home/alice", resolved);
        }

        [Fact]
        public void VariableValue_CannotInjectAWildcard()
        {
            var context = new RequestContext().Set("aws:username", "*");
            Assert.True(PolicyVariables.TryResolvePattern("arn:aws:s3:::b/${aws:username}", context, out var p, out var literal));
            Assert.False(WildcardMatcher.IsMatch(p, literal, "arn:aws:s3:::b/alice", ignoreCase: false));
            Assert.True(WildcardMatcher.IsMatch(p, literal, "arn:aws:s3:::b/*", ignoreCase: false));
        }
    }
}
