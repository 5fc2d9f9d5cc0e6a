using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using S3CrossAccount.Aws.Iam;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Iam
{
    /// <summary>
    /// Every operation's form body, through the real pipeline, against the parameter names of the
    /// IAM API Reference (https://docs.aws.amazon.com/IAM/latest/APIReference/API_&lt;Action&gt;.html).
    /// The SDK sorts parameters by name (ordinal) and percent-encodes per RFC 3986.
    /// </summary>
    public class IamOperationEncodingTests
    {
        private const string Doc = "{ \"Version\": \"2012-10-17\", \"Statement\": [] }";
        private const string DocEncoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D";
        private const string PolicyArn = "arn:aws:iam::123456789012:policy/xacct-read";
        private const string PolicyArnEncoded = "arn%3Aaws%3Aiam%3A%3A123456789012%3Apolicy%2Fxacct-read";

        public static IEnumerable<object[]> Operations()
        {
            object[] Op(string action, Func<IIamClient, Task> call, string body) => new object[] { action, call, body };

            yield return Op("UpdateAssumeRolePolicy", c => c.UpdateAssumeRolePolicyAsync(new UpdateAssumeRolePolicyRequest { RoleName = "r", PolicyDocument = Doc }),
                $"Action=UpdateAssumeRolePolicy&PolicyDocument={DocEncoded}&RoleName=r&Version=2010-05-08");
            yield return Op("UpdateRole", c => c.UpdateRoleAsync(new UpdateRoleRequest { RoleName = "r", MaxSessionDuration = 43200 }),
                "Action=UpdateRole&MaxSessionDuration=43200&RoleName=r&Version=2010-05-08");
            yield return Op("DeleteRole", c => c.DeleteRoleAsync(new DeleteRoleRequest { RoleName = "r" }),
                "Action=DeleteRole&RoleName=r&Version=2010-05-08");
            yield return Op("TagRole", c => c.TagRoleAsync(new TagRoleRequest { RoleName = "r", Tags = { new Tag("Dept", "Accounting"), new Tag("Cost Center", "12345") } }),
                "Action=TagRole&RoleName=r&Tags.member.1.Key=Dept&Tags.member.1.Value=Accounting&Tags.member.2.Key=Cost%20Center&Tags.member.2.Value=12345&Version=2010-05-08");
            yield return Op("ListRoleTags", c => c.ListRoleTagsAsync(new ListRoleTagsRequest { RoleName = "r", Marker = "m+/=", MaxItems = 10 }),
                "Action=ListRoleTags&Marker=m%2B%2F%3D&MaxItems=10&RoleName=r&Version=2010-05-08");
            yield return Op("PutRolePolicy", c => c.PutRolePolicyAsync(new PutRolePolicyRequest { RoleName = "r", PolicyName = "p", PolicyDocument = Doc }),
                $"Action=PutRolePolicy&PolicyDocument={DocEncoded}&PolicyName=p&RoleName=r&Version=2010-05-08");
            yield return Op("GetRolePolicy", c => c.GetRolePolicyAsync(new GetRolePolicyRequest { RoleName = "r", PolicyName = "p" }),
                "Action=GetRolePolicy&PolicyName=p&RoleName=r&Version=2010-05-08");
            yield return Op("ListRolePolicies", c => c.ListRolePoliciesAsync(new ListRolePoliciesRequest { RoleName = "r" }),
                "Action=ListRolePolicies&RoleName=r&Version=2010-05-08");
            yield return Op("DeleteRolePolicy", c => c.DeleteRolePolicyAsync(new DeleteRolePolicyRequest { RoleName = "r", PolicyName = "p" }),
                "Action=DeleteRolePolicy&PolicyName=p&RoleName=r&Version=2010-05-08");
            yield return Op("CreatePolicy", c => c.CreatePolicyAsync(new CreatePolicyRequest { PolicyName = "xacct-read", PolicyDocument = Doc, Description = "read bucket" }),
                $"Action=CreatePolicy&Description=read%20bucket&PolicyDocument={DocEncoded}&PolicyName=xacct-read&Version=2010-05-08");
            yield return Op("GetPolicy", c => c.GetPolicyAsync(new GetPolicyRequest { PolicyArn = PolicyArn }),
                $"Action=GetPolicy&PolicyArn={PolicyArnEncoded}&Version=2010-05-08");
            yield return Op("GetPolicyVersion", c => c.GetPolicyVersionAsync(new GetPolicyVersionRequest { PolicyArn = PolicyArn, VersionId = "v2" }),
                $"Action=GetPolicyVersion&PolicyArn={PolicyArnEncoded}&Version=2010-05-08&VersionId=v2");
            yield return Op("ListPolicyVersions", c => c.ListPolicyVersionsAsync(new ListPolicyVersionsRequest { PolicyArn = PolicyArn }),
                $"Action=ListPolicyVersions&PolicyArn={PolicyArnEncoded}&Version=2010-05-08");
            yield return Op("CreatePolicyVersion", c => c.CreatePolicyVersionAsync(new CreatePolicyVersionRequest { PolicyArn = PolicyArn, PolicyDocument = Doc, SetAsDefault = true }),
                $"Action=CreatePolicyVersion&PolicyArn={PolicyArnEncoded}&PolicyDocument={DocEncoded}&SetAsDefault=true&Version=2010-05-08");
            yield return Op("DeletePolicyVersion", c => c.DeletePolicyVersionAsync(new DeletePolicyVersionRequest { PolicyArn = PolicyArn, VersionId = "v1" }),
                $"Action=DeletePolicyVersion&PolicyArn={PolicyArnEncoded}&Version=2010-05-08&VersionId=v1");
            yield return Op("DeletePolicy", c => c.DeletePolicyAsync(new DeletePolicyRequest { PolicyArn = PolicyArn }),
                $"Action=DeletePolicy&PolicyArn={PolicyArnEncoded}&Version=2010-05-08");
            yield return Op("AttachRolePolicy", c => c.AttachRolePolicyAsync(new AttachRolePolicyRequest { RoleName = "r", PolicyArn = PolicyArn }),
                $"Action=AttachRolePolicy&PolicyArn={PolicyArnEncoded}&RoleName=r&Version=2010-05-08");
            yield return Op("DetachRolePolicy", c => c.DetachRolePolicyAsync(new DetachRolePolicyRequest { RoleName = "r", PolicyArn = PolicyArn }),
                $"Action=DetachRolePolicy&PolicyArn={PolicyArnEncoded}&RoleName=r&Version=2010-05-08");
            yield return Op("ListAttachedRolePolicies", c => c.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest { RoleName = "r", PathPrefix = "/xacct/" }),
                "Action=ListAttachedRolePolicies&PathPrefix=%2Fxacct%2F&RoleName=r&Version=2010-05-08");
            yield return Op("PutUserPolicy", c => c.PutUserPolicyAsync(new PutUserPolicyRequest { UserName = "tenantA$reader", PolicyName = "p", PolicyDocument = Doc }),
                $"Action=PutUserPolicy&PolicyDocument={DocEncoded}&PolicyName=p&UserName=tenantA%24reader&Version=2010-05-08");
            yield return Op("GetUserPolicy", c => c.GetUserPolicyAsync(new GetUserPolicyRequest { UserName = "Bob", PolicyName = "p" }),
                "Action=GetUserPolicy&PolicyName=p&UserName=Bob&Version=2010-05-08");
            yield return Op("DeleteUserPolicy", c => c.DeleteUserPolicyAsync(new DeleteUserPolicyRequest { UserName = "Bob", PolicyName = "p" }),
                "Action=DeleteUserPolicy&PolicyName=p&UserName=Bob&Version=2010-05-08");
            yield return Op("ListUserPolicies", c => c.ListUserPoliciesAsync(new ListUserPoliciesRequest { UserName = "Bob", MaxItems = 1000 }),
                "Action=ListUserPolicies&MaxItems=1000&UserName=Bob&Version=2010-05-08");
            yield return Op("PutGroupPolicy", c => c.PutGroupPolicyAsync(new PutGroupPolicyRequest { GroupName = "Admins", PolicyName = "p", PolicyDocument = Doc }),
                $"Action=PutGroupPolicy&GroupName=Admins&PolicyDocument={DocEncoded}&PolicyName=p&Version=2010-05-08");
            yield return Op("GetGroupPolicy", c => c.GetGroupPolicyAsync(new GetGroupPolicyRequest { GroupName = "Admins", PolicyName = "p" }),
                "Action=GetGroupPolicy&GroupName=Admins&PolicyName=p&Version=2010-05-08");
            yield return Op("DeleteGroupPolicy", c => c.DeleteGroupPolicyAsync(new DeleteGroupPolicyRequest { GroupName = "Admins", PolicyName = "p" }),
                "Action=DeleteGroupPolicy&GroupName=Admins&PolicyName=p&Version=2010-05-08");
            yield return Op("GetUser", c => c.GetUserAsync(new GetUserRequest()),
                "Action=GetUser&Version=2010-05-08");
            yield return Op("GetUser", c => c.GetUserAsync(new GetUserRequest { UserName = "Bob" }),
                "Action=GetUser&UserName=Bob&Version=2010-05-08");
        }

        [Theory]
        [MemberData(nameof(Operations))]
        public async Task Operation_PostsTheDocumentedQueryParameters(string action, Func<IIamClient, Task> call, string expectedBody)
        {
            using var server = new CannedIamServer().Respond(200, IamDocExamples.Empty(action));
            using var client = server.CreateClient();

            await call(client);

            var request = Assert.Single(server.Received);
            Assert.Equal("POST", request.Method);
            Assert.Equal(expectedBody, request.Body);
            Assert.Contains("/us-east-1/iam/aws4_request", request.Header("Authorization"));
        }
    }
}
