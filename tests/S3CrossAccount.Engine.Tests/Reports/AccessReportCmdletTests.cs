using System.Linq;
using System.Management.Automation;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Reports
{
    /// <summary>Get-XAccountAccessReport's input checks in the engine; the reads themselves run on radosgw (AccessReportTests).</summary>
    public class AccessReportCmdletTests
    {
        private const string Keys = "-AccessKey AKIAIOSFODNN7EXAMPLE -SecretKey wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY -Region us-east-1 -EndpointUrl http://127.0.0.1:9";

        [Fact]
        public void BadBucketNames_AreReportedOneByOne_BeforeAnyRequest()
        {
            using var s = new PowerShellSession();
            var r = s.Run($"'Bad_Bucket', 'UPPER' | Get-XAccountAccessReport -AccountId 111122223333 -SkipRoles {Keys} -Verbose");
            Assert.Equal(new[] { "Bad_Bucket", "UPPER" }, r.Errors.Select(e => (string)e.TargetObject));
            Assert.All(r.Errors, e => Assert.Equal("InvalidBucketName,S3CrossAccount.Commands.Reports.GetXAccountAccessReportCommand", e.FullyQualifiedErrorId));
            Assert.Empty(r.Output);
            Assert.DoesNotContain(r.Verbose, v => v.StartsWith("S3 ", System.StringComparison.Ordinal) || v.StartsWith("IAM ", System.StringComparison.Ordinal));
        }

        [Fact]
        public void AccountId_MustBeTwelveDigits()
        {
            using var s = new PowerShellSession();
            var r = s.Run($"Get-XAccountAccessReport -Bucket reports-bucket -AccountId 1234 {Keys}");
            Assert.Equal("ParameterArgumentValidationError,S3CrossAccount.Commands.Reports.GetXAccountAccessReportCommand", r.FirstError!.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, r.FirstError.CategoryInfo.Category);
        }
    }
}
