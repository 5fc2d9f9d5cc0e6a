using System.Linq;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation;
using S3CrossAccount.Core.Evaluation.Acls;
using S3CrossAccount.Core.Evaluation.Model;
using S3CrossAccount.Core.Evaluation.Requests;
using S3CrossAccount.Core.Evaluation.Results;
using Xunit;
using static S3CrossAccount.Core.Tests.Evaluation.Kit;

namespace S3CrossAccount.Core.Tests.Evaluation
{
    public class AccessEvaluatorTests
    {
        private const string AliceA = "arn:aws:iam::111122223333:user/alice";
        private const string BobB = "arn:aws:iam::444455556666:user/bob";
        private static readonly string ObjectsStar = "\"arn:aws:s3:::DOC-EXAMPLE-BUCKET1/*\"";

        [Fact]
        public void NothingAllows_IsImplicitDeny()
        {
            var d = Decide(Request(AliceA, "s3:GetObject"));
            Assert.Equal(Decision.ImplicitDeny, d.Decision);
            Assert.False(d.Allowed);
            Assert.Equal(DecisionRule.SameAccountNothingAllows, d.Rule);
        }

        [Fact]
        public void SameAccount_IdentityPolicyAlone_Allows()
        {
            var d = Decide(Request(AliceA, "s3:GetObject"), null, Policy(Doc(Allow("\"s3:GetObject\"", ObjectsStar)), "alice-read"));
            Assert.True(d.Allowed);
            Assert.Equal(DecisionRule.SameAccountIdentityPolicyAllows, d.Rule);
            Assert.Equal("alice-read", d.Layer(PolicyLayer.IdentityPolicy)!.Statements.Single().PolicyName);
        }

        [Fact]
        public void SameAccount_BucketPolicyNamingTheUser_Allows()
        {
            var bucket = Policy(Doc(Allow("\"s3:GetObject\"", ObjectsStar, $"{{\"AWS\":\"{AliceA}\"}}", sid: "ReadAlice")), "bucket");
            var d = Decide(Request(AliceA, "s3:GetObject"), bucket);
            Assert.True(d.Allowed);
            Assert.Equal(DecisionRule.SameAccountResourcePolicyAllows, d.Rule);
            Assert.Equal("ReadAlice", d.Layer(PolicyLayer.BucketPolicy)!.Statements.Single().Sid);
        }

        [Fact]
        public void SameAccount_BucketPolicyNamingOnlyTheAccount_DelegatesToIdentityPolicies()
        {
            var bucket = Policy(Doc(Allow("\"s3:GetObject\"", ObjectsStar, $"{{\"AWS\":\"arn:aws:iam::{A}:root\"}}")));
            Assert.Equal(Decision.ImplicitDeny, Decide(Request(AliceA, "s3:GetObject"), bucket).Decision);
            Assert.True(Decide(Request($"arn:aws:iam::{A}:root", "s3:GetObject"), bucket).Allowed);
        }

        [Fact]
        public void ExplicitDeny_WinsOverEveryAllow()
        {
            var bucket = Policy(Doc(
                Allow("\"s3:*\"", ObjectsStar, "\"*\""),
                Deny("\"s3:GetObject\"", ObjectsStar, "\"*\"", "{\"Bool\":{\"aws:SecureTransport\":\"false\"}}", "DenyHttp")), "bucket");
            var identity = Policy(Doc(Allow("\"*\"", "\"*\"")));
            var d = Decide(Request(AliceA, "s3:GetObject", context: ("aws:SecureTransport", "false")), bucket, identity);
            Assert.Equal(Decision.ExplicitDeny, d.Decision);
            Assert.Equal("DenyHttp", d.Layer(PolicyLayer.BucketPolicy)!.Statements.Single().Sid);
            Assert.True(Decide(Request(AliceA, "s3:GetObject", context: ("aws:SecureTransport", "true")), bucket, identity).Allowed);
        }

        [Fact]
        public void BucketOwnersRoot_MayAlwaysManageTheBucketPolicy_ButNothingElseItDenies()
        {
            const string bucketArn = "arn:aws:s3:::DOC-EXAMPLE-BUCKET1";
            var lockout = Policy(Doc(Deny("\"s3:*\"", $"[\"{bucketArn}\",\"{bucketArn}/*\"]", "\"*\"", sid: "DenyAll")));
            var root = $"arn:aws:iam::{A}:root";
            foreach (var action in new[] { "s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy" })
            {
                var d = Decide(Request(root, action, bucketArn), lockout);
                Assert.Equal(Decision.Allowed, d.Decision);
                Assert.Equal(DecisionRule.BucketOwnerRootManagesBucketPolicy, d.Rule);
            }

            Assert.Equal(Decision.ExplicitDeny, Decide(Request(root, "s3:GetBucketAcl", bucketArn), lockout).Decision);
            Assert.Equal(Decision.ExplicitDeny, Decide(Request(root, "s3:GetObject"), lockout).Decision);
            var admin = Policy(Doc(Allow("\"*\"", "\"*\"")));
            Assert.Equal(Decision.ExplicitDeny, Decide(Request($"arn:aws:iam::{A}:user/admin", "s3:PutBucketPolicy", bucketArn), lockout, admin).Decision);
            Assert.Equal(Decision.ExplicitDeny, Decide(Request($"arn:aws:iam::{B}:root", "s3:PutBucketPolicy", bucketArn), lockout).Decision);

            // Another account, or an anonymous caller, can never call them, even when every policy allows it.
            var open = Policy(Doc(Allow("\"s3:*\"", $"\"{bucketArn}\"", "\"*\"")));
            var other = Decide(Request($"arn:aws:iam::{B}:user/bob", "s3:PutBucketPolicy", bucketArn), open, admin);
            Assert.Equal(Decision.ImplicitDeny, other.Decision);
            Assert.Equal(DecisionRule.BucketPolicyActionFromAnotherAccount, other.Rule);
            Assert.Equal(Decision.ImplicitDeny, Decide(Request("*", "s3:GetBucketPolicy", bucketArn), open).Decision);
            Assert.True(Decide(Request($"arn:aws:iam::{B}:user/bob", "s3:GetBucketAcl", bucketArn), open, admin).Allowed);

            // Organizations policies still bind the root user.
            var scp = Policy(Doc(Allow("\"*\"", "\"*\""), Deny("\"s3:PutBucketPolicy\"", "\"*\"")), "scp");
            var withScp = AccessEvaluator.Evaluate(Request(root, "s3:PutBucketPolicy", bucketArn), new AccessPolicies { BucketPolicy = lockout, ServiceControlPolicies = new[] { scp } });
            Assert.Equal(Decision.ExplicitDeny, withScp.Decision);
            Assert.Equal(LayerOutcome.Deny, withScp.Layer(PolicyLayer.ServiceControlPolicy)!.Outcome);
        }

        [Fact]
        public void ExplicitDeny_InIdentityPolicy()
        {
            var identity = Policy(Doc(Allow("\"s3:*\"", "\"*\""), Deny("\"s3:Delete*\"", "\"*\"")), "guard");
            var d = Decide(Request(AliceA, "s3:DeleteObject"), null, identity);
            Assert.Equal(Decision.ExplicitDeny, d.Decision);
            Assert.Equal(1, d.Layer(PolicyLayer.IdentityPolicy)!.Statements.Single().Index);
        }

        [Fact]
        public void CrossAccount_BucketPolicyWithoutIdentityPolicy_IsDenied()
        {
            var bucket = Policy(Doc(Allow("[\"s3:GetObject\",\"s3:PutObject\"]", ObjectsStar, $"{{\"AWS\":\"{BobB}\"}}")), "bucket");
            var d = Decide(Request(BobB, "s3:PutObject"), bucket);
            Assert.Equal(Decision.ImplicitDeny, d.Decision);
            Assert.Equal(DecisionRule.CrossAccountIdentityNotAllowed, d.Rule);
        }

        [Fact]
        public void CrossAccount_IdentityPolicyWithoutBucketPolicy_IsDenied()
        {
            var identity = Policy(Doc(Allow("\"s3:GetObject\"", ObjectsStar)));
            var d = Decide(Request(BobB, "s3:GetObject"), null, identity);
            Assert.Equal(Decision.ImplicitDeny, d.Decision);
            Assert.Equal(DecisionRule.CrossAccountResourceOwnerNotAllowed, d.Rule);
        }

        [Fact]
        public void CrossAccount_AccountPrincipal_CoversEveryPrincipalOfThatAccount_WithItsIdentityPolicy()
        {
            var bucket = Policy(Doc(Allow("\"s3:GetObject\"", ObjectsStar, $"{{\"AWS\":\"{B}\"}}")));
            var identity = Policy(Doc(Allow("\"s3:GetObject\"", ObjectsStar)));
            Assert.True(Decide(Request(BobB, "s3:GetObject"), bucket, identity).Allowed);
            Assert.True(Decide(Request($"arn:aws:sts::{B}:assumed-role/Reader/s1", "s3:GetObject"), bucket, identity).Allowed);
            Assert.False(Decide(Request($"arn:aws:iam::{C}:user/carol", "s3:GetObject"), bucket, identity).Allowed);
        }

        [Theory]
        [InlineData("arn:aws:iam::444455556666:role/team/Reader", true)]
        [InlineData("arn:aws:sts::444455556666:assumed-role/Reader/s1", true)]
        [InlineData("arn:aws:sts::444455556666:assumed-role/Reader/other", false)]
        [InlineData("arn:aws:iam::444455556666:role/Writer", false)]
        [InlineData("*", true)]
        public void PrincipalMatching_RoleSession(string principalInPolicy, bool expected)
        {
            var bucket = Policy(Doc(Allow("\"s3:GetObject\"", ObjectsStar, $"{{\"AWS\":\"{principalInPolicy}\"}}")));
            var identity = Policy(Doc(Allow("\"s3:GetObject\"", ObjectsStar)));
            Assert.Equal(expected, Decide(Request("arn:aws:sts::444455556666:assumed-role/Reader/s1", "s3:GetObject"), bucket, identity).Allowed);
        }

        [Fact]
        public void PrincipalMatching_CanonicalUser()
        {
            var bucket = Policy(Doc(Allow("\"s3:GetObject\"", ObjectsStar, $"{{\"CanonicalUser\":\"{ACanonical}\"}}")));
            var identity = Policy(Doc(Allow("\"s3:GetObject\"", ObjectsStar)));
            var request = new AccessRequest(BobB, "s3:GetObject", Object, A) { PrincipalCanonicalId = ACanonical };
            Assert.True(AccessEvaluator.Evaluate(request, new AccessPolicies { BucketPolicy = bucket, IdentityPolicies = new[] { identity } }).Allowed);
            Assert.False(Decide(Request(BobB, "s3:GetObject"), bucket, identity).Allowed);
        }

        [Theory]
        // The documented form lists the user and its account; the user alone still leaves its account denied.
        [InlineData("[\"arn:aws:iam::111122223333:user/alice\",\"arn:aws:iam::111122223333:root\"]", "arn:aws:iam::111122223333:user/alice", true)]
        [InlineData("\"arn:aws:iam::111122223333:user/alice\"", "arn:aws:iam::111122223333:user/alice", false)]
        [InlineData("[\"arn:aws:iam::111122223333:user/alice\",\"arn:aws:iam::111122223333:root\"]", "arn:aws:iam::111122223333:user/mallory", false)]
        [InlineData("\"arn:aws:iam::111122223333:root\"", "arn:aws:iam::111122223333:root", true)]
        // A role session needs its session ARN, its role ARN and its account.
        [InlineData("[\"arn:aws:sts::111122223333:assumed-role/audit/app\",\"arn:aws:iam::111122223333:role/audit\",\"arn:aws:iam::111122223333:root\"]", "arn:aws:sts::111122223333:assumed-role/audit/app", true)]
        [InlineData("[\"arn:aws:sts::111122223333:assumed-role/audit/app\",\"arn:aws:iam::111122223333:root\"]", "arn:aws:sts::111122223333:assumed-role/audit/app", false)]
        [InlineData("[\"arn:aws:sts::111122223333:assumed-role/audit/app\",\"arn:aws:iam::111122223333:role/audit\",\"arn:aws:iam::111122223333:root\"]", "arn:aws:sts::111122223333:assumed-role/audit/other", false)]
        public void NotPrincipal_DenyEveryoneButTheNamedPrincipal(string notPrincipal, string caller, bool allowed)
        {
            var bucket = Policy(Doc(
                Allow("\"s3:GetObject\"", ObjectsStar, "\"*\""),
                "{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":" + notPrincipal + "},\"Action\":\"s3:GetObject\",\"Resource\":" + ObjectsStar + "}"));
            var d = Decide(Request(caller, "s3:GetObject"), bucket);
            Assert.Equal(allowed ? Decision.Allowed : Decision.ExplicitDeny, d.Decision);
        }

        [Theory]
        [InlineData(true, Decision.ExplicitDeny)]
        [InlineData(false, Decision.Allowed)]
        public void NotPrincipal_Deny_DeniesEveryIamPrincipalWithAPermissionsBoundary_WhateverItLists(bool boundary, Decision expected)
        {
            // Issue 17's case: dave and his account are listed in NotPrincipal, so without a boundary the Deny spares him.
            const string dave = "arn:aws:iam::222233334444:user/dave";
            var bucket = Policy(Doc(
                Allow("\"s3:*\"", ObjectsStar, $"{{\"AWS\":\"{dave}\"}}"),
                "{\"Sid\":\"OnlyDave\",\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"" + dave + "\",\"arn:aws:iam::222233334444:root\"]},\"Action\":\"s3:*\",\"Resource\":" + ObjectsStar + "}"), "bucket");
            var policies = new AccessPolicies
            {
                BucketPolicy = bucket,
                IdentityPolicies = new[] { Policy(Doc(Allow("\"s3:*\"", "\"*\""))) },
                PermissionsBoundary = boundary ? Policy(Doc(Allow("\"*\"", "\"*\"")), "boundary") : null,
            };
            var d = AccessEvaluator.Evaluate(Request(dave, "s3:GetObject"), policies);
            Assert.Equal(expected, d.Decision);
            Assert.Equal(expected, AccessEvaluator.Decide(Request(dave, "s3:GetObject"), policies).Decision);
            Assert.Equal(expected, AccessEvaluator.Evaluate(Request(dave, "s3:GetObject"), policies, detailed: true).Decision);
            if (boundary)
            {
                Assert.Equal("OnlyDave", d.Layer(PolicyLayer.BucketPolicy)!.Statements.Single().Sid);
            }
        }

        [Fact]
        public void NotPrincipal_Deny_WithABoundaryGiven_StillSparesTheListedRootUser()
        {
            // The root user cannot have a permissions boundary, so the rule does not reach it.
            var bucket = Policy(Doc("{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},\"Action\":\"s3:*\",\"Resource\":" + ObjectsStar + "}",
                Allow("\"s3:GetObject\"", ObjectsStar, "{\"AWS\":\"444455556666\"}")));
            var policies = new AccessPolicies { BucketPolicy = bucket, PermissionsBoundary = Policy(Doc(Allow("\"*\"", "\"*\""))) };
            Assert.True(AccessEvaluator.Evaluate(Request($"arn:aws:iam::{B}:root", "s3:GetObject"), policies).Allowed);
        }

        [Fact]
        public void Anonymous_OnlyThroughPublicGrants()
        {
            var bucket = Policy(Doc(Allow("\"s3:GetObject\"", ObjectsStar, "\"*\"")));
            Assert.True(Decide(Request("*", "s3:GetObject"), bucket).Allowed);
            Assert.False(Decide(Request("*", "s3:PutObject"), bucket).Allowed);
        }

        [Fact]
        public void NotActionAndNotResource()
        {
            var identity = Policy(Doc("{\"Effect\":\"Allow\",\"NotAction\":\"s3:Delete*\",\"NotResource\":\"arn:aws:s3:::DOC-EXAMPLE-BUCKET1/secret/*\"}"));
            Assert.True(Decide(Request(AliceA, "s3:GetObject"), null, identity).Allowed);
            Assert.False(Decide(Request(AliceA, "s3:DeleteObject"), null, identity).Allowed);
            Assert.False(Decide(Request(AliceA, "s3:GetObject", "arn:aws:s3:::DOC-EXAMPLE-BUCKET1/secret/x"), null, identity).Allowed);
        }

        [Fact]
        public void ActionIsCaseInsensitive_ResourceIsCaseSensitive()
        {
            var identity = Policy(Doc(Allow("\"S3:getobject\"", ObjectsStar)));
            Assert.True(Decide(Request(AliceA, "s3:GetObject"), null, identity).Allowed);
            Assert.False(Decide(Request(AliceA, "s3:GetObject", "arn:aws:s3:::doc-example-bucket1/HappyFace.jpg"), null, identity).Allowed);
        }

        [Fact]
        public void PolicyVariable_UserName_InResource()
        {
            var identity = Policy(Doc(Allow("\"s3:*\"", "\"arn:aws:s3:::DOC-EXAMPLE-BUCKET1/home/${aws:username}/*\"")));
            Assert.True(Decide(Request(AliceA, "s3:PutObject", "arn:aws:s3:::DOC-EXAMPLE-BUCKET1/home/alice/a.txt"), null, identity).Allowed);
            Assert.False(Decide(Request(AliceA, "s3:PutObject", "arn:aws:s3:::DOC-EXAMPLE-BUCKET1/home/bob/a.txt"), null, identity).Allowed);

            // A role session has no aws:username: the resource is unresolvable and matches nothing.
            Assert.False(Decide(Request($"arn:aws:sts::{A}:assumed-role/R/alice", "s3:PutObject", "arn:aws:s3:::DOC-EXAMPLE-BUCKET1/home/alice/a.txt"), null, identity).Allowed);
        }

        [Theory]
        [InlineData("\"Version\":\"2008-10-17\",")]
        [InlineData("")]
        public void PolicyVariables_AreLiteralText_BeforeVersion2012(string version)
        {
            // Same statements as above, in a policy without Version 2012-10-17: ${aws:username} is not substituted.
            var statements = "\"Statement\":[" + Allow("\"s3:PutObject\"", "\"arn:aws:s3:::DOC-EXAMPLE-BUCKET1/home/${aws:username}/*\"")
                + "," + Allow("\"s3:ListBucket\"", "\"arn:aws:s3:::DOC-EXAMPLE-BUCKET1\"", condition: "{\"StringLike\":{\"s3:prefix\":\"home/${aws:username}/*\"}}") + "]";
            var old = Policy("{" + version + statements + "}");
            var current = Policy("{\"Version\":\"2012-10-17\"," + statements + "}");
            var home = "arn:aws:s3:::DOC-EXAMPLE-BUCKET1/home/alice/a.txt";
            var literal = "arn:aws:s3:::DOC-EXAMPLE-BUCKET1/home/${aws:username}/a.txt";
            Assert.True(Decide(Request(AliceA, "s3:PutObject", home), null, current).Allowed);
            Assert.False(Decide(Request(AliceA, "s3:PutObject", home), null, old).Allowed);
            Assert.True(Decide(Request(AliceA, "s3:PutObject", literal), null, old).Allowed);

            var bucket = "arn:aws:s3:::DOC-EXAMPLE-BUCKET1";
            Assert.True(Decide(Request(AliceA, "s3:ListBucket", bucket, context: ("s3:prefix", "home/alice/x")), null, current).Allowed);
            Assert.False(Decide(Request(AliceA, "s3:ListBucket", bucket, context: ("s3:prefix", "home/alice/x")), null, old).Allowed);
            Assert.True(Decide(Request(AliceA, "s3:ListBucket", bucket, context: ("s3:prefix", "home/${aws:username}/x")), null, old).Allowed);

            // The trace shows the condition as written.
            var trace = AccessEvaluator.Evaluate(Request(AliceA, "s3:ListBucket", bucket, context: ("s3:prefix", "x")), new AccessPolicies { IdentityPolicies = new[] { old } }, detailed: true).Trace!;
            Assert.Contains(trace[1].Conditions, c => c.StartsWith("StringLike s3:prefix [home/${aws:username}/*] ->", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Conditions_SourceIpAndOrgId_AcrossAccounts()
        {
            var bucket = Policy(Doc(Allow("\"s3:GetObject\"", ObjectsStar, "\"*\"",
                "{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc123\"},\"IpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\",\"2001:db8::/32\"]}}")));
            var identity = Policy(Doc(Allow("\"s3:GetObject\"", ObjectsStar)));
            Assert.True(Decide(Request(BobB, "s3:GetObject", context: new[] { ("aws:PrincipalOrgID", "o-abc123"), ("aws:SourceIp", "2001:db8::7") }), bucket, identity).Allowed);
            Assert.False(Decide(Request(BobB, "s3:GetObject", context: new[] { ("aws:PrincipalOrgID", "o-abc123"), ("aws:SourceIp", "198.51.100.1") }), bucket, identity).Allowed);
            Assert.False(Decide(Request(BobB, "s3:GetObject", context: ("aws:SourceIp", "203.0.113.5")), bucket, identity).Allowed);
        }

        [Theory]
        [InlineData("aws:ResourceAccount")]
        [InlineData("s3:ResourceAccount")]
        public void ResourceAccountKeys_AreTheBucketOwnersAccount(string key)
        {
            // B's identity policy allows reads anywhere, but only in buckets owned by A.
            var identity = Policy(Doc(Allow("\"s3:GetObject\"", "\"*\"", condition: "{\"StringEquals\":{\"" + key + "\":\"" + A + "\"}}")));
            var everyone = Policy(Doc(Allow("\"s3:GetObject\"", "\"*\"", "{\"AWS\":\"" + B + "\"}")));
            Assert.True(Decide(Request(BobB, "s3:GetObject"), everyone, identity).Allowed);
            var inC = Decide(Request(BobB, "s3:GetObject", bucketAccount: C), everyone, identity);
            Assert.Equal(Decision.ImplicitDeny, inC.Decision);
            Assert.Equal(DecisionRule.CrossAccountIdentityNotAllowed, inC.Rule);

            // A value the caller gives explicitly wins (as for every derived key).
            Assert.True(Decide(Request(BobB, "s3:GetObject", bucketAccount: C, context: (key, A)), everyone, identity).Allowed);
        }

        [Fact]
        public void DataPerimeterDeny_OnPrincipalIsAWSService_AppliesToSignedCallers_NotToServices()
        {
            // The usual organization perimeter: deny callers outside o-abc123 unless an AWS service calls.
            var bucket = Policy(Doc(
                Allow("\"s3:GetObject\"", ObjectsStar, "\"*\""),
                Deny("\"s3:*\"", ObjectsStar, "\"*\"", "{\"StringNotEqualsIfExists\":{\"aws:PrincipalOrgID\":\"o-abc123\"},\"Bool\":{\"aws:PrincipalIsAWSService\":\"false\"}}", "Perimeter")));
            var identity = Policy(Doc(Allow("\"s3:GetObject\"", "\"*\"")));
            var outsider = Decide(Request(BobB, "s3:GetObject"), bucket, identity);
            Assert.Equal(Decision.ExplicitDeny, outsider.Decision);
            Assert.Equal("Perimeter", outsider.Layer(PolicyLayer.BucketPolicy)!.Statements.Single().Sid);
            Assert.True(Decide(Request(BobB, "s3:GetObject", context: ("aws:PrincipalOrgID", "o-abc123")), bucket, identity).Allowed);
            Assert.True(Decide(Request("logging.s3.amazonaws.com", "s3:GetObject"), bucket).Allowed);

            // Anonymous requests are not signed: the key is absent, so Bool is false and this Deny does not apply.
            Assert.True(Decide(Request("*", "s3:GetObject"), bucket).Allowed);
        }

        [Fact]
        public void ResourceAccount_OfAnAssumeRole_IsTheRolesAccount()
        {
            var trust = Policy(Doc("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + B + "\"},\"Action\":\"sts:AssumeRole\"}"));
            var identity = Policy(Doc(Allow("\"sts:AssumeRole\"", "\"*\"", condition: "{\"StringEquals\":{\"aws:ResourceAccount\":\"" + A + "\"}}")));
            Assert.True(AccessEvaluator.EvaluateAssumeRole(BobB, $"arn:aws:iam::{A}:role/R", trust, new[] { identity }).Allowed);
            Assert.False(AccessEvaluator.EvaluateAssumeRole(BobB, $"arn:aws:iam::{C}:role/R", trust, new[] { identity }).Allowed);
        }

        [Fact]
        public void PrincipalAccountVariable_FromTheCaller()
        {
            var bucket = Policy(Doc(Allow("\"s3:GetObject\"", "\"arn:aws:s3:::DOC-EXAMPLE-BUCKET1/${aws:PrincipalAccount}/*\"", "\"*\"")));
            var identity = Policy(Doc(Allow("\"s3:GetObject\"", ObjectsStar)));
            Assert.True(Decide(Request(BobB, "s3:GetObject", $"arn:aws:s3:::{Bucket}/{B}/f"), bucket, identity).Allowed);
            Assert.False(Decide(Request(BobB, "s3:GetObject", $"arn:aws:s3:::{Bucket}/{C}/f"), bucket, identity).Allowed);
        }

        [Fact]
        public void PermissionsBoundary_LimitsIdentityAllows()
        {
            var identity = Policy(Doc(Allow("\"s3:*\"", "\"*\"")));
            var boundary = Policy(Doc(Allow("\"s3:GetObject\"", "\"*\"")), "boundary");
            var policies = new AccessPolicies { IdentityPolicies = new[] { identity }, PermissionsBoundary = boundary };
            Assert.True(AccessEvaluator.Evaluate(Request(AliceA, "s3:GetObject"), policies).Allowed);
            var d = AccessEvaluator.Evaluate(Request(AliceA, "s3:PutObject"), policies);
            Assert.Equal(Decision.ImplicitDeny, d.Decision);
            Assert.Equal(DecisionRule.SameAccountNothingAllows, d.Rule);
            Assert.Equal(LayerOutcome.NoMatch, d.Layer(PolicyLayer.PermissionsBoundary)!.Outcome);
        }

        [Fact]
        public void SessionPolicy_LimitsTheRoleSession()
        {
            var identity = Policy(Doc(Allow("\"s3:*\"", "\"*\"")));
            var sessionPolicy = Policy(Doc(Allow("\"s3:GetObject\"", "\"*\"")), "session");
            var policies = new AccessPolicies { IdentityPolicies = new[] { identity }, SessionPolicy = sessionPolicy };
            var principal = $"arn:aws:sts::{A}:assumed-role/R/s1";
            Assert.True(AccessEvaluator.Evaluate(Request(principal, "s3:GetObject"), policies).Allowed);
            Assert.False(AccessEvaluator.Evaluate(Request(principal, "s3:PutObject"), policies).Allowed);
        }

        [Fact]
        public void ServiceControlPolicy_MustAllow_AndItsDenyWins()
        {
            var identity = Policy(Doc(Allow("\"s3:*\"", "\"*\"")));
            var scp = Policy(Doc(Allow("\"s3:Get*\"", "\"*\""), Deny("\"s3:GetObjectAcl\"", "\"*\"")), "scp");
            var policies = new AccessPolicies { IdentityPolicies = new[] { identity }, ServiceControlPolicies = new[] { scp } };
            Assert.True(AccessEvaluator.Evaluate(Request(AliceA, "s3:GetObject"), policies).Allowed);
            var put = AccessEvaluator.Evaluate(Request(AliceA, "s3:PutObject"), policies);
            Assert.Equal(DecisionRule.NoServiceControlPolicyAllows, put.Rule);
            Assert.Equal(Decision.ExplicitDeny, AccessEvaluator.Evaluate(Request(AliceA, "s3:GetObjectAcl"), policies).Decision);
        }

        [Fact]
        public void ResourceControlPolicy_MustAllow()
        {
            var identity = Policy(Doc(Allow("\"s3:*\"", "\"*\"")));
            var rcp = Policy(Doc(Deny("\"s3:*\"", "\"*\"", "\"*\"", "{\"StringNotEquals\":{\"aws:PrincipalOrgID\":\"o-abc123\"}}"), Allow("\"*\"", "\"*\"", "\"*\"")), "rcp");
            var policies = new AccessPolicies { IdentityPolicies = new[] { identity }, ResourceControlPolicies = new[] { rcp } };
            Assert.Equal(Decision.ExplicitDeny, AccessEvaluator.Evaluate(Request(AliceA, "s3:GetObject"), policies).Decision);
            Assert.True(AccessEvaluator.Evaluate(Request(AliceA, "s3:GetObject", context: ("aws:PrincipalOrgID", "o-abc123")), policies).Allowed);
        }

        [Fact]
        public void BucketAclWrite_AllowsCrossAccountUpload_OnlyWhenAclsAreInForce()
        {
            var identity = Policy(Doc(Allow("\"s3:PutObject\"", ObjectsStar)));
            var acl = new AccessControlList(A, new[] { AclGrant.Parse("account=" + B, "WRITE") });
            var enforced = new AccessPolicies { IdentityPolicies = new[] { identity }, BucketAcl = acl, ObjectOwnership = ObjectOwnership.BucketOwnerEnforced };
            var preferred = new AccessPolicies { IdentityPolicies = new[] { identity }, BucketAcl = acl, ObjectOwnership = ObjectOwnership.BucketOwnerPreferred };
            var denied = AccessEvaluator.Evaluate(Request(BobB, "s3:PutObject"), enforced);
            Assert.False(denied.Allowed);
            Assert.Equal("ACLs are disabled (BucketOwnerEnforced)", denied.Layer(PolicyLayer.Acl)!.Note);
            var allowed = AccessEvaluator.Evaluate(Request(BobB, "s3:PutObject"), preferred);
            Assert.True(allowed.Allowed);
            Assert.Equal(DecisionRule.CrossAccountBothAllow, allowed.Rule);
            Assert.Equal(LayerOutcome.Allow, allowed.Layer(PolicyLayer.Acl)!.Outcome);
        }

        [Theory]
        [InlineData("READ", "s3:GetObject", true)]
        [InlineData("READ", "s3:GetObjectAcl", false)]
        [InlineData("READ_ACP", "s3:GetObjectAcl", true)]
        [InlineData("WRITE_ACP", "s3:PutObjectAcl", true)]
        [InlineData("WRITE_ACP", "s3:GetObject", false)]
        [InlineData("FULL_CONTROL", "s3:GetObjectVersion", true)]
        [InlineData("FULL_CONTROL", "s3:PutObjectAcl", true)]
        public void ObjectAclPermissions_MapToActions(string permission, string action, bool expected)
        {
            var identity = Policy(Doc(Allow("\"s3:*\"", "\"*\"")));
            var acl = new AccessControlList(A, new[] { AclGrant.Parse("account=" + B, permission) });
            var policies = new AccessPolicies { IdentityPolicies = new[] { identity }, ObjectAcl = acl, ObjectOwnership = ObjectOwnership.ObjectWriter };
            Assert.Equal(expected, AccessEvaluator.Evaluate(Request(BobB, action), policies).Allowed);
        }

        [Theory]
        [InlineData("READ", "s3:ListBucket", true)]
        [InlineData("READ", "s3:PutObject", false)]
        [InlineData("READ_ACP", "s3:GetBucketAcl", true)]
        [InlineData("WRITE_ACP", "s3:PutBucketAcl", true)]
        [InlineData("FULL_CONTROL", "s3:DeleteObject", true)]
        public void BucketAclPermissions_MapToActions(string permission, string action, bool expected)
        {
            var identity = Policy(Doc(Allow("\"s3:*\"", "\"*\"")));
            var acl = new AccessControlList(A, new[] { AclGrant.Parse(B, permission) });
            var policies = new AccessPolicies { IdentityPolicies = new[] { identity }, BucketAcl = acl, ObjectOwnership = ObjectOwnership.BucketOwnerPreferred };
            var resource = action == "s3:ListBucket" || action.Contains("Bucket") ? $"arn:aws:s3:::{Bucket}" : Object;
            Assert.Equal(expected, AccessEvaluator.Evaluate(Request(BobB, action, resource), policies).Allowed);
        }

        [Fact]
        public void AclGroups_AllUsersAndAuthenticatedUsers()
        {
            var publicRead = new AccessPolicies { ObjectAcl = new AccessControlList(A, new[] { AclGrant.Parse("uri=" + AclGrant.AllUsersUri, "READ") }), ObjectOwnership = ObjectOwnership.ObjectWriter };
            Assert.True(AccessEvaluator.Evaluate(Request("*", "s3:GetObject"), publicRead).Allowed);
            var authRead = new AccessPolicies { ObjectAcl = new AccessControlList(A, new[] { AclGrant.Parse("AuthenticatedUsers", "READ") }), ObjectOwnership = ObjectOwnership.ObjectWriter };
            Assert.False(AccessEvaluator.Evaluate(Request("*", "s3:GetObject"), authRead).Allowed);
            Assert.True(AccessEvaluator.Evaluate(Request($"arn:aws:iam::{C}:root", "s3:GetObject"), authRead).Allowed);
        }

        [Fact]
        public void AclGrant_BadInput_IsASpecificError()
        {
            var ex = Assert.Throws<XAccountException>(() => AclGrant.Parse("someone@example.com", "READ"));
            Assert.Equal(ErrorCode.InvalidAclGrant, ex.Code);
            Assert.Equal("someone@example.com", ex.Target);
            Assert.Equal(ErrorCode.InvalidAclGrant, Assert.Throws<XAccountException>(() => AclGrant.Parse(B, "READ_WRITE")).Code);
        }

        [Fact]
        public void BadRequest_IsASpecificError()
        {
            Assert.Equal(ErrorCode.InvalidPrincipal, Assert.Throws<XAccountException>(() => Request("bob", "s3:GetObject")).Code);
            Assert.Equal(ErrorCode.InvalidAction, Assert.Throws<XAccountException>(() => Request(BobB, "s3:Get*")).Code);
            Assert.Equal(ErrorCode.InvalidArn, Assert.Throws<XAccountException>(() => Request(BobB, "s3:GetObject", "bucket/key")).Code);
            Assert.Equal(ErrorCode.InvalidAccountId, Assert.Throws<XAccountException>(() => Request(BobB, "s3:GetObject", bucketAccount: "1234")).Code);
        }

        [Fact]
        public void S3Uri_IsAcceptedAsResource()
        {
            var r = Request(BobB, "s3:GetObject", "s3://DOC-EXAMPLE-BUCKET1/photos/HappyFace.jpg");
            Assert.Equal("arn:aws:s3:::DOC-EXAMPLE-BUCKET1/photos/HappyFace.jpg", r.Resource.Arn);
            Assert.Equal("photos/HappyFace.jpg", r.Resource.Key);
        }

        [Fact]
        public void AssumeRole_CrossAccount_NeedsTrustAndCallerIdentity()
        {
            const string role = "arn:aws:iam::111122223333:role/examplerole";
            var trust = Policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::777788889999:root\"},\"Action\":\"sts:AssumeRole\"}]}", "trust");
            var daveAssume = Policy(Doc(Allow("[\"sts:AssumeRole\"]", $"\"{role}\"")), "assume");
            const string dave = "arn:aws:iam::777788889999:user/Dave";
            Assert.True(AccessEvaluator.EvaluateAssumeRole(dave, role, trust, new[] { daveAssume }).Allowed);
            var noIdentity = AccessEvaluator.EvaluateAssumeRole(dave, role, trust, new EvaluationPolicy[0]);
            Assert.Equal(DecisionRule.CrossAccountIdentityNotAllowed, noIdentity.Rule);
            Assert.Equal(LayerOutcome.Allow, noIdentity.Layer(PolicyLayer.TrustPolicy)!.Outcome);
            var stranger = AccessEvaluator.EvaluateAssumeRole("arn:aws:iam::444455556666:user/bob", role, trust, new[] { daveAssume });
            Assert.False(stranger.Allowed);
        }

        [Fact]
        public void AssumeRole_ByAnAccountRootUser_IsRefused_EvenWhenTheTrustPolicyNamesTheAccount()
        {
            const string role = "arn:aws:iam::111122223333:role/examplerole";
            var trust = Policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"777788889999\"},\"Action\":\"sts:AssumeRole\"}]}", "trust");
            var root = AccessEvaluator.EvaluateAssumeRole("arn:aws:iam::777788889999:root", role, trust, new EvaluationPolicy[0]);
            Assert.Equal(Decision.ImplicitDeny, root.Decision);
            Assert.Equal(DecisionRule.RootUserCannotAssumeRole, root.Rule);
            var assumeAny = Policy(Doc(Allow("\"sts:AssumeRole\"", "\"*\"")));
            Assert.True(AccessEvaluator.EvaluateAssumeRole("arn:aws:iam::777788889999:user/Dave", role, trust, new[] { assumeAny }).Allowed);
        }

        [Fact]
        public void Evaluate_OfAssumeRoleOnARoleArn_ReadsTheResourcePolicyAsTheTrustPolicy()
        {
            const string role = "arn:aws:iam::111122223333:role/examplerole";
            var trust = Policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::777788889999:root\"},\"Action\":\"sts:AssumeRole\"}]}", "trust");
            var request = new AccessRequest("arn:aws:iam::777788889999:user/Dave", "sts:AssumeRole", role, A);
            var viaEvaluate = AccessEvaluator.Evaluate(request, new AccessPolicies { BucketPolicy = trust });
            var viaAssume = AccessEvaluator.EvaluateAssumeRole(request.Principal.Arn, role, trust, new EvaluationPolicy[0]);
            Assert.Equal(viaAssume.Reason, viaEvaluate.Reason);
            Assert.Contains(viaEvaluate.Layers, l => l.Layer == PolicyLayer.TrustPolicy && l.Outcome == LayerOutcome.Allow);
            Assert.DoesNotContain(viaEvaluate.Layers, l => l.Layer == PolicyLayer.BucketPolicy);

            // Any other action on a role, or sts:AssumeRole on something that is not a role, keeps the generic wording.
            var other = AccessEvaluator.Evaluate(new AccessRequest("arn:aws:iam::777788889999:user/Dave", "iam:GetRole", role, A), new AccessPolicies { BucketPolicy = trust });
            Assert.Contains(other.Layers, l => l.Layer == PolicyLayer.BucketPolicy);
        }

        [Fact]
        public void Detailed_TracesEveryStatement_WithReasons()
        {
            var bucket = Policy(Doc(
                Allow("\"s3:PutObject\"", ObjectsStar, $"{{\"AWS\":\"{BobB}\"}}", sid: "Put"),
                Allow("\"s3:GetObject\"", ObjectsStar, $"{{\"AWS\":\"arn:aws:iam::{C}:root\"}}", sid: "C"),
                Allow("\"s3:GetObject\"", ObjectsStar, $"{{\"AWS\":\"{BobB}\"}}", "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}", "Tls")), "bucket");
            var identity = Policy(Doc(Allow("\"s3:GetObject\"", ObjectsStar)), "bob-read");
            var d = AccessEvaluator.Evaluate(Request(BobB, "s3:GetObject"), new AccessPolicies { BucketPolicy = bucket, IdentityPolicies = new[] { identity } }, detailed: true);
            Assert.False(d.Allowed);
            Assert.NotNull(d.Trace);
            Assert.Equal(4, d.Trace!.Count);
            Assert.Equal(new[] { "applies", "action s3:GetObject is not in its Action", "principal arn:aws:iam::444455556666:user/bob is not named in its Principal", "a condition is not met" },
                d.Trace.Select(t => t.Reason).ToArray());
            var tls = d.Trace[3];
            Assert.Equal(PrincipalMatch.Match, tls.Principal);
            Assert.False(tls.ConditionsMet);
            Assert.Contains("Bool aws:SecureTransport [true] -> false", tls.Conditions);
            Assert.Null(AccessEvaluator.Evaluate(Request(BobB, "s3:GetObject"), new AccessPolicies { BucketPolicy = bucket }).Trace);
        }

        [Fact]
        public void Detailed_ConditionTests_AreData()
        {
            var bucket = Policy(Doc(Allow("\"s3:GetObject\"", ObjectsStar, "\"*\"",
                "{\"StringEquals\":{\"aws:PrincipalOrgID\":[\"o-abc123\",\"o-def456\"]},\"IpAddressIfExists\":{\"aws:SourceIp\":\"203.0.113.0/24\"},\"Null\":{\"s3:x-amz-acl\":\"true\"}}", "Org")), "bucket");
            var d = AccessEvaluator.Evaluate(Request(BobB, "s3:GetObject", context: new[] { ("aws:PrincipalOrgID", "o-other"), ("s3:x-amz-acl", "private") }), new AccessPolicies { BucketPolicy = bucket }, detailed: true);
            var results = d.ConditionResults.ToArray();
            Assert.Equal(
                new[]
                {
                    "bucket Org StringEquals aws:PrincipalOrgID [o-abc123,o-def456] [o-other] present=True matched=False",
                    "bucket Org IpAddressIfExists aws:SourceIp [203.0.113.0/24] [] present=False matched=True",
                    "bucket Org Null s3:x-amz-acl [true] [private] present=True matched=False",
                },
                results.Select(r => $"{r.PolicyName} {r.Sid} {r.Operator} {r.Key} [{string.Join(",", r.PolicyValues)}] [{string.Join(",", r.RequestValues)}] present={r.KeyPresent} matched={r.Matched}").ToArray());
            Assert.All(results, r => Assert.Equal(PolicyLayer.BucketPolicy, r.Layer));
            Assert.Equal(new[] { "aws:PrincipalOrgID", "s3:x-amz-acl" }, results.Where(r => !r.Matched).Select(r => r.Key).ToArray());
            Assert.Empty(AccessEvaluator.Evaluate(Request(BobB, "s3:GetObject"), new AccessPolicies { BucketPolicy = bucket }).ConditionResults);
        }
    }
}
