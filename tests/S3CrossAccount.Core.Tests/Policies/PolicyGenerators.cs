using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using S3CrossAccount.Core.Policies;

namespace S3CrossAccount.Core.Tests.Policies
{
    /// <summary>Random policies covering every form the model has (single/array, wildcard, conditions, odd characters).</summary>
    public static class PolicyGenerators
    {
        private static readonly string[] Texts =
        {
            "*", "s3:GetObject", "s3:PutObject", "s3:ListBucket", "arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*",
            "arn:aws:iam::111122223333:root", "111122223333", "a\"quote", "back\\slash", "tab\there", "line\nbreak",
            "ünïcødé", "ctl\u0001x", "", "id=79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be", "ec2.amazonaws.com",
        };

        public static Gen<string> Text { get; } = Gen.Elements(Texts);

        public static Gen<PolicyValueList> ValueList { get; } =
            Gen.OneOf(
                Text.Select(PolicyValueList.Single),
                Text.NonEmptyListOf().Resize(4).Select(l => PolicyValueList.Array(l)));

        public static Gen<PrincipalBlock> Principal { get; } =
            Gen.OneOf(
                Gen.Constant(PrincipalBlock.Wildcard),
                Gen.SubListOf(new[] { PrincipalTypes.Aws, PrincipalTypes.CanonicalUser, PrincipalTypes.Service, PrincipalTypes.Federated })
                    .Where(l => l.Count > 0)
                    .SelectMany(types => ValueList.ListOf(types.Count).Select(values =>
                        PrincipalBlock.FromEntries(types.Zip(values, (t, v) => new KeyValuePair<string, PolicyValueList>(t, v))))));

        public static Gen<ConditionValue> ConditionValueGen { get; } =
            Gen.OneOf(
                Text.Select(ConditionValue.String),
                Gen.Elements(true, false).Select(ConditionValue.Boolean),
                Gen.Elements("0", "42", "-1.5", "1e10", "3600").Select(n => new ConditionValue(n, ConditionValueKind.Number)));

        public static Gen<ConditionEntry> ConditionEntryGen { get; } =
            from key in Gen.Elements("aws:SourceIp", "sts:ExternalId", "s3:prefix", "aws:MultiFactorAuthPresent", "s3:x-amz-acl")
            from single in Gen.Elements(true, false)
            from values in single ? ConditionValueGen.ListOf(1) : ConditionValueGen.NonEmptyListOf().Resize(3)
            select new ConditionEntry(key, values, single);

        public static Gen<PolicyCondition> Condition { get; } =
            Gen.SubListOf(new[] { "StringEquals", "StringNotEquals", "Bool", "IpAddress", "ForAnyValue:StringLike", "NumericLessThanIfExists" })
                .SelectMany(ops => ConditionEntryGen.NonEmptyListOf().Resize(3).ListOf(ops.Count).Select(entries =>
                    new PolicyCondition(ops.Zip(entries, (op, es) => new ConditionClause(op, es.GroupBy(e => e.Key.ToLowerInvariant()).Select(g => g.First()))))));

        private static Gen<T?> Maybe<T>(Gen<T> gen)
            where T : class =>
            Gen.Frequency((1, Gen.Constant<T?>(null)), (2, gen.Select(x => (T?)x)));

        public static Gen<PolicyStatement> Statement { get; } =
            from sid in Maybe(Gen.Elements("Stmt1", "", "XAccountAbc123", "AllowRead"))
            from effect in Gen.Elements(PolicyEffect.Allow, PolicyEffect.Deny)
            from principalKind in Gen.Choose(0, 2)
            from principal in Principal
            from notAction in Gen.Elements(false, false, true)
            from actions in ValueList
            from resourceKind in Gen.Choose(0, 2)
            from resources in ValueList
            from condition in Maybe(Condition)
            select new PolicyStatement
            {
                Sid = sid,
                Effect = effect,
                Principal = principalKind == 1 ? principal : null,
                NotPrincipal = principalKind == 2 ? principal : null,
                Action = notAction ? null : actions,
                NotAction = notAction ? actions : null,
                Resource = resourceKind == 1 ? resources : null,
                NotResource = resourceKind == 2 ? resources : null,
                Condition = condition,
            };

        public static Gen<PolicyDocument> Document { get; } =
            from version in Gen.Elements<string?>(PolicyDocument.Version2012, PolicyDocument.Version2008, null)
            from id in Maybe(Gen.Elements("MyPolicy", "Policy\"1"))
            from single in Gen.Elements(true, false)
            from statements in single ? Statement.ListOf(1) : Statement.ListOf().Resize(5)
            select new PolicyDocument { Version = version, Id = id, Statements = statements.ToList(), StatementIsSingleObject = single };

        public static Arbitrary<PolicyDocument> Documents => Document.ToArbitrary();
    }
}
