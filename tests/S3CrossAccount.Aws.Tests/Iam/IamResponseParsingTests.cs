using System;
using System.Linq;
using System.Threading.Tasks;
using S3CrossAccount.Aws.Iam;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Iam
{
    /// <summary>Documented example responses, through the real pipeline, mapped to the module's types.</summary>
    public class IamResponseParsingTests
    {
        [Fact]
        public async Task GetRolePolicy_RawJsonDocument_IsReturnedTrimmed()
        {
            using var server = new CannedIamServer().Respond(200, IamDocExamples.GetRolePolicy);
            using var client = server.CreateClient();

            var r = await client.GetRolePolicyAsync(new GetRolePolicyRequest { RoleName = "S3Access", PolicyName = "S3AccessPolicy" });

            Assert.Equal("S3Access", r.RoleName);
            Assert.Equal("S3AccessPolicy", r.PolicyName);
            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\"],\"Resource\":[\"*\"]}]}", r.PolicyDocument);
        }

        [Fact]
        public async Task GetUserPolicy_EncodedDocument_IsDecoded_PlusStaysPlus()
        {
            using var server = new CannedIamServer().Respond(200, IamDocExamples.GetUserPolicy);
            using var client = server.CreateClient();

            var r = await client.GetUserPolicyAsync(new GetUserPolicyRequest { UserName = "Bob", PolicyName = "AllAccessPolicy" });

            Assert.Equal("Bob", r.UserName);
            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:UserAgent\":\"a b+c\"}}}]}", r.PolicyDocument);
            Assert.Equal("7a62c49f-347e-4fc4-9331-6e8eEXAMPLE", r.RequestId);
        }

        [Fact]
        public async Task ListRolePolicies_TruncatedPage_CarriesMarker()
        {
            using var server = new CannedIamServer().Respond(200, IamDocExamples.ListRolePoliciesTruncated);
            using var client = server.CreateClient();

            var r = await client.ListRolePoliciesAsync(new ListRolePoliciesRequest { RoleName = "S3Access" });

            Assert.Equal(new[] { "CloudwatchPutMetricPolicy", "S3AccessPolicy" }, r.PolicyNames);
            Assert.True(r.IsTruncated);
            Assert.Equal("AAFoo=", r.Marker);
        }

        [Fact]
        public async Task ListAllRoles_FollowsMarkers_AndDecodesEachTrustPolicy()
        {
            using var server = new CannedIamServer()
                .Respond(200, IamDocExamples.ListRolesTruncated)
                .Respond(200, IamDocExamples.ListRolesLast);
            using var client = server.CreateClient();

            var roles = await client.ListAllRolesAsync();

            Assert.Equal(new[] { "S3Access", "examplerole", "Third" }, roles.Select(r => r.RoleName));
            Assert.Equal("/application_abc/component_xyz/", roles[0].Path);
            Assert.Equal("arn:aws:iam::123456789012:role/examplerole", roles[1].Arn);
            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::333344445555:root\"},\"Action\":\"sts:AssumeRole\"}]}", roles[1].AssumeRolePolicyDocument);
            Assert.Equal(3600, roles[1].MaxSessionDuration);
            Assert.Equal("Action=ListRoles&Version=2010-05-08", server.Received[0].Body);
            Assert.Equal("Action=ListRoles&Marker=AAGpage2%3D&Version=2010-05-08", server.Received[1].Body);
        }

        [Fact]
        public async Task ListAllRolePolicyNames_FollowsMarkerUntilNotTruncated()
        {
            using var server = new CannedIamServer()
                .Respond(200, IamDocExamples.ListRolePoliciesTruncated)
                .Respond(200, IamDocExamples.ListRolePoliciesLast);
            using var client = server.CreateClient();

            var names = await client.ListAllRolePolicyNamesAsync("S3Access");

            Assert.Equal(new[] { "CloudwatchPutMetricPolicy", "S3AccessPolicy", "ThirdPolicy" }, names);
            Assert.Equal(2, server.Received.Count);
            Assert.Equal("Action=ListRolePolicies&RoleName=S3Access&Version=2010-05-08", server.Received[0].Body);
            Assert.Equal("Action=ListRolePolicies&Marker=AAFoo%3D&RoleName=S3Access&Version=2010-05-08", server.Received[1].Body);
        }

        [Fact]
        public async Task ListRoleTags_ParsesKeyValueMembers()
        {
            using var server = new CannedIamServer().Respond(200, IamDocExamples.ListRoleTags);
            using var client = server.CreateClient();

            var r = await client.ListRoleTagsAsync(new ListRoleTagsRequest { RoleName = "r" });

            Assert.Equal(new[] { "Dept=Accounting", "Cost Center=12345" }, r.Tags.Select(t => t.ToString()));
            Assert.False(r.IsTruncated);
            Assert.Null(r.Marker);
        }

        [Fact]
        public async Task CreatePolicy_ParsesPolicy()
        {
            using var server = new CannedIamServer().Respond(200, IamDocExamples.CreatePolicy);
            using var client = server.CreateClient();

            var p = (await client.CreatePolicyAsync(new CreatePolicyRequest { PolicyName = "S3-read-only-example-bucket", PolicyDocument = "{}" })).Policy;

            Assert.Equal("S3-read-only-example-bucket", p.PolicyName);
            Assert.Equal("v1", p.DefaultVersionId);
            Assert.Equal("AGPACKCEVSQ6C2EXAMPLE", p.PolicyId);
            Assert.Equal("/", p.Path);
            Assert.Equal("arn:aws:iam::123456789012:policy/S3-read-only-example-bucket", p.Arn);
            Assert.Equal(0, p.AttachmentCount);
            Assert.Equal(new DateTime(2014, 9, 15, 17, 36, 14, 673, DateTimeKind.Utc), p.CreateDate);
        }

        [Fact]
        public async Task GetPolicyVersion_DecodesDocument()
        {
            using var server = new CannedIamServer().Respond(200, IamDocExamples.GetPolicyVersion);
            using var client = server.CreateClient();

            var v = (await client.GetPolicyVersionAsync(new GetPolicyVersionRequest { PolicyArn = "arn:aws:iam::123456789012:policy/p", VersionId = "v1" })).PolicyVersion;

            Assert.Equal("v1", v.VersionId);
            Assert.True(v.IsDefaultVersion);
            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:ListAllMyBuckets\"],\"Resource\":\"arn:aws:s3:::*\"}]}", v.Document);
        }

        [Fact]
        public async Task ListAttachedRolePolicies_ParsesMembers()
        {
            using var server = new CannedIamServer().Respond(200, IamDocExamples.ListAttachedRolePolicies);
            using var client = server.CreateClient();

            var a = Assert.Single((await client.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest { RoleName = "r" })).AttachedPolicies);

            Assert.Equal("ReadOnlyAccess", a.PolicyName);
            Assert.Equal("arn:aws:iam::aws:policy/ReadOnlyAccess", a.PolicyArn);
        }

        [Fact]
        public async Task GetUser_ParsesUser()
        {
            using var server = new CannedIamServer().Respond(200, IamDocExamples.GetUser);
            using var client = server.CreateClient();

            var u = (await client.GetUserAsync(new GetUserRequest())).User;

            Assert.Equal("AIDACKCEVSQ6C2EXAMPLE", u.UserId);
            Assert.Equal("Bob", u.UserName);
            Assert.Equal("/division_abc/subdivision_xyz/", u.Path);
            Assert.Equal("arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/Bob", u.Arn);
            Assert.Equal(new DateTime(2013, 10, 2, 17, 1, 44, DateTimeKind.Utc), u.CreateDate);
            Assert.Equal(new DateTime(2014, 10, 10, 14, 37, 51, DateTimeKind.Utc), u.PasswordLastUsed);
        }
    
        [Fact]
        public async Task ListAll_StopsWhenAServerRepeatsAMarker()
        {
            using var server = new CannedIamServer()
                .Respond(200, IamDocExamples.ListRolePoliciesTruncated)
                .Respond(200, IamDocExamples.ListRolePoliciesTruncated);
            using var client = server.CreateClient();

            var names = await client.ListAllRolePolicyNamesAsync("S3Access");

            Assert.Equal(2, server.Received.Count);
            Assert.Equal(4, names.Count);
        }
    
        [Fact]
        public async Task ListRoleTags_RadosgwSplitMembers_AreJoinedIntoOneTag()
        {
            using var server = new CannedIamServer().Respond(200,
                "<ListRoleTagsResponse><ListRoleTagsResult><Tags><member><Key>owner</Key></member><member><Value>probe</Value></member>"
                + "<member><Key>Dept</Key><Value>Accounting</Value></member></Tags><IsTruncated>false</IsTruncated></ListRoleTagsResult>"
                + "<ResponseMetadata><RequestId>rgw-1</RequestId></ResponseMetadata></ListRoleTagsResponse>");
            using var client = server.CreateClient();

            var r = await client.ListRoleTagsAsync(new ListRoleTagsRequest { RoleName = "r" });

            Assert.Equal(new[] { "owner=probe", "Dept=Accounting" }, r.Tags.Select(t => t.ToString()));
        }
    }
}
