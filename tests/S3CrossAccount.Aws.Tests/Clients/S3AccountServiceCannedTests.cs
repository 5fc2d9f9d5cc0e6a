using System.Linq;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Aws.Tests.Iam;
using static S3CrossAccount.Aws.Tests.Clients.CannedS3;
using S3CrossAccount.Core.Errors;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Clients
{
    /// <summary>ListBuckets for the access report and for -Bucket completion, against responses shaped as API_ListBuckets documents them.</summary>
    public class S3AccountServiceCannedTests
    {
        private static string Page(string token, params string[] buckets) =>
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Buckets>"
            + string.Concat(buckets.Select(b => $"<Bucket><CreationDate>2019-12-11T23:32:47+00:00</CreationDate><Name>{b}</Name></Bucket>"))
            + "</Buckets><Owner><DisplayName>a</DisplayName><ID>79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be</ID></Owner>"
            + (token.Length > 0 ? $"<ContinuationToken>{token}</ContinuationToken>" : string.Empty) + "</ListAllMyBucketsResult>";

        [Fact]
        public void ListAllBucketNames_FollowsTheContinuationToken_ToTheLastPage()
        {
            using var server = new CannedIamServer().Respond(200, Page("page2", "a-bucket", "b-bucket")).Respond(200, Page(string.Empty, "c-bucket"));
            Assert.Equal(new[] { "a-bucket", "b-bucket", "c-bucket" }, new S3AccountService(Session(server)).ListAllBucketNames(default));
            Assert.Equal(2, server.Received.Count);
            Assert.Contains("continuation-token=page2", server.Received[1].Path);
        }

        [Fact]
        public void ListBucketErrors_AreMapped_NotRawSdkExceptions()
        {
            using var server = new CannedIamServer().Respond(403, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>r</RequestId><HostId>h</HostId></Error>");
            var ex = Assert.Throws<XAccountException>(() => new S3AccountService(Session(server)).ListAllBucketNames(default));
            Assert.Equal(ErrorCode.AccessDenied, ex.Code);
        }
    }
}
