using System.Linq;
using S3CrossAccount.Core.Acls;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation.Acls;
using Xunit;

namespace S3CrossAccount.Core.Tests.Acls
{
    public class AclMergerTests
    {
        private const string OwnerId = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";
        private const string BId = "222233334444$admin";
        private const string LogDelivery = "http://acs.amazonaws.com/groups/s3/LogDelivery";

        private static AclGrant Id(string id, AclPermission p) => new AclGrant(AclGranteeKind.CanonicalUser, id, p);

        private static AccessControlList Existing() => new AccessControlList(OwnerId, new[]
        {
            Id(OwnerId, AclPermission.FullControl),
            new AclGrant(AclGranteeKind.Group, LogDelivery, AclPermission.Write),
            Id("333344445555$admin", AclPermission.Read),
        }, OwnerId);

        [Fact]
        public void Grant_AppendsOnlyWhatIsMissing_AndKeepsEveryExistingGrantInOrder()
        {
            var edit = AclMerger.Grant(Existing(), new[] { Id(BId, AclPermission.Write), Id("333344445555$admin", AclPermission.Read), Id(BId, AclPermission.Write) });

            Assert.True(edit.Changed);
            Assert.Equal(new[] { Id(BId, AclPermission.Write) }, edit.Added);
            Assert.Empty(edit.Removed);
            Assert.Equal(Existing().Grants.Concat(new[] { Id(BId, AclPermission.Write) }), edit.After.Grants);
            Assert.Equal(OwnerId, edit.After.OwnerCanonicalId);
        }

        [Fact]
        public void Grant_OfGrantsAlreadyThere_ChangesNothing()
        {
            var edit = AclMerger.Grant(Existing(), new[] { Id(OwnerId, AclPermission.FullControl), Id("333344445555$admin", AclPermission.Read) });

            Assert.False(edit.Changed);
            Assert.Empty(edit.Added);
            Assert.Equal(Existing().Grants, edit.After.Grants);
        }

        [Fact]
        public void FullControl_DoesNotAbsorbRead_BecauseS3KeepsThemAsSeparateGrants()
        {
            var edit = AclMerger.Grant(Existing(), new[] { Id(OwnerId, AclPermission.Read) });
            Assert.Equal(new[] { Id(OwnerId, AclPermission.Read) }, edit.Added);
        }

        [Fact]
        public void Revoke_RemovesOnlyTheNamedGranteeAndPermission()
        {
            var acl = AclMerger.Grant(Existing(), new[] { Id(BId, AclPermission.Write), Id(BId, AclPermission.Read) }).After;

            var edit = AclMerger.Revoke(acl, new[] { Id(BId, AclPermission.Write), Id(BId, AclPermission.ReadAcp) });

            Assert.Equal(new[] { Id(BId, AclPermission.Write) }, edit.Removed);
            Assert.Equal(Existing().Grants.Concat(new[] { Id(BId, AclPermission.Read) }), edit.After.Grants);
            Assert.False(AclMerger.Revoke(edit.After, new[] { Id(BId, AclPermission.Write) }).Changed);
        }

        [Fact]
        public void Grant_BeyondOneHundredGrants_IsRefused()
        {
            var full = new AccessControlList(OwnerId, Enumerable.Range(0, 100).Select(i => Id("id" + i, AclPermission.Read)), OwnerId);
            Assert.False(AclMerger.Grant(full, new[] { Id("id7", AclPermission.Read) }).Changed);
            var ex = Assert.Throws<XAccountException>(() => AclMerger.Grant(full, new[] { Id(BId, AclPermission.Read) }));
            Assert.Equal(ErrorCode.AclGrantLimitExceeded, ex.Code);
            Assert.Equal(ErrorKind.LimitsExceeded, ErrorCodeCategories.KindOf(ex.Code));
        }

        [Fact]
        public void Headers_ListEveryGrant_PerPermission_InTheDocumentedForms()
        {
            var grants = new[]
            {
                Id(OwnerId, AclPermission.FullControl),
                Id(BId, AclPermission.Write),
                new AclGrant(AclGranteeKind.Group, AclGrant.AllUsersUri, AclPermission.Read),
                Id(BId, AclPermission.Read),
                AclGrant.Parse("emailAddress=\"Someone@Example.com\"", "READ_ACP"),
                Id(BId, AclPermission.WriteAcp),
                Id(BId, AclPermission.Read),
            };

            var headers = AclGrantHeaders.ToHeaders(grants);

            Assert.Equal(new[]
            {
                "x-amz-grant-read: uri=\"http://acs.amazonaws.com/groups/global/AllUsers\", id=\"222233334444$admin\"",
                "x-amz-grant-write: id=\"222233334444$admin\"",
                "x-amz-grant-read-acp: emailAddress=\"someone@example.com\"",
                "x-amz-grant-write-acp: id=\"222233334444$admin\"",
                "x-amz-grant-full-control: id=\"" + OwnerId + "\"",
            }, headers.Select(h => h.Key + ": " + h.Value));
            Assert.Empty(AclGrantHeaders.ToHeaders(new AclGrant[0]));
        }

        [Fact]
        public void Headers_RefuseAnAccountIdGrantee_AndValuesThatWouldBreakTheHeader()
        {
            var account = Assert.Throws<XAccountException>(() => AclGrantHeaders.ToHeaders(new[] { AclGrant.Parse("222233334444", "READ") }));
            Assert.Equal(ErrorCode.InvalidAclGrant, account.Code);
            Assert.Equal("222233334444", account.Target);
            Assert.Contains("-GranteeProfileName", account.RecommendedAction);

            var quote = Assert.Throws<XAccountException>(() => AclGrantHeaders.GranteeValue(Id("a\",id=\"b", AclPermission.Read)));
            Assert.Equal(ErrorCode.InvalidAclGrant, quote.Code);
        }

        [Theory]
        [InlineData(ErrorCode.AclGrantLimitExceeded, ErrorKind.LimitsExceeded)]
        [InlineData(ErrorCode.EmptyAcl, ErrorKind.InvalidOperation)]
        [InlineData(ErrorCode.BucketAclGrantsOutsideAccount, ErrorKind.InvalidOperation)]
        [InlineData(ErrorCode.AclNotSupported, ErrorKind.InvalidOperation)]
        [InlineData(ErrorCode.GranteeAccountMismatch, ErrorKind.InvalidArgument)]
        [InlineData(ErrorCode.PublicPrincipalNotAllowed, ErrorKind.PermissionDenied)]
        public void AclErrorCodes_HaveTheirCategories(ErrorCode code, ErrorKind kind) => Assert.Equal(kind, ErrorCodeCategories.KindOf(code));

        [Fact]
        public void Grant_EqualityIsExact_AndIsPublicMeansTheTwoGlobalGroups()
        {
            Assert.Equal(Id(BId, AclPermission.Read), AclGrant.Parse("id=\"" + BId + "\"", "READ"));
            Assert.NotEqual(Id(BId, AclPermission.Read), Id(BId, AclPermission.ReadAcp));
            Assert.NotEqual(Id(BId, AclPermission.Read), new AclGrant(AclGranteeKind.Email, BId, AclPermission.Read));
            Assert.True(AclGrant.Parse("AllUsers", "READ").IsPublic);
            Assert.True(AclGrant.Parse("AuthenticatedUsers", "READ").IsPublic);
            Assert.False(new AclGrant(AclGranteeKind.Group, LogDelivery, AclPermission.Write).IsPublic);
            Assert.False(Id(BId, AclPermission.Read).IsPublic);
            Assert.Equal("READ_ACP", AclGrant.PermissionName(AclPermission.ReadAcp));
            Assert.Equal("FULL_CONTROL", AclGrant.PermissionName(AclPermission.FullControl));
        }
    }
}
