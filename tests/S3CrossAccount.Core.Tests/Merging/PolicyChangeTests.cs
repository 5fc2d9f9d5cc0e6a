using System.Linq;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Merging;
using Xunit;

namespace S3CrossAccount.Core.Tests.Merging
{
    /// <summary>One write's change, applied again to a version another writer wrote in between.</summary>
    public class PolicyChangeTests
    {
        private static PolicyStatement Statement(string sid, string principal, params string[] actions) =>
            PolicyJson.Parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + principal + "\"},\"Action\":["
                + string.Join(",", actions.Select(a => "\"" + a + "\"")) + "],\"Resource\":\"arn:aws:s3:::b/*\"}]}").Statements[0];

        private static PolicyDocument Doc(params PolicyStatement[] statements) => new PolicyDocument(statements);

        private static readonly PolicyStatement Foreign = Statement("Foreign", "arn:aws:iam::444455556666:root", "s3:GetObject");
        private static readonly PolicyStatement Ours = Statement("Ours", "arn:aws:iam::222233334444:root", "s3:GetObject");
        private static readonly PolicyStatement Theirs = Statement("Theirs", "arn:aws:iam::333344445555:root", "s3:GetObject");

        [Fact]
        public void AnAddition_LostToAnotherWriter_IsMergedIntoTheirVersion()
        {
            var change = PolicyChange.Between(Doc(Foreign), Doc(Foreign, Ours));
            var theirs = Doc(Foreign, Theirs);

            Assert.False(change.HoldsIn(theirs));
            Assert.Equal(new[] { "statement 'Ours' (added)" }, change.MissingIn(theirs));
            var merged = change.ApplyTo(theirs)!;
            Assert.Equal(new[] { "Foreign", "Theirs", "Ours" }, merged.Statements.Select(s => s.Sid));
            Assert.True(change.HoldsIn(merged));
        }

        [Fact]
        public void ARemoval_UndoneByAnotherWriter_TakesOutOnlyTheRemovedStatement()
        {
            var change = PolicyChange.Between(Doc(Foreign, Ours), Doc(Foreign));
            var theirs = Doc(Foreign, Ours, Theirs);

            Assert.Equal(new[] { "statement 'Ours' (removed, back again)" }, change.MissingIn(theirs));
            Assert.Equal(new[] { "Foreign", "Theirs" }, change.ApplyTo(theirs)!.Statements.Select(s => s.Sid));
        }

        [Fact]
        public void AChangedStatement_IsPutBackChanged_AndAnotherWritersEditOfItIsKept()
        {
            var before = Statement("Ours", "arn:aws:iam::222233334444:root", "s3:GetObject");
            var after = Statement("Ours", "arn:aws:iam::222233334444:root", "s3:GetObject", "s3:PutObject");
            var change = PolicyChange.Between(Doc(before), Doc(after));

            // Their write carried the old version of our statement: it is replaced by ours.
            Assert.Equal(new[] { after }, change.ApplyTo(Doc(before, Theirs))!.Statements.Where(s => s.Sid == "Ours"));

            // Their write changed our statement themselves: their version stays, and ours goes in beside it.
            var edited = Statement("Ours", "arn:aws:iam::222233334444:root", "s3:GetObject", "s3:DeleteObject");
            var merged = change.ApplyTo(Doc(edited))!;
            Assert.Equal(edited, merged.Statements[0]);
            Assert.Equal(2, merged.StatementCount);
            Assert.True(change.HoldsIn(merged));
        }

        [Fact]
        public void RemovingTheLastStatement_AppliesAsNoPolicy_AndHoldsWhenThereIsNone()
        {
            var change = PolicyChange.Between(Doc(Ours), null);

            Assert.Null(change.ApplyTo(Doc(Ours)));
            Assert.True(change.HoldsIn(null));
            Assert.Equal(new[] { "Theirs" }, change.ApplyTo(Doc(Ours, Theirs))!.Statements.Select(s => s.Sid));
        }

        [Fact]
        public void NothingChanged_HoldsEverywhere()
        {
            var change = PolicyChange.Between(Doc(Foreign), Doc(Foreign));

            Assert.True(change.HoldsIn(Doc(Theirs)));
            Assert.Empty(change.Added);
            Assert.Empty(change.Removed);
        }
    }
}
