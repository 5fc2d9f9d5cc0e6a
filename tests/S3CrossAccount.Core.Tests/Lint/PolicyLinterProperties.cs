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

namespace S3CrossAccount.Core.Tests.Lint
{
    using System.Collections.Generic;
    using S3CrossAccount.Core.Policies.Builders;

    /// <summary>
    /// Everything the builders produce, for any preset, prefix, partition and principal form, passes lint for the
    /// kind it is (and for the kind Auto guesses): the builders and the linter agree on what AWS accepts.
    /// </summary>
    public class BuilderOutputLintProperties
    {
        private const string Canonical = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";

        private static readonly string[] AwsPrincipals =
        {
            "222233334444", "arn:aws:iam::222233334444:root", "arn:aws:iam::222233334444:user/Dave",
            "arn:aws:iam::333344445555:role/division/Reader", "arn:aws:sts::333344445555:assumed-role/Reader/s1",
        };

        private static Gen<S3AccessRequest> Requests =>
            from preset in Gen.Elements((S3AccessPreset[])Enum.GetValues(typeof(S3AccessPreset)))
            from prefix in Gen.Elements<string?>(null, "FolderName", "a/b/", "reports 2026")
            from versions in Gen.Elements(true, false)
            from partition in Gen.Elements("aws", "aws-cn", "aws-us-gov")
            select new S3AccessRequest("amzn-bucket-a") { Access = preset, Prefix = prefix, IncludeObjectVersions = versions, Partition = partition };

        private static Gen<string[]> Principals(bool canonical) =>
            Gen.SubListOf(canonical ? AwsPrincipals.Concat(new[] { Canonical }).ToArray() : AwsPrincipals).Where(l => l.Count > 0).Select(l => l.ToArray());

        private static bool Clean(PolicyDocument p, PolicyKind kind) =>
            PolicyLinter.Lint(p, kind).Count == 0 && PolicyLinter.Lint(p).Count == 0;

        [Property(MaxTest = 200)]
        public Property BucketPolicies_AreClean() =>
            Prop.ForAll(Requests.ToArbitrary(), Principals(canonical: true).ToArbitrary(), Gen.Elements<OwnerFullControlForm?>(null, OwnerFullControlForm.CannedAcl, OwnerFullControlForm.GrantFullControlHeader).ToArbitrary(), (request, principals, form) =>
            {
                var writes = request.Access == S3AccessPreset.Write || request.Access == S3AccessPreset.ReadWrite || request.Access == S3AccessPreset.Console;
                var options = new BucketPolicyOptions { RequireBucketOwnerFullControl = writes ? form : null, BucketOwnerCanonicalId = Canonical };
                return Clean(PolicyBuilder.BucketPolicy(request, principals, options), PolicyKind.BucketPolicy);
            });

        [Property(MaxTest = 200)]
        public Property IdentityAndAccessPolicies_AreClean() =>
            Prop.ForAll(Requests.ToArbitrary(), request =>
                Clean(PolicyBuilder.IdentityPolicy(request), PolicyKind.InlineUserPolicy) && Clean(PolicyBuilder.AccessPolicy(request), PolicyKind.InlineRolePolicy));

        private static Gen<TrustPolicyOptions> TrustOptions =>
            from externalId in Gen.Elements<string?>(null, "Partner-42")
            from mfa in Gen.Elements(true, false)
            from org in Gen.Elements<string?>(null, "o-a1b2c3d4e5")
            select new TrustPolicyOptions { ExternalId = externalId, RequireMfa = mfa, PrincipalOrgId = org };

        [Property(MaxTest = 200)]
        public Property TrustAndAssumeRolePolicies_AreClean() =>
            Prop.ForAll(Principals(canonical: false).ToArbitrary(), TrustOptions.ToArbitrary(), (principals, options) =>
                Clean(PolicyBuilder.TrustPolicy(principals, options), PolicyKind.TrustPolicy)
                && Clean(PolicyBuilder.AssumeRolePolicy(new[] { "arn:aws:iam::111122223333:role/AccountARole", "arn:aws-cn:iam::111122223333:role/p/R2" }), PolicyKind.ManagedPolicy));
    }
}
