using S3CrossAccount.Core.Evaluation;
using S3CrossAccount.Core.Evaluation.Acls;
using S3CrossAccount.Core.Evaluation.Model;
using S3CrossAccount.Core.Evaluation.Requests;
using S3CrossAccount.Core.Evaluation.Results;
using Xunit;
using static S3CrossAccount.Core.Tests.Evaluation.Kit;

namespace S3CrossAccount.Core.Tests.Evaluation
{
    /// <summary>The walkthroughs of the seed documents, with the policies exactly as they print them (account IDs filled in).</summary>
    public class SeedScenarioTests
    {
        // Seed 002, method 1: bucket policy in A naming B's user, identity policy on B's user.
        private static readonly EvaluationPolicy Seed002Identity = Policy(
            "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Action\": [ \"s3:GetObject\", \"s3:GetObjectVersion\", \"s3:PutObject\", \"s3:PutObjectAcl\" ], \"Resource\": \"arn:aws:s3:::AccountABucketName/*\" } ] }",
            "AccountBUserPolicy");

        private static readonly EvaluationPolicy Seed002Bucket = Policy(
            "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Principal\": { \"AWS\": \"arn:aws:iam::444455556666:user/AccountBUserName\" }, \"Action\": [ \"s3:GetObject\", \"s3:GetObjectVersion\", \"s3:PutObject\", \"s3:PutObjectAcl\" ], \"Resource\": [ \"arn:aws:s3:::AccountABucketName/*\" ] } ] }",
            "AccountABucketPolicy");

        private const string Seed002User = "arn:aws:iam::444455556666:user/AccountBUserName";
        private const string Seed002Object = "arn:aws:s3:::AccountABucketName/report.csv";

        [Theory]
        [InlineData("s3:GetObject")]
        [InlineData("s3:PutObject")]
        public void Seed002_Method1_AllowsAccountBUser(string action)
        {
            var d = Decide(Request(Seed002User, action, Seed002Object), Seed002Bucket, Seed002Identity);
            Assert.Equal(Decision.Allowed, d.Decision);
            Assert.Equal($"cross-account: the bucket policy and an identity policy in 444455556666 allow {action}", d.Reason);
        }

        [Theory]
        [InlineData("s3:GetObject")]
        [InlineData("s3:PutObject")]
        public void Seed002_Method1_WithoutIdentityPolicy_IsDenied(string action)
        {
            var d = Decide(Request(Seed002User, action, Seed002Object), Seed002Bucket);
            Assert.Equal(Decision.ImplicitDeny, d.Decision);
            Assert.Equal($"cross-account: bucket policy allows, but no identity policy in 444455556666 allows {action}", d.Reason);
        }

        [Fact]
        public void Seed002_Method1_OtherActions_AreNotGranted()
        {
            Assert.False(Decide(Request(Seed002User, "s3:DeleteObject", Seed002Object), Seed002Bucket, Seed002Identity).Allowed);
        }

        // Seed 001 (example4): A owns the bucket, B uploads, C's user Dave reaches objects through A's role.
        private static readonly EvaluationPolicy Seed001Bucket = Policy(
            "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Sid\": \"111\", \"Effect\": \"Allow\", \"Principal\": { \"AWS\": \"arn:aws:iam::444455556666:user/AccountBadmin\" }, \"Action\": \"s3:PutObject\", \"Resource\": \"arn:aws:s3:::DOC-EXAMPLE-BUCKET1/*\" }, { \"Sid\": \"112\", \"Effect\": \"Deny\", \"Principal\": { \"AWS\": \"arn:aws:iam::444455556666:user/AccountBadmin\" }, \"Action\": \"s3:PutObject\", \"Resource\": \"arn:aws:s3:::DOC-EXAMPLE-BUCKET1/*\", \"Condition\": { \"StringNotEquals\": { \"s3:x-amz-grant-full-control\": \"id=" + ACanonical + "\" } } } ] }",
            "bucket");

        private static readonly EvaluationPolicy AdminEverything = Policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}", "AdministratorAccess");

        private const string BAdmin = "arn:aws:iam::444455556666:user/AccountBadmin";
        private const string Role = "arn:aws:iam::111122223333:role/examplerole";
        private const string Dave = "arn:aws:iam::777788889999:user/Dave";

        private static readonly EvaluationPolicy Trust = Policy(
            "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Sid\": \"\", \"Effect\": \"Allow\", \"Principal\": { \"AWS\": \"arn:aws:iam::777788889999:root\" }, \"Action\": \"sts:AssumeRole\" } ] }", "trust");

        private static readonly EvaluationPolicy RoleAccess = Policy(
            "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::DOC-EXAMPLE-BUCKET1/*\" } ] }", "access-accountA-bucket");

        private static readonly EvaluationPolicy DaveAssume = Policy(
            "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Action\": [\"sts:AssumeRole\"], \"Resource\": \"arn:aws:iam::111122223333:role/examplerole\" } ] }", "AssumeExampleRole");

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
            Assert.Equal("explicit Deny in bucket policy 'bucket' (Sid 112) for s3:PutObject", d.Reason);
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
            Assert.Equal("as role session of arn:aws:iam::111122223333:role/examplerole: cross-account: an ACL grants it, but no identity policy in 111122223333 allows s3:GetObjectAcl", denied.Reason);
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
            Assert.Equal("cross-account: identity policy allows, but the object is owned by account 444455556666 and its object ACL grants account 777788889999 nothing for s3:GetObject (the bucket policy of 111122223333 does not cover it)", d.Reason);
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
