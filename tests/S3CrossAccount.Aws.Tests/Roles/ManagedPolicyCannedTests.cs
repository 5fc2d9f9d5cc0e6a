using System;
using System.Linq;
using System.Text.RegularExpressions;
using S3CrossAccount.Aws.Roles;
using S3CrossAccount.Aws.Tests.Iam;
using S3CrossAccount.Core.Policies.Builders;
using S3CrossAccount.Core.Roles;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Roles
{
    /// <summary>
    /// The managed-policy path of the role service over the real IAM Query client, against the IAM API
    /// Reference's documented responses (radosgw answers 405 to every managed-policy action, so this
    /// path cannot be proven on the integration server).
    /// </summary>
    public class ManagedPolicyCannedTests
    {
        private const string ModulePolicyArn = "arn:aws:iam::123456789012:policy/s3crossaccount/S3Access-access";

        private static string Action(ReceivedRequest r) => Regex.Match(r.Body, "Action=([A-Za-z]+)").Groups[1].Value;

        private static string CreatePolicyResponse(string arn) =>
            $@"<CreatePolicyResponse xmlns=""{IamDocExamples.Ns}""><CreatePolicyResult><Policy><PolicyName>S3Access-access</PolicyName><DefaultVersionId>v1</DefaultVersionId>"
            + $"<PolicyId>ANPAEXAMPLE</PolicyId><Path>/s3crossaccount/</Path><Arn>{arn}</Arn><AttachmentCount>0</AttachmentCount></Policy></CreatePolicyResult>"
            + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></CreatePolicyResponse>";

        private static string GetPolicyResponse(string arn, int attachments) =>
            $@"<GetPolicyResponse xmlns=""{IamDocExamples.Ns}""><GetPolicyResult><Policy><PolicyName>S3Access-access</PolicyName><DefaultVersionId>v2</DefaultVersionId>"
            + $"<Path>/s3crossaccount/</Path><Arn>{arn}</Arn><AttachmentCount>{attachments}</AttachmentCount></Policy></GetPolicyResult>"
            + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetPolicyResponse>";

        private static string Attached(params string[] arns) =>
            $@"<ListAttachedRolePoliciesResponse xmlns=""{IamDocExamples.Ns}""><ListAttachedRolePoliciesResult><AttachedPolicies>"
            + string.Concat(arns.Select(a => $"<member><PolicyName>{a.Substring(a.LastIndexOf('/') + 1)}</PolicyName><PolicyArn>{a}</PolicyArn></member>"))
            + "</AttachedPolicies><IsTruncated>false</IsTruncated></ListAttachedRolePoliciesResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></ListAttachedRolePoliciesResponse>";

        [Fact]
        public void NewRoleWithManagedPolicy_CreatesUnderTheModulePath_Tagged_ThenAttaches()
        {
            using var server = new CannedIamServer()
                .Respond(404, IamDocExamples.Error("NoSuchEntity", "The role with name S3Access cannot be found."))
                .Respond(200, IamDocExamples.CreateRole)
                .Respond(404, IamDocExamples.Error("NoSuchEntity", "Policy does not exist."))
                .Respond(200, CreatePolicyResponse(ModulePolicyArn))
                .Respond(200, IamDocExamples.Empty("AttachRolePolicy"));
            using var client = server.CreateClient();
            var definition = new RoleDefinition
            {
                RoleName = "S3Access",
                TrustPolicy = PolicyBuilder.TrustPolicy(new[] { "444455556666" }),
                AccessPolicy = PolicyBuilder.AccessPolicy(new S3AccessRequest("example-bucket")),
                AccessPolicyName = "S3Access-access",
                UseManagedPolicy = true,
            };

            var role = new RoleService(client).EnsureRole(definition, (t, a) => true)!;

            Assert.Equal(new[] { "GetRole", "CreateRole", "GetPolicy", "CreatePolicy", "AttachRolePolicy" }, server.Received.Select(Action));
            var create = server.Received[3].Body;
            Assert.Contains("Path=%2Fs3crossaccount%2F", create);
            Assert.Contains("Tags.member.1.Key=s3crossaccount%3Amanaged-by", create);
            Assert.Contains("PolicyName=S3Access-access", create);
            Assert.Contains("PolicyArn=" + Uri.EscapeDataString(ModulePolicyArn), server.Received[4].Body);
            Assert.Contains("PolicyArn=" + Uri.EscapeDataString(ModulePolicyArn), server.Received[2].Body);
            Assert.Equal(ModulePolicyArn, role.ManagedPolicyArn);
            Assert.Equal(new[] { "CreateRole", "CreatePolicy", "AttachRolePolicy" }, role.Changes);
        }

        [Fact]
        public void Remove_DetachesBoth_DeletesOnlyTheModulePolicyWithItsOldVersions_ThenTheRole()
        {
            const string foreign = "arn:aws:iam::aws:policy/ReadOnlyAccess";
            using var server = new CannedIamServer()
                .Respond(200, IamDocExamples.GetRole)
                .Respond(200, IamDocExamples.ListRolePoliciesLast)
                .Respond(200, IamDocExamples.Empty("DeleteRolePolicy"))
                .Respond(200, Attached(ModulePolicyArn, foreign))
                .Respond(200, IamDocExamples.Empty("DetachRolePolicy"))
                .Respond(200, GetPolicyResponse(ModulePolicyArn, 0))
                .Respond(200, IamDocExamples.ListPolicyVersions("v2", ("v2", "2024-01-02T00:00:00Z"), ("v1", "2024-01-01T00:00:00Z")))
                .Respond(200, IamDocExamples.Empty("DeletePolicyVersion"))
                .Respond(200, IamDocExamples.Empty("DeletePolicy"))
                .Respond(200, IamDocExamples.Empty("DetachRolePolicy"))
                .Respond(200, IamDocExamples.Empty("DeleteRole"));
            using var client = server.CreateClient();

            Assert.True(new RoleService(client).RemoveRole("S3Access", (t, a) => true));

            Assert.Equal(new[]
            {
                "GetRole", "ListRolePolicies", "DeleteRolePolicy", "ListAttachedRolePolicies", "DetachRolePolicy", "GetPolicy",
                "ListPolicyVersions", "DeletePolicyVersion", "DeletePolicy", "DetachRolePolicy", "DeleteRole",
            }, server.Received.Select(Action));
            Assert.Contains("PolicyName=ThirdPolicy", server.Received[2].Body);
            Assert.Contains("VersionId=v1", server.Received[7].Body);
            Assert.Contains("PolicyArn=" + Uri.EscapeDataString(foreign), server.Received[9].Body);
        }

        [Fact]
        public void ModuleManaged_IsRecognisedByThePathInTheArn()
        {
            Assert.True(RoleService.IsModuleManaged(ModulePolicyArn));
            Assert.False(RoleService.IsModuleManaged("arn:aws:iam::aws:policy/ReadOnlyAccess"));
            Assert.False(RoleService.IsModuleManaged("arn:aws:iam::123456789012:policy/other/s3crossaccount/x"));
        }
    }
}
