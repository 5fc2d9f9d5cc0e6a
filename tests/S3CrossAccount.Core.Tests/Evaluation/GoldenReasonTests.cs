using System;
using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Core.Evaluation;
using S3CrossAccount.Core.Evaluation.Acls;
using S3CrossAccount.Core.Evaluation.Model;
using S3CrossAccount.Core.Evaluation.Results;
using Xunit;
using static S3CrossAccount.Core.Tests.Evaluation.Kit;

namespace S3CrossAccount.Core.Tests.Evaluation
{
    /// <summary>
    /// The English reason of each rule of the cascade (and of each variant a rule words differently), pinned once here;
    /// every other evaluator test asserts decisions as data (Decision, Rule, layers, statements).
    /// </summary>
    public class GoldenReasonTests
    {
        private const string AliceA = "arn:aws:iam::111122223333:user/alice";
        private const string BobB = "arn:aws:iam::444455556666:user/bob";
        private const string BucketArn = "arn:aws:s3:::DOC-EXAMPLE-BUCKET1";
        private const string Objects = "\"arn:aws:s3:::DOC-EXAMPLE-BUCKET1/*\"";
        private static readonly EvaluationPolicy ReadObjects = Policy(Doc(Allow("\"s3:GetObject\"", Objects)), "read");
        private static readonly EvaluationPolicy Everything = Policy(Doc(Allow("\"*\"", "\"*\"")), "admin");
        private static readonly EvaluationPolicy BobMayRead = Policy(Doc(Allow("[\"s3:GetObject\",\"s3:PutObject\"]", Objects, $"{{\"AWS\":\"{BobB}\"}}")), "bucket");
        private static readonly EvaluationPolicy Trust = Policy(Doc($"{{\"Effect\":\"Allow\",\"Principal\":{{\"AWS\":\"{B}\"}},\"Action\":\"sts:AssumeRole\"}}"), "trust");
        private const string RoleArn = "arn:aws:iam::111122223333:role/Shared";

        private static AccessDecision With(string principal, string action, AccessPolicies policies, string resource = Kit.Object, string? objectOwner = null) =>
            AccessEvaluator.Evaluate(Request(principal, action, resource, objectOwner: objectOwner), policies);

        /// <summary>Each case: the rule it must reach and the reason it must give.</summary>
        private static readonly Dictionary<string, (DecisionRule Rule, Func<AccessDecision> Decide, string Reason)> Cases = new Dictionary<string, (DecisionRule, Func<AccessDecision>, string)>
        {
            ["ExplicitDeny"] = (DecisionRule.ExplicitDeny,
                () => Decide(Request(AliceA, "s3:DeleteObject"), null, Policy(Doc(Allow("\"s3:*\"", "\"*\""), Deny("\"s3:Delete*\"", "\"*\"")), "guard")),
                "explicit Deny in identity policy 'guard' (statement #2) for s3:DeleteObject"),
            ["RootUserCannotAssumeRole"] = (DecisionRule.RootUserCannotAssumeRole,
                () => AccessEvaluator.EvaluateAssumeRole($"arn:aws:iam::{B}:root", RoleArn, Trust, new EvaluationPolicy[0]),
                "the root user of account 444455556666 cannot assume a role; an IAM user or role of that account must call sts:AssumeRole"),
            ["NoServiceControlPolicyAllows"] = (DecisionRule.NoServiceControlPolicyAllows,
                () => With(AliceA, "s3:PutObject", new AccessPolicies { IdentityPolicies = new[] { Everything }, ServiceControlPolicies = new[] { ReadObjects } }),
                "no service control policy of account 111122223333 allows s3:PutObject"),
            ["NoResourceControlPolicyAllows"] = (DecisionRule.NoResourceControlPolicyAllows,
                () => With(AliceA, "s3:PutObject", new AccessPolicies { IdentityPolicies = new[] { Everything }, ResourceControlPolicies = new[] { ReadObjects } }),
                "no resource control policy of account 111122223333 allows s3:PutObject"),
            ["BucketPolicyActionFromAnotherAccount"] = (DecisionRule.BucketPolicyActionFromAnotherAccount,
                () => With(BobB, "s3:PutBucketPolicy", new AccessPolicies { IdentityPolicies = new[] { Everything } }, BucketArn),
                "cross-account: only identities of the bucket owner's account 111122223333 may call s3:PutBucketPolicy (S3 answers 405 Method Not Allowed)"),
            ["BucketPolicyActionFromAnotherAccount, anonymous"] = (DecisionRule.BucketPolicyActionFromAnotherAccount,
                () => With("*", "s3:GetBucketPolicy", new AccessPolicies(), BucketArn),
                "anonymous: only identities of the bucket owner's account 111122223333 may call s3:GetBucketPolicy (S3 answers 405 Method Not Allowed)"),
            ["AnonymousAllowed"] = (DecisionRule.AnonymousAllowed,
                () => Decide(Request("*", "s3:GetObject"), Policy(Doc(Allow("\"s3:GetObject\"", Objects, "\"*\"")))),
                "anonymous: the bucket policy allows s3:GetObject to everyone"),
            ["AnonymousAllowed, by an ACL"] = (DecisionRule.AnonymousAllowed,
                () => With("*", "s3:GetObject", new AccessPolicies { ObjectOwnership = ObjectOwnership.ObjectWriter, ObjectAcl = new AccessControlList(A, new[] { AclGrant.Parse("AllUsers", "READ") }) }),
                "anonymous: an ACL grant allows s3:GetObject to everyone"),
            ["AnonymousNotAllowed"] = (DecisionRule.AnonymousNotAllowed,
                () => Decide(Request("*", "s3:PutObject"), Policy(Doc(Allow("\"s3:GetObject\"", Objects, "\"*\"")))),
                "anonymous: neither the bucket policy nor an ACL allows s3:PutObject to everyone"),
            ["BucketOwnerRootManagesBucketPolicy"] = (DecisionRule.BucketOwnerRootManagesBucketPolicy,
                () => Decide(Request($"arn:aws:iam::{A}:root", "s3:DeleteBucketPolicy", BucketArn), Policy(Doc(Deny("\"s3:*\"", $"\"{BucketArn}\"", "\"*\"")))),
                "same account: the bucket owner's root user may always call s3:DeleteBucketPolicy, even though the bucket policy denies it"),
            ["SameAccountRootUser"] = (DecisionRule.SameAccountRootUser,
                () => Decide(Request($"arn:aws:iam::{A}:root", "s3:GetObject")),
                "same account: the account root user owns the resource"),
            ["SameAccountIdentityPolicyAllows"] = (DecisionRule.SameAccountIdentityPolicyAllows,
                () => Decide(Request(AliceA, "s3:GetObject"), null, ReadObjects),
                "same account: identity policy allows s3:GetObject"),
            ["SameAccountResourcePolicyAllows"] = (DecisionRule.SameAccountResourcePolicyAllows,
                () => Decide(Request(AliceA, "s3:GetObject"), Policy(Doc(Allow("\"s3:GetObject\"", Objects, $"{{\"AWS\":\"{AliceA}\"}}")))),
                "same account: bucket policy allows s3:GetObject"),
            ["SameAccountResourcePolicyNamesOnlyTheAccount"] = (DecisionRule.SameAccountResourcePolicyNamesOnlyTheAccount,
                () => Decide(Request(AliceA, "s3:GetObject"), Policy(Doc(Allow("\"s3:GetObject\"", Objects, $"{{\"AWS\":\"{A}\"}}")))),
                "same account: the bucket policy names only the account, and no identity policy in 111122223333 allows s3:GetObject"),
            ["SameAccountNothingAllows"] = (DecisionRule.SameAccountNothingAllows,
                () => Decide(Request(AliceA, "s3:GetObject")),
                "same account: neither an identity policy nor the bucket policy allows s3:GetObject"),
            ["CrossAccountBothAllow"] = (DecisionRule.CrossAccountBothAllow,
                () => Decide(Request(BobB, "s3:GetObject"), BobMayRead, ReadObjects),
                "cross-account: the bucket policy and an identity policy in 444455556666 allow s3:GetObject"),
            ["CrossAccountBothAllow, the root user, by an ACL"] = (DecisionRule.CrossAccountBothAllow,
                () => With($"arn:aws:iam::{B}:root", "s3:GetObject", new AccessPolicies { ObjectOwnership = ObjectOwnership.BucketOwnerPreferred, ObjectAcl = new AccessControlList(A, new[] { AclGrant.Parse(B, "READ") }) }),
                "cross-account: an ACL grant and the root user of 444455556666 allow s3:GetObject"),
            ["CrossAccountIdentityNotAllowed"] = (DecisionRule.CrossAccountIdentityNotAllowed,
                () => Decide(Request(BobB, "s3:PutObject"), BobMayRead, ReadObjects),
                "cross-account: bucket policy allows, but no identity policy in 444455556666 allows s3:PutObject"),
            ["CrossAccountIdentityNotAllowed, by the boundary"] = (DecisionRule.CrossAccountIdentityNotAllowed,
                () => With(BobB, "s3:GetObject", new AccessPolicies { BucketPolicy = BobMayRead, IdentityPolicies = new[] { Everything }, PermissionsBoundary = Policy(Doc(Allow("\"s3:PutObject\"", "\"*\""))) }),
                "cross-account: bucket policy allows, but identity policy allows s3:GetObject but the permissions boundary does not"),
            ["CrossAccountIdentityNotAllowed, by the session policy, on a trust policy"] = (DecisionRule.CrossAccountIdentityNotAllowed,
                () => AccessEvaluator.Evaluate(Request($"arn:aws:sts::{B}:assumed-role/R/s", "sts:AssumeRole", RoleArn), new AccessPolicies { BucketPolicy = Trust, IdentityPolicies = new[] { Everything }, SessionPolicy = ReadObjects }),
                "cross-account: trust policy allows, but identity policy allows sts:AssumeRole but the session policy does not"),
            ["CrossAccountIdentityNotAllowed, by an ACL"] = (DecisionRule.CrossAccountIdentityNotAllowed,
                () => With(BobB, "s3:GetObject", new AccessPolicies { ObjectOwnership = ObjectOwnership.ObjectWriter, ObjectAcl = new AccessControlList(A, new[] { AclGrant.Parse(B, "READ") }) }),
                "cross-account: an ACL grants it, but no identity policy in 444455556666 allows s3:GetObject"),
            ["CrossAccountResourceOwnerNotAllowed"] = (DecisionRule.CrossAccountResourceOwnerNotAllowed,
                () => Decide(Request(BobB, "s3:GetObject"), null, ReadObjects),
                "cross-account: identity policy allows, but neither the bucket policy nor an ACL of account 111122223333 allows s3:GetObject"),
            ["CrossAccountResourceOwnerNotAllowed, an object another account owns"] = (DecisionRule.CrossAccountResourceOwnerNotAllowed,
                () => With(BobB, "s3:GetObject", new AccessPolicies { BucketPolicy = BobMayRead, IdentityPolicies = new[] { ReadObjects }, ObjectOwnership = ObjectOwnership.ObjectWriter }, objectOwner: C),
                "cross-account: identity policy allows, but the object is owned by account 777788889999 and its object ACL grants account 444455556666 nothing for s3:GetObject (the bucket policy of 111122223333 does not cover it)"),
            ["CrossAccountNeitherAllows"] = (DecisionRule.CrossAccountNeitherAllows,
                () => Decide(Request(BobB, "s3:GetObject")),
                "cross-account: neither the bucket policy nor an ACL of account 111122223333 allows s3:GetObject, and no identity policy in 444455556666 allows s3:GetObject"),
            ["through a role: cannot assume it"] = (DecisionRule.CrossAccountIdentityNotAllowed,
                () => AccessEvaluator.EvaluateThroughRole(Request(BobB, "s3:GetObject"), RoleArn, "s", Trust, new EvaluationPolicy[0], new AccessPolicies()),
                "cannot assume arn:aws:iam::111122223333:role/Shared: cross-account: trust policy allows, but no identity policy in 444455556666 allows sts:AssumeRole"),
            ["through a role: as its session"] = (DecisionRule.SameAccountIdentityPolicyAllows,
                () => AccessEvaluator.EvaluateThroughRole(Request(BobB, "s3:GetObject"), RoleArn, "s", Trust, new[] { Everything }, new AccessPolicies { IdentityPolicies = new[] { ReadObjects } }),
                "as role session of arn:aws:iam::111122223333:role/Shared: same account: identity policy allows s3:GetObject"),
        };

        public static IEnumerable<object[]> CaseNames => Cases.Keys.Select(k => new object[] { k });

        [Theory]
        [MemberData(nameof(CaseNames))]
        public void Reason(string name)
        {
            var (rule, decide, reason) = Cases[name];
            var d = decide();
            Assert.Equal(rule, d.Rule);
            Assert.Equal(rule.DecisionOf(), d.Decision);
            Assert.Equal(reason, d.Reason);
        }

        [Fact]
        public void EveryRule_HasAGoldenReason() =>
            Assert.Empty(Enum.GetValues(typeof(DecisionRule)).Cast<DecisionRule>().Except(Cases.Values.Select(c => c.Rule)));
    }
}
