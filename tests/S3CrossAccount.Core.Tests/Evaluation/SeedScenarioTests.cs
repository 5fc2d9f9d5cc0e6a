using System.Linq;
using S3CrossAccount.Core.Evaluation;
using S3CrossAccount.Core.Evaluation.Acls;
using S3CrossAccount.Core.Evaluation.Model;
using S3CrossAccount.Core.Evaluation.Requests;
using S3CrossAccount.Core.Evaluation.Results;
using Xunit;
using static S3CrossAccount.Core.Tests.Evaluation.Kit;

namespace S3CrossAccount.Core.Tests.Evaluation
{
    /// <summary>The walkthroughs of the seed documents, with the policies exactly as they print them (account IDs filled in), in Fixtures/.</summary>
    public class SeedScenarioTests
    {
        // Seed 002, method 1: bucket policy in A naming B's user, identity policy on B's user.
        private static readonly EvaluationPolicy Seed002Identity = Fixture.Policy("seed-002/AccountBUserPolicy.json");

        private static readonly EvaluationPolicy Seed002Bucket = Fixture.Policy("seed-002/AccountABucketPolicy.json");

        private const string Seed002User = "arn:aws:iam::444455556666:user/AccountBUserName";
        private const string Seed002Object = "arn:aws:s3:::AccountABucketName/report.csv";

        [Theory]
        [InlineData("s3:GetObject")]
        [InlineData("s3:PutObject")]
        public void Seed002_Method1_AllowsAccountBUser(string action)
        {
            var d = Decide(Request(Seed002User, action, Seed002Object), Seed002Bucket, Seed002Identity);
            Assert.Equal(Decision.Allowed, d.Decision);
            Assert.Equal(DecisionRule.CrossAccountBothAllow, d.Rule);
        }

        [Theory]
        [InlineData("s3:GetObject")]
        [InlineData("s3:PutObject")]
        public void Seed002_Method1_WithoutIdentityPolicy_IsDenied(string action)
        {
            var d = Decide(Request(Seed002User, action, Seed002Object), Seed002Bucket);
            Assert.Equal(Decision.ImplicitDeny, d.Decision);
            Assert.Equal(DecisionRule.CrossAccountIdentityNotAllowed, d.Rule);
        }

        [Fact]
        public void Seed002_Method1_OtherActions_AreNotGranted()
        {
            Assert.False(Decide(Request(Seed002User, "s3:DeleteObject", Seed002Object), Seed002Bucket, Seed002Identity).Allowed);
        }

        // Seed 001 (example4): A owns the bucket, B uploads, C's user Dave reaches objects through A's role.
        private static readonly EvaluationPolicy Seed001Bucket = Fixture.Policy("seed-001/bucket.json");

        private static readonly EvaluationPolicy AdminEverything = Fixture.Policy("seed-001/AdministratorAccess.json");

        private const string BAdmin = "arn:aws:iam::444455556666:user/AccountBadmin";
        private const string Role = "arn:aws:iam::111122223333:role/examplerole";
        private const string Dave = "arn:aws:iam::777788889999:user/Dave";

        private static readonly EvaluationPolicy Trust = Fixture.Policy("seed-001/trust.json");

        private static readonly EvaluationPolicy RoleAccess = Fixture.Policy("seed-001/access-accountA-bucket.json");

        private static readonly EvaluationPolicy DaveAssume = Fixture.Policy("seed-001/AssumeExampleRole.json");

        /// <summary>HappyFace.jpg as uploaded in step 2: owned by B, B's default full control plus the grant to A's canonical ID.</summary>
        private static AccessPolicies HappyFaceAsRole() => new AccessPolicies
        {
            IdentityPolicies = new[] { RoleAccess },
            BucketPolicy = Seed001Bucket,
            ObjectOwnership = ObjectOwnership.ObjectWriter,
            ObjectAcl = new AccessControlList(B, new[] { AclGrant.Parse(B, "FULL_CONTROL"), AclGrant.Parse("id=" + ACanonical, "FULL_CONTROL") }),
        };

        [Fact]
        public void Seed001_UploadWithoutFullControlGrant_IsExplicitlyDenied()
        {
            var d = Decide(Request(BAdmin, "s3:PutObject"), Seed001Bucket, AdminEverything);
            Assert.Equal(Decision.ExplicitDeny, d.Decision);
            Assert.Equal("112", d.Layer(PolicyLayer.BucketPolicy)!.Statements.Single().Sid);
        }

        [Fact]
        public void Seed001_UploadGrantingBucketOwnerFullControl_IsAllowed()
        {
            var d = Decide(Request(BAdmin, "s3:PutObject", context: ("s3:x-amz-grant-full-control", "id=" + ACanonical)), Seed001Bucket, AdminEverything);
            Assert.Equal(Decision.Allowed, d.Decision);
            Assert.Equal("111", d.Layer(PolicyLayer.BucketPolicy)!.Statements[0].Sid);
        }

        [Fact]
        public void Seed001_DaveAssumesTheRole()
        {
            Assert.True(AccessEvaluator.EvaluateAssumeRole(Dave, Role, Trust, new[] { DaveAssume }).Allowed);
            Assert.False(AccessEvaluator.EvaluateAssumeRole(Dave, Role, Trust, new EvaluationPolicy[0]).Allowed);
        }

        [Fact]
        public void Seed001_DavesRoleSession_WithAccountACanonicalId_MayGetObject_ButNotGetObjectAcl()
        {
            var session = RequestPrincipal.SessionArnFor(Role, "test");
            Assert.Equal("arn:aws:sts::111122223333:assumed-role/examplerole/test", session);

            var get = new AccessRequest(Dave, "s3:GetObject", Object, A, objectOwnerAccount: B) { PrincipalCanonicalId = ACanonical };
            var allowed = AccessEvaluator.EvaluateThroughRole(get, Role, "test", Trust, new[] { DaveAssume }, HappyFaceAsRole());
            Assert.Equal(Decision.Allowed, allowed.Decision);
            Assert.Equal(session, allowed.Principal);

            var getAcl = new AccessRequest(Dave, "s3:GetObjectAcl", Object, A, objectOwnerAccount: B) { PrincipalCanonicalId = ACanonical };
            var denied = AccessEvaluator.EvaluateThroughRole(getAcl, Role, "test", Trust, new[] { DaveAssume }, HappyFaceAsRole());
            Assert.Equal(Decision.ImplicitDeny, denied.Decision);
            Assert.Equal(DecisionRule.CrossAccountIdentityNotAllowed, denied.Rule);
            Assert.Equal(LayerOutcome.Allow, denied.Layer(PolicyLayer.Acl)!.Outcome);
            Assert.Equal(LayerOutcome.NoMatch, denied.Layer(PolicyLayer.IdentityPolicy)!.Outcome);
        }

        [Fact]
        public void Seed001_BucketOwnersGrantToAccountC_OnAnObjectOwnedByB_DoesNotWork()
        {
            var bucket = Policy(Doc(Allow("\"s3:GetObject\"", "\"arn:aws:s3:::DOC-EXAMPLE-BUCKET1/*\"", "{\"AWS\":\"arn:aws:iam::777788889999:root\"}")), "bucket");
            var carolRead = Policy(Doc(Allow("\"s3:GetObject\"", "\"arn:aws:s3:::DOC-EXAMPLE-BUCKET1/*\"")), "carol");
            var policies = new AccessPolicies
            {
                BucketPolicy = bucket,
                IdentityPolicies = new[] { carolRead },
                ObjectOwnership = ObjectOwnership.ObjectWriter,
                ObjectAcl = new AccessControlList(B, new[] { AclGrant.Parse(B, "FULL_CONTROL"), AclGrant.Parse(A, "FULL_CONTROL") }),
            };
            const string carol = "arn:aws:iam::777788889999:user/carol";
            var d = AccessEvaluator.Evaluate(new AccessRequest(carol, "s3:GetObject", Object, A, objectOwnerAccount: B), policies);
            Assert.Equal(Decision.ImplicitDeny, d.Decision);
            Assert.Equal(DecisionRule.CrossAccountResourceOwnerNotAllowed, d.Rule);
            Assert.Equal(LayerOutcome.NotApplicable, d.Layer(PolicyLayer.BucketPolicy)!.Outcome);

            // The same grant works on an object the bucket owner owns, and once ownership is enforced.
            Assert.True(AccessEvaluator.Evaluate(new AccessRequest(carol, "s3:GetObject", Object, A, objectOwnerAccount: A), policies).Allowed);
            Assert.True(AccessEvaluator.Evaluate(new AccessRequest(carol, "s3:GetObject", Object, A, objectOwnerAccount: B), policies with { ObjectOwnership = ObjectOwnership.BucketOwnerEnforced }).Allowed);
        }

        [Fact]
        public void Seed001_ObjectOwnerAccount_ReadsItsOwnObject_WithItsIdentityPolicy()
        {
            var policies = HappyFaceAsRole() with { IdentityPolicies = new[] { AdminEverything } };
            Assert.True(AccessEvaluator.Evaluate(new AccessRequest(BAdmin, "s3:GetObject", Object, A, objectOwnerAccount: B), policies).Allowed);
        }
    }
}
