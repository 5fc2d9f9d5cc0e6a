using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using S3CrossAccount.Core.Acls;
using S3CrossAccount.Core.Evaluation.Acls;

namespace S3CrossAccount.Core.Tests.Acls
{
    public class AclMergerProperties
    {
        private static readonly Gen<AclGrant> Grant =
            from kind in Gen.Elements(AclGranteeKind.CanonicalUser, AclGranteeKind.CanonicalUser, AclGranteeKind.Group, AclGranteeKind.Email)
            from who in Gen.Elements("a", "b", "c")
            from permission in Gen.Elements(AclPermission.Read, AclPermission.Write, AclPermission.ReadAcp, AclPermission.WriteAcp, AclPermission.FullControl)
            select new AclGrant(kind, kind == AclGranteeKind.Group ? "http://acs.amazonaws.com/groups/global/" + who : kind == AclGranteeKind.Email ? who + "@example.com" : who + "$admin", permission);

        // Existing ACLs may hold duplicates (S3 reports what was written) and always come with an owner.
        // At most 55 existing grants: with the 45 distinct grants the generator can make, the result
        // stays within S3's limit of 100 (the limit itself has its own unit test).
        private static readonly Gen<(AccessControlList A, List<AclGrant> G)> Cases =
            from existing in Gen.ListOf(Grant)
            from wanted in Gen.ListOf(Grant)
            select (new AccessControlList("owner$admin", existing.Take(55), "owner$admin"), wanted.Take(20).ToList());

        private static Arbitrary<(AccessControlList A, List<AclGrant> G)> Arb => Cases.ToArbitrary();

        [Property(MaxTest = 300)]
        public Property Grant_KeepsEveryExistingGrant_InOrder_AndContainsTheNewOnes() =>
            Prop.ForAll(Arb, c =>
            {
                var after = AclMerger.Grant(c.A, c.G).After.Grants;
                return after.Take(c.A.Grants.Count).SequenceEqual(c.A.Grants) && c.G.All(after.Contains);
            });

        [Property(MaxTest = 300)]
        public Property Grant_IsIdempotent_AndTheSecondRunChangesNothing() =>
            Prop.ForAll(Arb, c =>
            {
                var once = AclMerger.Grant(c.A, c.G).After;
                var twice = AclMerger.Grant(once, c.G);
                return !twice.Changed && twice.After.Grants.SequenceEqual(once.Grants);
            });

        [Property(MaxTest = 300)]
        public Property Grant_AddsNoDuplicates_OfWhatWasNotThere() =>
            Prop.ForAll(Arb, c =>
            {
                var edit = AclMerger.Grant(c.A, c.G);
                return edit.Added.Distinct().Count() == edit.Added.Count && edit.Added.All(g => !c.A.Grants.Contains(g));
            });

        [Property(MaxTest = 300)]
        public Property RevokeOfGrant_GivesBackA_WhenALackedTheGrants() =>
            Prop.ForAll(Arb, c =>
            {
                var fresh = c.G.Where(g => !c.A.Grants.Contains(g)).ToList();
                return AclMerger.Revoke(AclMerger.Grant(c.A, fresh).After, fresh).After.Grants.SequenceEqual(c.A.Grants);
            });

        [Property(MaxTest = 300)]
        public Property Revoke_RemovesExactlyTheNamedGrants() =>
            Prop.ForAll(Arb, c =>
            {
                var edit = AclMerger.Revoke(c.A, c.G);
                return edit.After.Grants.SequenceEqual(c.A.Grants.Where(g => !c.G.Contains(g)))
                    && edit.Removed.All(c.G.Contains) && edit.Changed == c.A.Grants.Any(c.G.Contains);
            });

        [Property(MaxTest = 200)]
        public Property Headers_CarryEveryGrantOfTheAcl_ExactlyOncePerPermission() =>
            Prop.ForAll(Arb, c =>
            {
                var after = AclMerger.Grant(c.A, c.G).After.Grants;
                var headers = AclGrantHeaders.ToHeaders(after);
                var parsed = headers.SelectMany(h => h.Value.Split(new[] { ", " }, System.StringSplitOptions.None).Select(v => (h.Key, v))).ToList();
                var expected = after.Select(g => (AclGrantHeaders.HeaderFor(g.Permission), AclGrantHeaders.GranteeValue(g))).Distinct().ToList();
                return parsed.Count == expected.Count && expected.All(parsed.Contains);
            });
    }
}
