using System.Collections.Generic;
using S3CrossAccount.Aws.Roles;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;
using S3CrossAccount.Core.Policies.Merging;
using S3CrossAccount.Core.Roles;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Roles
{
    public class IdentityPolicyServiceTests
    {
        private const string RoleA = "arn:aws:iam::111122223333:role/S3Reader";

        private static bool Yes(string target, string action) => true;

        [Fact]
        public void AssumeRolePolicy_IsPutAsSeed002Writes_ThenNotWrittenAgain()
        {
            var iam = new FakeIamClient();
            var service = new IdentityPolicyService(iam);

            var first = service.SetPolicy(IamIdentityType.User, "333344445555$admin", "S3CrossAccountAssumeRole", PolicyBuilder.AssumeRolePolicy(new[] { RoleA }), false, Yes);
            var second = service.SetPolicy(IamIdentityType.User, "333344445555$admin", "S3CrossAccountAssumeRole", PolicyBuilder.AssumeRolePolicy(new[] { RoleA }), false, Yes);

            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"" + RoleA + "\"}}",
                iam.UserPolicies[("333344445555$admin", "S3CrossAccountAssumeRole")]);
            Assert.True(first.Changed);
            Assert.False(second.Changed);
            Assert.Equal(new[] { "GetUserPolicy", "PutUserPolicy", "GetUserPolicy", "GetUserPolicy" }, iam.Calls);
        }

        [Fact]
        public void ExistingInlinePolicy_KeepsItsStatements_AndGainsTheNewOne()
        {
            var iam = new FakeIamClient();
            const string existing = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Mine\",\"Effect\":\"Allow\",\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}]}";
            iam.GroupPolicies[("Readers", "P")] = existing;

            var result = new IdentityPolicyService(iam).SetPolicy(IamIdentityType.Group, "Readers", "P", PolicyBuilder.AssumeRolePolicy(new[] { RoleA }), false, Yes);

            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Mine\",\"Effect\":\"Allow\",\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"" + GrantKey.BaseSid(PolicyBuilder.AssumeRolePolicy(new[] { RoleA }).Statements[0]) + "\",\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"" + RoleA + "\"}]}", iam.GroupPolicies[("Readers", "P")]);
            Assert.True(result.Changed);
            Assert.Equal(2, result.Policy.StatementCount);

            // The same grant again changes nothing.
            var again = new IdentityPolicyService(iam).SetPolicy(IamIdentityType.Group, "Readers", "P", PolicyBuilder.AssumeRolePolicy(new[] { RoleA }), false, Yes);
            Assert.False(again.Changed);
        }

        [Fact]
        public void Replace_Overwrites_AndWhatIfWritesNothing()
        {
            var iam = new FakeIamClient();
            iam.AddRole("Batch", "{}");
            iam.RolePolicies[("Batch", "P")] = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}]}";
            var policy = PolicyBuilder.AssumeRolePolicy(new[] { RoleA });

            var declined = new IdentityPolicyService(iam).SetPolicy(IamIdentityType.Role, "Batch", "P", policy, true, (t, a) => false);
            Assert.False(declined.Changed);
            Assert.Empty(iam.Writes);

            new IdentityPolicyService(iam).SetPolicy(IamIdentityType.Role, "Batch", "P", policy, true, Yes);
            Assert.Equal(PolicyJson.Write(policy), iam.RolePolicies[("Batch", "P")]);
        }

        [Fact]
        public void InvalidPolicyName_IsRejectedBeforeAnyCall()
        {
            var iam = new FakeIamClient();
            var ex = Assert.Throws<XAccountException>(() => new IdentityPolicyService(iam).SetPolicy(IamIdentityType.User, "u", "bad name", PolicyBuilder.AssumeRolePolicy(new[] { RoleA }), false, Yes));
            Assert.Equal(ErrorCode.InvalidParameterCombination, ex.Code);
            Assert.Empty(iam.Calls);
        }
    }
}
