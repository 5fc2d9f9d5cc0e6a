using System.Collections.Generic;
using Amazon.Runtime;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Aws.Tests.Iam;

namespace S3CrossAccount.Aws.Tests.Clients
{
    /// <summary>Sessions, client pools and S3 bodies for tests against a <see cref="CannedIamServer"/>, shaped as the S3 API Reference documents them.</summary>
    internal static class CannedS3
    {
        internal static AwsSession Session(CannedIamServer server, string region = "us-east-1") =>
            new AwsSession(new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), "test", region, "test", server.Url);

        /// <summary>https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html</summary>
        internal static string Error(string code, string message = "m") =>
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>h</HostId></Error>";

        /// <summary>https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html</summary>
        internal static string Location(string region) =>
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">{region}</LocationConstraint>";

        /// <summary>
        /// A pool that looks bucket regions up as it does against AWS, each region's client talking to the canned
        /// server and signing for that region; <c>Regions</c> lists the regions clients were built for.
        /// </summary>
        internal static (S3ClientPool Pool, AwsCalls Calls, List<string> Regions, List<string> Verbose) LookingUpPool(CannedIamServer server, string sessionRegion)
        {
            var regions = new List<string>();
            var verbose = new List<string>();
            var session = Session(server, sessionRegion);
            var calls = new AwsCalls(verbose.Add);
            var pool = new S3ClientPool(session, calls, lookUpRegions: true, region =>
            {
                regions.Add(region);
                return AwsClientFactory.CreateS3Client(new AwsSession(session.Credentials, "test", region, "test", server.Url));
            });
            return (pool, calls, regions, verbose);
        }
    }
}
