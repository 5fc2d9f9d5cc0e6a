using System;
using System.Collections.Generic;
using System.Linq;

namespace S3CrossAccount.Core.Policies.Merging
{
    /// <summary>
    /// What one write did to a policy (the statements it added and the statements it took out), so the
    /// same change can be applied again to a newer version of the policy that another writer wrote in
    /// between: converging puts back what this write added and takes out again what it removed, and
    /// touches no other statement. Statements compare exactly (after <c>normalize</c>): a statement that
    /// another writer changed is theirs, and stays.
    /// </summary>
    public sealed class PolicyChange
    {
        private readonly IReadOnlyList<PolicyStatement> _added;
        private readonly IReadOnlyList<PolicyStatement> _removed;
        private readonly Func<PolicyDocument?, PolicyDocument, PolicyDocument> _merge;
        private readonly Func<PolicyDocument, PolicyDocument> _normalize;

        private PolicyChange(IReadOnlyList<PolicyStatement> added, IReadOnlyList<PolicyStatement> removed,
            Func<PolicyDocument?, PolicyDocument, PolicyDocument> merge, Func<PolicyDocument, PolicyDocument> normalize)
        {
            _added = added;
            _removed = removed;
            _merge = merge;
            _normalize = normalize;
        }

        /// <summary>The statements the write added (new, or a changed version of one it removed).</summary>
        public IReadOnlyList<PolicyStatement> Added => _added;

        /// <summary>The statements the write took out (gone, or replaced by a changed version).</summary>
        public IReadOnlyList<PolicyStatement> Removed => _removed;

        /// <summary>
        /// The change from <paramref name="before"/> to <paramref name="after"/> (null = no policy).
        /// <paramref name="merge"/> puts statements into a policy as the writer's own merge does
        /// (<see cref="PolicyMerger.Merge(PolicyDocument?, PolicyDocument)"/> by default; the trust merge for
        /// trust policies); <paramref name="normalize"/> undoes a service's rewriting before comparing
        /// (IAM's account IDs), identity by default.
        /// </summary>
        public static PolicyChange Between(PolicyDocument? before, PolicyDocument? after,
            Func<PolicyDocument?, PolicyDocument, PolicyDocument>? merge = null, Func<PolicyDocument, PolicyDocument>? normalize = null)
        {
            normalize ??= p => p;
            var was = before == null ? Array.Empty<PolicyStatement>() : normalize(before).Statements;
            var now = after == null ? Array.Empty<PolicyStatement>() : normalize(after).Statements;
            var added = now.Where(s => !Has(was, s)).ToList();
            var removed = was.Where(s => !Has(now, s)).ToList();
            return new PolicyChange(added, removed, merge ?? MergeKeepingSids, normalize);
        }

        /// <summary>
        /// Puts the statements in as they were written, Sid and all, unless one already grants them; a Sid
        /// that another statement now holds goes through <see cref="PolicyMerger"/> (which extends our own
        /// statement of that grant, or appends under a free Sid), so no statement is overwritten.
        /// </summary>
        private static PolicyDocument MergeKeepingSids(PolicyDocument? policy, PolicyDocument statements)
        {
            var result = policy ?? new PolicyDocument();
            foreach (var statement in statements.Statements)
            {
                var single = new[] { statement };
                if (PolicyMerger.Merge(result, single).SemanticEquals(result))
                {
                    continue;
                }

                var sidTaken = !string.IsNullOrEmpty(statement.Sid) && result.Statements.Any(s => s.Sid == statement.Sid);
                result = sidTaken
                    ? PolicyMerger.Merge(result, single)
                    : result with { Statements = result.Statements.Concat(single).ToList(), StatementIsSingleObject = false };
            }

            return result;
        }

        /// <summary>True when <paramref name="policy"/> has every statement this change added and none it removed.</summary>
        public bool HoldsIn(PolicyDocument? policy) => MissingIn(policy).Count == 0;

        /// <summary>
        /// This change applied to <paramref name="policy"/>: its removed statements taken out, its added ones
        /// merged in, everything else kept. Null when no statement is left (the policy is to be deleted).
        /// </summary>
        public PolicyDocument? ApplyTo(PolicyDocument? policy)
        {
            var kept = policy == null ? null : Without(policy, _removed);
            var result = _added.Count == 0 ? kept : _merge(kept, new PolicyDocument(_added));
            return result == null || result.StatementCount == 0 ? null : result;
        }

        /// <summary>The parts of this change <paramref name="policy"/> lacks: added statements not in effect, removed ones present again.</summary>
        public IReadOnlyList<string> MissingIn(PolicyDocument? policy)
        {
            var missing = new List<string>();
            var current = policy == null ? null : _normalize(policy);
            foreach (var statement in _added)
            {
                if (current == null || !_merge(current, new PolicyDocument(new[] { statement })).SemanticEquals(current))
                {
                    missing.Add("statement " + Describe(statement) + " (added)");
                }
            }

            foreach (var statement in _removed)
            {
                if (current != null && Has(current.Statements, statement))
                {
                    missing.Add("statement " + Describe(statement) + " (removed, back again)");
                }
            }

            return missing;
        }

        private PolicyDocument Without(PolicyDocument policy, IReadOnlyList<PolicyStatement> removed)
        {
            if (removed.Count == 0) return policy;
            var normalized = _normalize(policy).Statements;
            var statements = policy.Statements.Where((s, i) => !Has(removed, normalized[i])).ToList();
            return statements.Count == policy.StatementCount ? policy : policy with { Statements = statements, StatementIsSingleObject = policy.StatementIsSingleObject && statements.Count == 1 };
        }

        private static bool Has(IEnumerable<PolicyStatement> statements, PolicyStatement statement) => statements.Any(s => s.SemanticEquals(statement));

        private static string Describe(PolicyStatement statement) =>
            string.IsNullOrEmpty(statement.Sid) ? PolicyJson.WriteStatement(statement) : "'" + statement.Sid + "'";
    }
}
