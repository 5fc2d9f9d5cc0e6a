using System.Management.Automation;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Evaluation
{
    /// <summary>
    /// Test-XAccountAccess decides only for principals that can exist: it checks -Principal with the parser the
    /// policy builders use, and quotes the bad value with its unprintable characters escaped.
    /// </summary>
    public class ImpossiblePrincipalTests
    {
        [Theory]
        [InlineData("arn:aws:iam:us-east-1:111122223333:role/x", "'arn:aws:iam:us-east-1:111122223333:role/x'", "empty region part")]
        [InlineData("arn:aws:iam::111122223333:role/a b", "'arn:aws:iam::111122223333:role/a b'", "contains ' '")]
        [InlineData("arn:aws:iam::111122223333:role/admin\u202Exyz", "'arn:aws:iam::111122223333:role/admin\\u202Exyz'", "the role name")]
        [InlineData("arn:aws:iam::111122223333:role/RRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR", "role/RRRRRRRRRR", "1 to 64 characters")]
        public void APrincipalThatCannotExist_IsInvalidPrincipal_WithTheValueQuoted(string principal, string quoted, string reason)
        {
            using var s = new PowerShellSession();
            s.SetVariable("p", principal);
            var r = s.Run("Test-XAccountAccess -Principal $p -Action s3:GetObject -Resource arn:aws:s3:::bkt/x -BucketAccount 111122223333 " +
                "-BucketPolicy (New-XAccountBucketPolicy -Bucket bkt -Principal 111122223333 -Access Read)");
            Assert.Empty(r.Output);
            Assert.Equal("InvalidPrincipal,S3CrossAccount.Commands.Evaluation.TestXAccountAccessCommand", r.FirstError!.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, r.FirstError.CategoryInfo.Category);
            Assert.Contains(quoted, r.FirstError.Exception.Message);
            Assert.Contains(reason, r.FirstError.Exception.Message);
            Assert.Equal(principal, r.FirstError.TargetObject);
            Assert.Contains("arn:aws:iam::111122223333:role/Name", r.FirstError.ErrorDetails.RecommendedAction);
        }

        [Theory]
        [InlineData("Test-XAccountAccess -Principal arn:aws:iam::222233334444:user/bob -Action s3:GetObject -Resource arn:aws:s3:::b/k -BucketAccount \"111122223333`n\"", "S3CrossAccount.Commands.Evaluation.TestXAccountAccessCommand", "BucketAccount")]
        [InlineData("Test-XAccountAccess -Principal arn:aws:iam::222233334444:user/bob -Action s3:GetObject -Resource arn:aws:s3:::b/k -BucketAccount 111122223333 -ObjectOwnerAccount \"222233334444`n\"", "S3CrossAccount.Commands.Evaluation.TestXAccountAccessCommand", "ObjectOwnerAccount")]
        [InlineData("Get-XAccountAccessReport -Bucket b -AccountId \"111122223333`n\" -AccessKey AKIAIOSFODNN7EXAMPLE -SecretKey not-a-real-secret -Region us-east-1 -EndpointUrl http://127.0.0.1:9", "S3CrossAccount.Commands.Reports.GetXAccountAccessReportCommand", "AccountId")]
        [InlineData("Use-XAccountRole -RoleArn arn:aws:iam::111122223333:role/r -TokenCode \"123456`n\" -AccessKey AKIAIOSFODNN7EXAMPLE -SecretKey not-a-real-secret -Region us-east-1 -EndpointUrl http://127.0.0.1:9", "S3CrossAccount.Commands.Roles.UseXAccountRoleCommand", "TokenCode")]
        [InlineData("Use-XAccountRole -RoleArn arn:aws:iam::111122223333:role/r -RoleSessionName \"ok-name`n\" -AccessKey AKIAIOSFODNN7EXAMPLE -SecretKey not-a-real-secret -Region us-east-1 -EndpointUrl http://127.0.0.1:9", "S3CrossAccount.Commands.Roles.UseXAccountRoleCommand", "RoleSessionName")]
        [InlineData("Use-XAccountRole -RoleArn arn:aws:iam::111122223333:role/r -SourceIdentity \"caf\u00E9-admin\" -AccessKey AKIAIOSFODNN7EXAMPLE -SecretKey not-a-real-secret -Region us-east-1 -EndpointUrl http://127.0.0.1:9", "S3CrossAccount.Commands.Roles.UseXAccountRoleCommand", "SourceIdentity")]
        public void AnIdentifierWithATrailingNewline_OrANonAsciiLetter_FailsItsPattern(string script, string command, string parameter)
        {
            using var s = new PowerShellSession();
            var r = s.Run(script);
            Assert.Empty(r.Output);
            Assert.Equal("ParameterArgumentValidationError," + command, r.FirstError!.FullyQualifiedErrorId);
            Assert.Contains(parameter, r.FirstError.Exception.Message);
        }
    }
}
