using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Aws.Roles;
using S3CrossAccount.Aws.Tests.Roles;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;
using S3CrossAccount.Core.Roles;
using Xunit;

namespace S3CrossAccount.Aws.Tests.Concurrency
{
    /// <summary>Write-then-converge for trust and inline identity policies, over a fake IAM whose next read shows another writer's write.</summary>
    public class IamConvergeTests
    {
        private const string UserB = "arn:aws:iam::222233334444:user/alice";
        private const string UserC = "arn:aws:iam::333344445555:user/admin";
        private const string UserD = "arn:aws:iam::444455556666:user/bob";

        private static bool Yes(string target, string action) => true;

        private static RoleDefinition Definition(params string[] principals) => new RoleDefinition { RoleName = "S3Reader", TrustPolicy = PolicyBuilder.TrustPolicy(principals) };

        [Fact]
        public void TrustPolicy_OverwrittenByAnotherWriter_GetsOurPrincipalBack_AndKeepsTheirs()
        {
            var iam = new FakeIamClient();
            var verbose = new List<string>();
            new RoleService(iam).EnsureRole(Definition(UserB), Yes);
            var raced = false;
            iam.AfterCall = op =>
            {
                if (op != "UpdateAssumeRolePolicy" || raced) return;
                raced = true;
                // The other writer read the trust before our write and merged its own principal into that.
                iam.Roles["S3Reader"].AssumeRolePolicyDocument = PolicyJson.Write(RolePolicyMerge.MergeTrust(PolicyBuilder.TrustPolicy(new[] { UserB }), PolicyBuilder.TrustPolicy(new[] { UserD })));
            };

            new RoleService(iam, verbose.Add).EnsureRole(Definition(UserC), Yes);

            var trust = PolicyJson.Parse(iam.Roles["S3Reader"].AssumeRolePolicyDocument!);
            Assert.Equal(new[] { UserB, UserD, UserC }, trust.Principals);
            Assert.Equal(2, iam.Calls.Count(c => c == "UpdateAssumeRolePolicy"));
            Assert.Contains(verbose, v => v.StartsWith("Another writer changed the trust policy of role S3Reader at the same time", System.StringComparison.Ordinal));
        }

        [Fact]
        public void InlinePolicy_OverwrittenByAnotherWriter_IsMergedIntoTheirs()
        {
            var iam = new FakeIamClient();
            var theirs = PolicyBuilder.AssumeRolePolicy(new[] { "arn:aws:iam::111122223333:role/Theirs" });
            var raced = false;
            iam.AfterCall = op =>
            {
                if (op != "PutUserPolicy" || raced) return;
                raced = true;
                iam.UserPolicies[("alice", "P")] = PolicyJson.Write(theirs);
            };
            var ours = PolicyBuilder.AssumeRolePolicy(new[] { "arn:aws:iam::111122223333:role/Ours" });

            new IdentityPolicyService(iam).SetPolicy(IamIdentityType.User, "alice", "P", ours, false, Yes);

            var stored = PolicyJson.Parse(iam.UserPolicies[("alice", "P")]);
            Assert.Equal(new[] { "arn:aws:iam::111122223333:role/Theirs", "arn:aws:iam::111122223333:role/Ours" }, stored.Resources);
            Assert.Equal(new[] { "GetUserPolicy", "PutUserPolicy", "GetUserPolicy", "PutUserPolicy", "GetUserPolicy" }, iam.Calls);
        }
    }
}
