using System.Linq;
using System.Management.Automation;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Buckets
{
    /// <summary>
    /// The bucket-policy and upload cmdlets reject bad input with a specific ErrorId, category and
    /// target before any AWS call: the endpoint given here (port 9, discard) is never reached by these
    /// pipelines, except where a test says it is.
    /// </summary>
    public class BucketCmdletValidationTests
    {
        /// <summary>Keys and an endpoint (port 9, discard) that no test here reaches.</summary>
        internal const string Offline = "-AccessKey AKIAIOSFODNN7EXAMPLE -SecretKey not-a-real-secret -Region us-east-1 -EndpointUrl http://127.0.0.1:9";

        /// <summary>A canonical user ID in AWS's 64-hex form (the example of the S3 API reference).</summary>
        internal const string OwnerId = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";
        private const string PublicJson = "'{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}'";
        private const string Grant = "(New-XAccountBucketPolicy -Bucket reports-bucket -Principal 222233334444)";

        [Theory]
        [InlineData("Set-XAccountBucketPolicy -Bucket reports-bucket -Policy " + PublicJson, "PublicPrincipalNotAllowed,S3CrossAccount.Commands.Buckets.SetXAccountBucketPolicyCommand", ErrorCategory.PermissionDenied, "*")]
        [InlineData("Set-XAccountBucketPolicy -Bucket Bad_Bucket -Policy " + Grant, "InvalidBucketName,S3CrossAccount.Commands.Buckets.SetXAccountBucketPolicyCommand", ErrorCategory.InvalidArgument, "Bad_Bucket")]
        [InlineData("Get-XAccountBucketPolicy -Bucket Bad_Bucket", "InvalidBucketName,S3CrossAccount.Commands.Buckets.GetXAccountBucketPolicyCommand", ErrorCategory.InvalidArgument, "Bad_Bucket")]
        [InlineData("Remove-XAccountBucketPolicyStatement -Bucket reports-bucket -Principal 12345 -Confirm:$false", "InvalidAccountId,S3CrossAccount.Commands.Buckets.RemoveXAccountBucketPolicyStatementCommand", ErrorCategory.InvalidArgument, "12345")]
        [InlineData("Remove-XAccountBucketPolicyStatement -Bucket Bad_Bucket -Sid S1 -Confirm:$false", "InvalidBucketName,S3CrossAccount.Commands.Buckets.RemoveXAccountBucketPolicyStatementCommand", ErrorCategory.InvalidArgument, "Bad_Bucket")]
        [InlineData("Send-XAccountObject -Bucket reports-bucket -Key k -Content x -BucketOwnerCanonicalId 111122223333", "InvalidCanonicalUserId,S3CrossAccount.Commands.Buckets.SendXAccountObjectCommand", ErrorCategory.InvalidArgument, "111122223333")]
        [InlineData("Send-XAccountObject -Bucket reports-bucket -File /no/such/file.bin", "InputFileNotFound,S3CrossAccount.Commands.Buckets.SendXAccountObjectCommand", ErrorCategory.ObjectNotFound, "/no/such/file.bin")]
        [InlineData("Send-XAccountObject -Bucket Bad_Bucket -Key k -Content x", "InvalidBucketName,S3CrossAccount.Commands.Buckets.SendXAccountObjectCommand", ErrorCategory.InvalidArgument, "Bad_Bucket")]
        public void BadInput_FailsWithItsErrorId_CategoryAndTarget(string command, string errorId, ErrorCategory category, string target)
        {
            using var s = new PowerShellSession();
            var r = s.Run(command + " " + Offline);
            Assert.Equal(errorId, r.FirstError?.FullyQualifiedErrorId);
            Assert.Equal(category, r.FirstError!.CategoryInfo.Category);
            Assert.Equal(target, r.FirstError.TargetObject);
            Assert.False(string.IsNullOrEmpty(r.FirstError.ErrorDetails?.RecommendedAction));
        }

        [Fact]
        public void PolicyJsonThatDoesNotParse_IsInvalidPolicyJson_BeforeAnyRequest()
        {
            using var s = new PowerShellSession();
            var r = s.Run("Set-XAccountBucketPolicy -Bucket reports-bucket -Policy '{\"Statement\": [' " + Offline);
            Assert.Equal("InvalidPolicyJson,S3CrossAccount.Commands.Buckets.SetXAccountBucketPolicyCommand", r.FirstError!.FullyQualifiedErrorId);
        }

        [Fact]
        public void SidAndPrincipal_CannotBeCombined()
        {
            using var s = new PowerShellSession();
            var r = s.Run("Remove-XAccountBucketPolicyStatement -Bucket reports-bucket -Sid S1 -Principal 222233334444 -Confirm:$false " + Offline);
            Assert.StartsWith("AmbiguousParameterSet,", r.FirstError!.FullyQualifiedErrorId);
        }

        [Fact]
        public void BucketPolicyObject_BindsBucketNameAndPolicy_ByPropertyName()
        {
            using var s = new PowerShellSession();
            var r = s.Run($"[S3CrossAccount.Core.Buckets.XAccountBucketPolicy]::new('Bad_Bucket', {Grant}) | Set-XAccountBucketPolicy {Offline}");
            Assert.Equal("InvalidBucketName,S3CrossAccount.Commands.Buckets.SetXAccountBucketPolicyCommand", r.FirstError?.FullyQualifiedErrorId);
            Assert.Equal("Bad_Bucket", r.FirstError!.TargetObject);
        }

        [Fact]
        public void Files_BindByFullName_AndTheKeyDefaultsToTheFileName()
        {
            using var s = new PowerShellSession();
            var r = s.Run($"[pscustomobject]@{{ FullName = '/no/such/dir/report.csv' }} | Send-XAccountObject -Bucket reports-bucket {Offline}");
            Assert.Equal("InputFileNotFound,S3CrossAccount.Commands.Buckets.SendXAccountObjectCommand", r.FirstError?.FullyQualifiedErrorId);
            Assert.Equal("/no/such/dir/report.csv", r.FirstError!.TargetObject);
        }

        [Fact]
        public void SendWhatIf_UploadsNothing_AndNeedsNoServer()
        {
            using var s = new PowerShellSession();
            var r = s.Run($"Send-XAccountObject -Bucket reports-bucket -Key k -Content x -BucketOwnerCanonicalId {OwnerId} -WhatIf {Offline}").ShouldSucceed();
            Assert.Empty(r.Output);
        }

        [Fact]
        public void UnreachableEndpoint_IsOneErrorPerBucket_AndTheNextBucketIsStillTried()
        {
            using var s = new PowerShellSession();
            var r = s.Run($"'bucket-one', 'bucket-two' | Get-XAccountBucketPolicy -Verbose {Offline}");
            Assert.Equal(new[] { "EndpointUnreachable,S3CrossAccount.Commands.Buckets.GetXAccountBucketPolicyCommand" }, r.Errors.Select(e => e.FullyQualifiedErrorId).Distinct());
            Assert.Equal(new object[] { "bucket-one", "bucket-two" }, r.Errors.Select(e => e.TargetObject));
            Assert.Equal(ErrorCategory.ConnectionError, r.Errors[0].CategoryInfo.Category);
            // A refused connection is retried by the SDK (standard mode, 3 attempts), and the call path says so.
            Assert.Equal(new[]
            {
                "S3 GetBucketPolicy bucket-one",
                "The SDK retried S3 GetBucketPolicy bucket-one: 3 attempts (a throttled, failed or unanswered request was sent again).",
                "S3 GetBucketPolicy bucket-two",
                "The SDK retried S3 GetBucketPolicy bucket-two: 3 attempts (a throttled, failed or unanswered request was sent again).",
            }, r.Verbose);
        }

        [Fact]
        public void OutputTypes_AreDeclared()
        {
            using var s = new PowerShellSession();
            var r = s.Run("'Get-XAccountBucketPolicy','Set-XAccountBucketPolicy','Remove-XAccountBucketPolicyStatement','Send-XAccountObject' | ForEach-Object { (Get-Command $_).OutputType.Name -join ',' }").ShouldSucceed();
            Assert.Equal(new[]
            {
                "S3CrossAccount.Core.Buckets.XAccountBucketPolicy",
                "S3CrossAccount.Core.Buckets.XAccountBucketPolicyResult,S3CrossAccount.Core.Buckets.XAccountBucketPolicy",
                "S3CrossAccount.Core.Buckets.XAccountBucketPolicyResult",
                "S3CrossAccount.Core.Buckets.XAccountObjectUpload",
            }, r.Output.Select(o => o.ToString()));
        }
    }
}
