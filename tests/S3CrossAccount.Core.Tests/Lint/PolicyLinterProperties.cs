using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Lint;
using S3CrossAccount.Core.Tests.Policies;

namespace S3CrossAccount.Core.Tests.Lint
{
    /// <summary>
    /// Lint runs on whatever a user pipes in, so it must answer with findings for every policy the parser
    /// accepts, never with an exception, and every finding must point at a real statement.
    /// </summary>
    public class PolicyLinterProperties
    {
        private static readonly PolicyKind[] Kinds = (PolicyKind[])Enum.GetValues(typeof(PolicyKind));

        [Property(MaxTest = 300)]
        public Property Lint_NeverThrows_AndFindingsPointAtStatements() =>
            Prop.ForAll(PolicyGenerators.Documents, Gen.Elements(Kinds).ToArbitrary(), (p, kind) =>
            {
                var findings = PolicyLinter.Lint(p, kind);
                return findings.All(f => f.StatementIndex == null
                    || (f.StatementIndex >= 0 && f.StatementIndex < p.Statements.Count && f.Sid == p.Statements[f.StatementIndex.Value].Sid));
            });

        [Property(MaxTest = 200)]
        public Property Lint_OfTheParsedText_EqualsLint_OfTheModel() =>
            Prop.ForAll(PolicyGenerators.Documents, p =>
                PolicyLinter.Lint(PolicyJson.Parse(PolicyJson.Write(p))).Select(f => f.ToString())
                    .SequenceEqual(PolicyLinter.Lint(p).Select(f => f.ToString())));
    }
}
