using System;
using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Core.Identifiers;
using S3CrossAccount.Core.Policies;

namespace S3CrossAccount.Core.Roles
{
    /// <summary>
    /// What the role method needs beyond the policy core's statement merge (PolicyMerger): trust
    /// policies gain principals inside the existing sts:AssumeRole statement, and stored policies are
    /// compared with IAM's rewriting of account IDs undone. Never drops a statement somebody else wrote.
    /// </summary>
    public static class RolePolicyMerge
    {
        /// <summary>
        /// IAM stores a bare account ID in a Principal as the account's root ARN (<see cref="AccountPrincipal"/>),
        /// so GetRole returns "arn:aws:iam::123456789012:root" for "123456789012". Comparing a desired
        /// policy with a stored one therefore rewrites bare IDs first, or every run would look changed.
        /// </summary>
        public static PolicyDocument NormalizeAccountPrincipals(PolicyDocument policy, string partition = "aws")
        {
            if (policy == null) throw new ArgumentNullException(nameof(policy));
            return policy with { Statements = policy.Statements.Select(s => s with { Principal = Normalize(s.Principal, partition), NotPrincipal = Normalize(s.NotPrincipal, partition) }).ToArray() };
        }

        /// <summary>True when the two policies mean the same once account IDs and root ARNs are treated alike.</summary>
        public static bool Same(PolicyDocument? a, PolicyDocument? b, string partition = "aws")
        {
            if (a == null || b == null) return a == null && b == null;
            return NormalizeAccountPrincipals(a, partition).SemanticEquals(NormalizeAccountPrincipals(b, partition));
        }

        /// <summary>
        /// Trust merge: each desired statement whose Effect, Action, Resource and Condition match an
        /// existing Allow statement with a Principal only adds its principals to that statement
        /// (union per principal type); otherwise it is appended. Foreign statements (other actions,
        /// conditions, Deny, NotPrincipal) are kept as they are.
        /// </summary>
        public static PolicyDocument MergeTrust(PolicyDocument existing, PolicyDocument desired, string partition = "aws")
        {
            if (existing == null) throw new ArgumentNullException(nameof(existing));
            if (desired == null) throw new ArgumentNullException(nameof(desired));
            var statements = existing.Statements.ToList();
            foreach (var wanted in NormalizeAccountPrincipals(desired, partition).Statements)
            {
                // Already there as written (a service trust, a Deny, ...): nothing to add.
                if (statements.Any(s => NormalizeStatement(s, partition).SemanticEquals(wanted)))
                {
                    continue;
                }

                var index = statements.FindIndex(s => CanAbsorb(s, wanted));
                if (index < 0)
                {
                    statements.Add(wanted);
                    continue;
                }

                var target = statements[index];
                statements[index] = target with { Principal = Union(Normalize(target.Principal, partition)!, wanted.Principal!) };
            }

            return existing with
            {
                Version = MergedVersion(existing.Version, desired.Version),
                Statements = statements,
                StatementIsSingleObject = statements.Count == 1 && existing.StatementIsSingleObject,
            };
        }

        private static PolicyStatement NormalizeStatement(PolicyStatement s, string partition) =>
            s with { Principal = Normalize(s.Principal, partition), NotPrincipal = Normalize(s.NotPrincipal, partition) };

        private static bool CanAbsorb(PolicyStatement existing, PolicyStatement wanted)
        {
            if (existing.Effect != PolicyEffect.Allow || wanted.Effect != PolicyEffect.Allow) return false;
            if (existing.Principal == null || existing.Principal.IsWildcard || existing.NotPrincipal != null) return false;
            if (wanted.Principal == null || wanted.Principal.IsWildcard || wanted.NotPrincipal != null) return false;

            // Only statements naming AWS principals alone: a service or federated trust is somebody
            // else's statement and stays exactly as written.
            if (existing.Principal.Entries.Any(e => e.Key != PrincipalTypes.Aws) || wanted.Principal.Entries.Any(e => e.Key != PrincipalTypes.Aws)) return false;

            // Everything but Sid and Principal must be the same for the principals to share a statement.
            var a = existing with { Sid = null, Principal = null };
            var b = wanted with { Sid = null, Principal = null };
            return a.SemanticEquals(b);
        }

        private static PrincipalBlock Union(PrincipalBlock existing, PrincipalBlock addition)
        {
            var types = existing.Entries.Select(e => e.Key).Concat(addition.Entries.Select(e => e.Key)).Distinct(StringComparer.Ordinal);
            var entries = new List<KeyValuePair<string, PolicyValueList>>();
            foreach (var type in types)
            {
                var mine = existing.Get(type);
                var theirs = addition.Get(type);
                var values = (mine ?? Enumerable.Empty<string>()).Concat(theirs ?? Enumerable.Empty<string>()).Distinct(StringComparer.Ordinal).ToList();
                entries.Add(new KeyValuePair<string, PolicyValueList>(type, PolicyValueList.Of(values)));
            }

            return PrincipalBlock.FromEntries(entries);
        }

        private static PrincipalBlock? Normalize(PrincipalBlock? block, string partition)
        {
            if (block == null || block.IsWildcard) return block;
            var aws = block.Get(PrincipalTypes.Aws);
            if (aws == null || !aws.Any(AccountId.IsValid)) return block;
            var entries = block.Entries.Select(e => e.Key == PrincipalTypes.Aws
                ? new KeyValuePair<string, PolicyValueList>(e.Key, PolicyValueList.Of(e.Value.Select(v => AccountPrincipal.AsStored(v, partition)).Distinct(StringComparer.Ordinal)))
                : e);
            return PrincipalBlock.FromEntries(entries);
        }

        private static string? MergedVersion(string? a, string? b) =>
            a == PolicyDocument.Version2012 || b == PolicyDocument.Version2012 ? PolicyDocument.Version2012 : a ?? b;
    }
}
