using S3CrossAccount.Engine.Tests.Acls;
using Xunit;

namespace S3CrossAccount.Engine.Tests.Errors
{
    /// <summary>A service error read on its own names the call and its target, who was acting, and what to do.</summary>
    public class ServiceErrorMessageTests
    {
        [Fact]
        public void NoSuchBucket_NamesTheBucket_TheActingCredentials_AndANextStep()
        {
            using var s3 = new CannedS3();
            using var s = new PowerShellSession();
            var r = s.Run("Get-XAccountBucketPolicy -Bucket reports-111122223333 " + s3.Args);

            var error = r.FirstError!;
            Assert.Equal("NoSuchBucket,S3CrossAccount.Commands.Buckets.GetXAccountBucketPolicyCommand", error.FullyQualifiedErrorId);
            Assert.Equal("S3 GetBucketPolicy reports-111122223333 failed: NoSuchBucket: The specified bucket does not exist. Acting as credentials from the -AccessKey and -SecretKey parameters.", error.Exception.Message);
            Assert.Contains("Check the bucket name", error.ErrorDetails.RecommendedAction);
        }
    }
}
