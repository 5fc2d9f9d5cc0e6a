using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using S3CrossAccount.Aws.Iam;
using S3CrossAccount.Aws.Iam.Internal;
using S3CrossAccount.Core.Errors;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Iam
{
    public class IamPolicyVersionPruningTests
    {
        private const string Arn = "arn:aws:iam::123456789012:policy/xacct-read";
        private const string ArnEncoded = "arn%3Aaws%3Aiam%3A%3A123456789012%3Apolicy%2Fxacct-read";

        [Fact]
        public async Task FiveVersions_DeletesOldestNonDefault_ThenCreates()
        {
            // v1 is the default and the oldest: it must survive; v2 is the oldest non-default.
            using var server = new CannedIamServer()
                .Respond(200, IamDocExamples.ListPolicyVersions("v1",
                    ("v5", "2014-09-19T10:00:00Z"), ("v4", "2014-09-18T10:00:00Z"), ("v3", "2014-09-17T10:00:00Z"),
                    ("v2", "2014-09-16T10:00:00Z"), ("v1", "2014-09-15T10:00:00Z")))
                .Respond(200, IamDocExamples.Empty("DeletePolicyVersion"))
                .Respond(200, IamDocExamples.CreatePolicyVersion);
            using var client = server.CreateClient();
            var pruned = new List<string>();

            var created = await client.CreatePolicyVersionPruningOldestAsync(
                new CreatePolicyVersionRequest { PolicyArn = Arn, PolicyDocument = "{}", SetAsDefault = true }, pruned.Add);

            Assert.Equal(new[] { "v2" }, pruned);
            Assert.Equal("v6", created.PolicyVersion.VersionId);
            Assert.Equal(3, server.Received.Count);
            Assert.Equal($"Action=ListPolicyVersions&PolicyArn={ArnEncoded}&Version=2010-05-08", server.Received[0].Body);
            Assert.Equal($"Action=DeletePolicyVersion&PolicyArn={ArnEncoded}&Version=2010-05-08&VersionId=v2", server.Received[1].Body);
            Assert.Equal($"Action=CreatePolicyVersion&PolicyArn={ArnEncoded}&PolicyDocument=%7B%7D&SetAsDefault=true&Version=2010-05-08", server.Received[2].Body);
        }

        [Fact]
        public async Task FewerThanFiveVersions_CreatesWithoutDeleting()
        {
            using var server = new CannedIamServer()
                .Respond(200, IamDocExamples.ListPolicyVersions("v2", ("v2", "2014-09-16T10:00:00Z"), ("v1", "2014-09-15T10:00:00Z")))
                .Respond(200, IamDocExamples.CreatePolicyVersion);
            using var client = server.CreateClient();
            var pruned = new List<string>();

            await client.CreatePolicyVersionPruningOldestAsync(new CreatePolicyVersionRequest { PolicyArn = Arn, PolicyDocument = "{}" }, pruned.Add);

            Assert.Empty(pruned);
            Assert.Equal(2, server.Received.Count);
            Assert.StartsWith("Action=CreatePolicyVersion&", server.Received[1].Body);
        }
    }

    public class PolicyDocumentTextTests
    {
        [Fact]
        public void Compact_RemovesWhitespaceOutsideStrings_KeepsItInside()
        {
            var pretty = "{\r\n\t\"Sid\" : \"Allow read\",\n  \"Condition\": { \"StringLike\": { \"s3:prefix\": [ \"a b/\\\" c\" ] } }\n}";
            Assert.Equal("{\"Sid\":\"Allow read\",\"Condition\":{\"StringLike\":{\"s3:prefix\":[\"a b/\\\" c\"]}}}", PolicyDocumentText.Compact(pretty));
        }

        [Fact]
        public void Decode_PercentEscapesOnly_PlusIsLiteral()
        {
            Assert.Equal("{\"a\":\"x+y z\"}", PolicyDocumentText.Decode("%7B%22a%22%3A%22x+y%20z%22%7D"));
        }

        [Fact]
        public void Decode_UnencodedJson_IsReturnedAsIs()
        {
            Assert.Equal("{\"a\":\"100%\"}", PolicyDocumentText.Decode("  {\"a\":\"100%\"}\n"));
        }

        /// <summary>Whatever a string value holds, compacting a pretty document keeps it byte for byte.</summary>
        [Property]
        public bool Compact_PreservesStringValues(NonNull<string> value)
        {
            var quoted = JsonQuote(value.Get);
            return PolicyDocumentText.Compact("{ \n \"Sid\" :\t" + quoted + " ,\r\n \"k\" : [ 1 , 2 ] }") == "{\"Sid\":" + quoted + ",\"k\":[1,2]}";
        }

        /// <summary>What IAM encodes (RFC 3986) decodes back to the same document.</summary>
        [Property]
        public bool Decode_InvertsRfc3986Encoding(NonNull<string> value)
        {
            var json = "{\"Sid\":" + JsonQuote(value.Get) + "}";
            if (!IsValidUtf16(json)) return true;
            return PolicyDocumentText.Decode(Uri.EscapeDataString(json)) == json;
        }

        private static bool IsValidUtf16(string s)
        {
            for (var i = 0; i < s.Length; i++)
            {
                if (char.IsHighSurrogate(s[i])) { if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])) return false; i++; }
                else if (char.IsLowSurrogate(s[i])) return false;
            }
            return true;
        }

        private static string JsonQuote(string s)
        {
            var sb = new System.Text.StringBuilder("\"");
            foreach (var c in s)
            {
                if (c == '"' || c == '\\') sb.Append('\\').Append(c);
                else if (c < ' ') sb.Append("\\u").Append(((int)c).ToString("x4"));
                else sb.Append(c);
            }
            return sb.Append('"').ToString();
        }
    }

    public class IamEndpointTests
    {
        [Theory]
        [InlineData(null, "https://iam.amazonaws.com/", "us-east-1")]
        [InlineData("eu-west-1", "https://iam.amazonaws.com/", "us-east-1")]
        [InlineData("cn-northwest-1", "https://iam.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
        [InlineData("us-gov-east-1", "https://iam.us-gov.amazonaws.com/", "us-gov-west-1")]
        [InlineData("us-iso-east-1", "https://iam.us-iso-east-1.c2s.ic.gov/", "us-iso-east-1")]
        [InlineData("us-isob-east-1", "https://iam.us-isob-east-1.sc2s.sgov.gov/", "us-isob-east-1")]
        public void Region_SelectsThePartitionsGlobalEndpointAndSigningRegion(string? region, string url, string signingRegion)
        {
            var endpoint = IamEndpoint.Resolve(region, null);
            Assert.Equal(url, endpoint.Url.ToString());
            Assert.Equal(signingRegion, endpoint.SigningRegion);
        }

        [Theory]
        [InlineData("http://127.0.0.1:8000", "default", "default")]
        [InlineData("https://iam.example.internal", null, "us-east-1")]
        public void EndpointUrl_IsUsedAsGiven_SignedForTheGivenRegion(string url, string? region, string signingRegion)
        {
            var endpoint = IamEndpoint.Resolve(region, url);
            Assert.Equal(new Uri(url), endpoint.Url);
            Assert.Equal(signingRegion, endpoint.SigningRegion);
        }

        [Fact]
        public void EndpointUrl_NotHttp_IsRejected()
        {
            var e = Assert.Throws<XAccountException>(() => IamEndpoint.Resolve("us-east-1", "iam.amazonaws.com"));
            Assert.Equal(ErrorCode.InvalidParameterCombination, e.Code);
            Assert.Equal("iam.amazonaws.com", e.Target);
        }
    }

    public class IamClientFactoryTests
    {
        [Fact]
        public void MissingKeys_AreNoCredentials()
        {
            var e = Assert.Throws<XAccountException>(() => IamClientFactory.Create(new IamClientOptions { AccessKey = "AKIA", SecretKey = "" }));
            Assert.Equal(ErrorCode.NoCredentials, e.Code);
        }

        [Fact]
        public void Options_ToString_NeverShowsSecrets()
        {
            var text = new IamClientOptions { AccessKey = "AKIAIOSFODNN7EXAMPLE", SecretKey = "wJalrXUtnFEMI/SECRET", SessionToken = "TOKEN-SECRET" }.ToString();
            Assert.Contains("AKIAIOSFODNN7EXAMPLE", text);
            Assert.DoesNotContain("SECRET", text);
        }

        /// <summary>The SDK's own retry policy for this client's config classifies IAM's Throttling code as throttling.</summary>
        [Theory]
        [InlineData("Throttling", true)]
        [InlineData("NoSuchEntity", false)]
        public void SdkRetryPolicy_ClassifiesThrottling(string code, bool throttling)
        {
            var config = new IamSdkConfig(IamEndpoint.Resolve(null, null));
            Assert.Equal(RequestRetryMode.Standard, config.RetryMode);
            var policy = new StandardRetryPolicy(config);
            var error = new AmazonServiceException("Rate exceeded", ErrorType.Sender, code, "id", HttpStatusCode.BadRequest);
            Assert.Equal(throttling, policy.IsThrottlingError(error));
        }
    }
}
