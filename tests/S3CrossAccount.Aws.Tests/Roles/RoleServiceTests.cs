using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Aws.Roles;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;
using S3CrossAccount.Core.Policies.Merging;
using S3CrossAccount.Core.Roles;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Roles
{
    public class RoleServiceTests
    {
        private const string UserB = "arn:aws:iam::222233334444:user/alice";
        private const string UserC = "arn:aws:iam::333344445555:user/admin";

        private static readonly PolicyDocument ReadBucket = PolicyBuilder.AccessPolicy(new S3AccessRequest("example-bucket") { Access = S3AccessPreset.Read });

        private static RoleDefinition Definition(params string[] principals) => new RoleDefinition
        {
            RoleName = "S3Reader",
            TrustPolicy = PolicyBuilder.TrustPolicy(principals),
            AccessPolicy = ReadBucket,
        };

        private static bool Yes(string target, string action) => true;

        [Fact]
        public void NewRole_CreatesTheRoleThenPutsTheInlineAccessPolicy()
        {
            var iam = new FakeIamClient();
            var verbose = new List<string>();

            var role = new RoleService(iam, verbose.Add).EnsureRole(Definition(UserB), Yes)!;

            Assert.Equal(new[] { "GetRole", "CreateRole", "PutRolePolicy", "GetRolePolicy" }, iam.Calls);
            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + UserB + "\"},\"Action\":\"sts:AssumeRole\"}]}",
                iam.Roles["S3Reader"].AssumeRolePolicyDocument);
            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":\"arn:aws:s3:::example-bucket/*\"}]}",
                iam.RolePolicies[("S3Reader", "S3CrossAccountAccess")]);
            Assert.Equal("arn:aws:iam::111122223333:role/S3Reader", role.RoleArn);
            Assert.Equal("111122223333", role.AccountId);
            Assert.Equal(new[] { UserB }, role.TrustedPrincipals);
            Assert.Equal(new[] { "CreateRole", "PutRolePolicy" }, role.Changes);
            Assert.Contains("IAM CreateRole S3Reader", verbose);
            Assert.Contains("IAM PutRolePolicy S3Reader/S3CrossAccountAccess", verbose);
        }

        [Fact]
        public void SecondRun_WithTheSameDefinition_MakesNoWriteCall()
        {
            var iam = new FakeIamClient();
            var service = new RoleService(iam);
            service.EnsureRole(Definition(UserB), Yes);
            iam.Calls.Clear();

            var role = service.EnsureRole(Definition(UserB), Yes)!;

            Assert.Equal(new[] { "GetRole", "GetRolePolicy" }, iam.Calls);
            Assert.Empty(role.Changes);
            Assert.False(role.Changed);
            Assert.True(role.AccessPolicy!.SemanticEquals(ReadBucket));
        }

        [Fact]
        public void StoredRootArn_EqualsTheBareAccountIdAskedFor_NoWrite()
        {
            var iam = new FakeIamClient();
            iam.AddRole("S3Reader", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::222233334444:root\"},\"Action\":\"sts:AssumeRole\"}]}");
            iam.RolePolicies[("S3Reader", "S3CrossAccountAccess")] = PolicyJson.Write(ReadBucket);

            var role = new RoleService(iam).EnsureRole(Definition("222233334444"), Yes)!;

            Assert.Empty(iam.Writes);
            Assert.Equal(new[] { "arn:aws:iam::222233334444:root" }, role.TrustedPrincipals);
        }

        [Fact]
        public void DifferentTrust_IsMerged_PrincipalsAddedAndForeignStatementKept()
        {
            var iam = new FakeIamClient();
            iam.AddRole("S3Reader", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + UserB + "\"},\"Action\":\"sts:AssumeRole\"},"
                + "{\"Sid\":\"Ec2\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}");
            iam.RolePolicies[("S3Reader", "S3CrossAccountAccess")] = PolicyJson.Write(ReadBucket);

            var role = new RoleService(iam).EnsureRole(Definition(UserC), Yes)!;

            Assert.Equal(new[] { "UpdateAssumeRolePolicy" }, iam.Writes);
            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"" + UserB + "\",\"" + UserC + "\"]},\"Action\":\"sts:AssumeRole\"},"
                + "{\"Sid\":\"Ec2\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}",
                iam.Roles["S3Reader"].AssumeRolePolicyDocument);
            Assert.Equal(new[] { UserB, UserC, "Service:ec2.amazonaws.com" }, role.TrustedPrincipals);
        }

        [Fact]
        public void DifferentTrust_WithForce_IsReplaced()
        {
            var iam = new FakeIamClient();
            iam.AddRole("S3Reader", PolicyJson.Write(PolicyBuilder.TrustPolicy(new[] { UserB })));
            var definition = Definition(UserC);
            definition.Force = true;

            new RoleService(iam).EnsureRole(definition, Yes);

            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + UserC + "\"},\"Action\":\"sts:AssumeRole\"}]}",
                iam.Roles["S3Reader"].AssumeRolePolicyDocument);
            Assert.Equal(new[] { "UpdateAssumeRolePolicy", "PutRolePolicy" }, iam.Writes);
        }

        [Fact]
        public void TrustThatAlreadyNamesMorePrincipals_IsNotNarrowedWithoutForce()
        {
            var iam = new FakeIamClient();
            iam.AddRole("S3Reader", PolicyJson.Write(PolicyBuilder.TrustPolicy(new[] { UserB, UserC })));
            iam.RolePolicies[("S3Reader", "S3CrossAccountAccess")] = PolicyJson.Write(ReadBucket);

            new RoleService(iam).EnsureRole(Definition(UserC), Yes);

            Assert.Empty(iam.Writes);
        }

        [Fact]
        public void ExternalIdTrust_IsAStatementOfItsOwn_NotMergedIntoTheUnconditionedOne()
        {
            var iam = new FakeIamClient();
            iam.AddRole("S3Reader", PolicyJson.Write(PolicyBuilder.TrustPolicy(new[] { UserB })));
            iam.RolePolicies[("S3Reader", "S3CrossAccountAccess")] = PolicyJson.Write(ReadBucket);
            var definition = Definition(UserC);
            definition.TrustPolicy = PolicyBuilder.TrustPolicy(new[] { UserC }, new TrustPolicyOptions { ExternalId = "Partner-7f3a" });

            new RoleService(iam).EnsureRole(definition, Yes);

            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + UserB + "\"},\"Action\":\"sts:AssumeRole\"},"
                + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + UserC + "\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"Partner-7f3a\"}}}]}",
                iam.Roles["S3Reader"].AssumeRolePolicyDocument);
        }

        [Fact]
        public void DifferentAccessPolicy_IsMerged_OrReplacedWithForce()
        {
            var iam = new FakeIamClient();
            var other = PolicyBuilder.AccessPolicy(new S3AccessRequest("other-bucket") { Access = S3AccessPreset.Write });
            iam.AddRole("S3Reader", PolicyJson.Write(PolicyBuilder.TrustPolicy(new[] { UserB })));
            iam.RolePolicies[("S3Reader", "S3CrossAccountAccess")] = PolicyJson.Write(other);

            new RoleService(iam).EnsureRole(Definition(UserB), Yes);
            var merged = PolicyJson.Parse(iam.RolePolicies[("S3Reader", "S3CrossAccountAccess")]);
            // The policy core's merge: the foreign statement stays as written, ours is appended under a module Sid.
            Assert.Equal(other.Statements.Concat(new[] { ReadBucket.Statements[0] with { Sid = GrantKey.BaseSid(ReadBucket.Statements[0]) } }), merged.Statements);

            var replace = Definition(UserB);
            replace.Force = true;
            new RoleService(iam).EnsureRole(replace, Yes);
            Assert.True(PolicyJson.Parse(iam.RolePolicies[("S3Reader", "S3CrossAccountAccess")]).SemanticEquals(ReadBucket));
        }

        [Fact]
        public void WhatIf_OnANewRole_WritesNothingAndReturnsNull()
        {
            var iam = new FakeIamClient();
            var asked = new List<string>();

            var role = new RoleService(iam).EnsureRole(Definition(UserB), (target, action) => { asked.Add(target + ": " + action); return false; });

            Assert.Null(role);
            Assert.Empty(iam.Writes);
            Assert.Equal(new[] { "S3Reader: Create IAM role trusting " + UserB }, asked);
        }

        [Fact]
        public void MaxSessionDurationAndMissingTags_AreUpdatedOnAnExistingRole()
        {
            var iam = new FakeIamClient();
            iam.AddRole("S3Reader", PolicyJson.Write(PolicyBuilder.TrustPolicy(new[] { UserB })), maxSession: 3600);
            iam.Roles["S3Reader"].Tags.Add(new S3CrossAccount.Aws.Iam.Tag("team", "data"));
            var definition = Definition(UserB);
            definition.AccessPolicy = null;
            definition.MaxSessionDuration = 7200;
            definition.Tags = new Dictionary<string, string> { ["team"] = "data", ["owner"] = "ops" };

            var role = new RoleService(iam).EnsureRole(definition, Yes)!;

            Assert.Equal(new[] { "UpdateRole", "TagRole" }, iam.Writes);
            Assert.Equal(7200, role.MaxSessionDuration);
            Assert.Equal(new[] { "team=data", "owner=ops" }, iam.Roles["S3Reader"].Tags.Select(t => t.ToString()));

            iam.Calls.Clear();
            new RoleService(iam).EnsureRole(definition, Yes);
            Assert.Empty(iam.Writes);
        }

        [Fact]
        public void ManagedPolicy_IsCreatedUnderTheModulePath_TaggedAndAttached_ThenLeftAlone()
        {
            var iam = new FakeIamClient();
            var definition = Definition(UserB);
            definition.UseManagedPolicy = true;
            definition.AccessPolicyName = "S3Reader-access";

            var role = new RoleService(iam).EnsureRole(definition, Yes)!;

            const string arn = "arn:aws:iam::111122223333:policy/s3crossaccount/S3Reader-access";
            Assert.Equal(new[] { "CreateRole", "CreatePolicy", "AttachRolePolicy" }, iam.Writes);
            Assert.Equal(arn, role.ManagedPolicyArn);
            Assert.Equal("/s3crossaccount/", iam.Managed[arn].Policy.Path);
            Assert.Equal("s3crossaccount:managed-by=S3CrossAccount", iam.Managed[arn].Policy.Tags.Single().ToString());
            Assert.Equal(new[] { arn }, iam.Attached["S3Reader"]);

            iam.Calls.Clear();
            new RoleService(iam).EnsureRole(definition, Yes);
            Assert.Empty(iam.Writes);

            definition.AccessPolicy = PolicyBuilder.AccessPolicy(new S3AccessRequest("example-bucket") { Access = S3AccessPreset.ReadWrite });
            definition.Force = true;
            new RoleService(iam).EnsureRole(definition, Yes);
            Assert.Equal(new[] { "CreatePolicyVersion" }, iam.Writes);
            Assert.Equal("v2", iam.Managed[arn].Policy.DefaultVersionId);
        }

        [Fact]
        public void Remove_DeletesInlinePolicies_DetachesAll_DeletesOnlyModuleManagedPolicies_ThenTheRole()
        {
            var iam = new FakeIamClient();
            var definition = Definition(UserB);
            definition.UseManagedPolicy = true;
            definition.AccessPolicyName = "S3Reader-access";
            new RoleService(iam).EnsureRole(definition, Yes);
            iam.RolePolicies[("S3Reader", "extra")] = PolicyJson.Write(ReadBucket);
            const string foreign = "arn:aws:iam::aws:policy/ReadOnlyAccess";
            iam.Managed[foreign] = (new S3CrossAccount.Aws.Iam.ManagedPolicy { Arn = foreign, DefaultVersionId = "v1" }, new List<S3CrossAccount.Aws.Iam.PolicyVersion>());
            iam.Attached["S3Reader"].Add(foreign);
            iam.Calls.Clear();

            Assert.True(new RoleService(iam).RemoveRole("S3Reader", Yes));

            Assert.Equal(new[] { "DeleteRolePolicy", "DetachRolePolicy", "DeletePolicy", "DetachRolePolicy", "DeleteRole" }, iam.Writes);
            Assert.False(iam.Roles.ContainsKey("S3Reader"));
            Assert.True(iam.Managed.ContainsKey(foreign));
            Assert.False(iam.Managed.ContainsKey("arn:aws:iam::111122223333:policy/s3crossaccount/S3Reader-access"));
        }

        [Fact]
        public void Remove_OnAnEndpointWithoutManagedPolicies_StillDeletesTheRole()
        {
            var iam = new FakeIamClient { ManagedPoliciesUnsupported = true };
            new RoleService(iam).EnsureRole(Definition(UserB), Yes);
            iam.Calls.Clear();
            var verbose = new List<string>();

            new RoleService(iam, verbose.Add).RemoveRole("S3Reader", Yes);

            Assert.Equal(new[] { "GetRole", "ListRolePolicies", "DeleteRolePolicy", "ListAttachedRolePolicies", "DeleteRole" }, iam.Calls);
            Assert.Contains(verbose, v => v.Contains("does not support managed policies"));
        }

        [Fact]
        public void Remove_AMissingRole_IsAVerboseNote_NotAnError_AndWhatIfDeletesNothing()
        {
            var iam = new FakeIamClient();
            var verbose = new List<string>();
            Assert.False(new RoleService(iam, verbose.Add).RemoveRole("Nope", Yes));
            Assert.Equal(new[] { "GetRole" }, iam.Calls);
            Assert.Contains("The role 'Nope' does not exist in this account; nothing to remove.", verbose);

            new RoleService(iam).EnsureRole(Definition(UserB), Yes);
            iam.Calls.Clear();
            Assert.False(new RoleService(iam).RemoveRole("S3Reader", (t, a) => false));
            Assert.Empty(iam.Writes);
        }

        [Fact]
        public void ListRolesWithTrust_ReadsNoSuchEntity_AsNoRoles()
        {
            var iam = new FakeIamClient { NoRolesIsNoSuchEntity = true };
            Assert.Empty(new RoleService(iam).ListRolesWithTrust());
            new RoleService(iam).EnsureRole(Definition(UserB), Yes);
            Assert.Equal(new[] { "S3Reader" }, new RoleService(iam).ListRolesWithTrust().Select(r => r.RoleName));
        }

        [Theory]
        [InlineData("")]
        [InlineData("has space")]
        [InlineData("a/b")]
        [InlineData("S3Reader\n")]
        [InlineData("R\u00F4le")]
        public void InvalidRoleName_FailsBeforeAnyCall(string name)
        {
            var iam = new FakeIamClient();
            var definition = Definition(UserB);
            definition.RoleName = name;
            var ex = Assert.Throws<XAccountException>(() => new RoleService(iam).EnsureRole(definition, Yes));
            Assert.Equal(ErrorCode.InvalidRoleName, ex.Code);
            Assert.Empty(iam.Calls);
        }
    }
}
