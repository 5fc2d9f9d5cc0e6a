using System;
using System.Collections.Generic;
using System.Linq;

namespace S3CrossAccount.Core.Policies.Merging
{
    /// <summary>
    /// Adds a grant (the statements a builder produced) to an existing policy without losing anything,
    /// and removes it again. Statements this module writes carry a Sid derived from the statement's
    /// effect, principals, resources and condition (<see cref="GrantKey"/>), which is how a later call
    /// finds "its" statement. Statements with other Sids are never changed.
    /// </summary>
    public static class PolicyMerger
    {
        /// <summary>
        /// Merges every statement of <paramref name="grant"/> into <paramref name="existing"/> (null = no policy yet):
        /// already present (in any statement, foreign or ours) -> nothing; our statement with the same key -> its
        /// actions are extended; otherwise the statement is appended under a free Sid.
        /// </summary>
        public static PolicyDocument Merge(PolicyDocument? existing, PolicyDocument grant) => Merge(existing, grant.Statements);

        public static PolicyDocument Merge(PolicyDocument? existing, IEnumerable<PolicyStatement> grant)
        {
            var doc = existing ?? new PolicyDocument();
            var statements = doc.Statements.ToList();
            var changed = false;
            foreach (var g in grant)
            {
                changed |= MergeOne(statements, g);
            }

            return changed ? doc with { Statements = statements } : doc;
        }

        /// <summary>Removes what <see cref="Merge(PolicyDocument?, PolicyDocument)"/> added for this grant; foreign statements stay.</summary>
        public static PolicyDocument Remove(PolicyDocument existing, PolicyDocument grant) => Remove(existing, grant.Statements);

        public static PolicyDocument Remove(PolicyDocument existing, IEnumerable<PolicyStatement> grant)
        {
            var statements = existing.Statements.ToList();
            var changed = false;
            foreach (var g in grant)
            {
                var index = FindOwn(statements, g, out _);
                if (index < 0)
                {
                    continue;
                }

                var own = statements[index];
                if (own.Action == null || g.Action == null)
                {
                    // NotAction grants are kept whole: remove only an exact match.
                    if (own.SemanticEquals(g with { Sid = own.Sid }))
                    {
                        statements.RemoveAt(index);
                        changed = true;
                    }

                    continue;
                }

                var remaining = own.Action.Where(a => !g.Action.Contains(a, StringComparer.OrdinalIgnoreCase)).ToList();
                if (remaining.Count == own.Action.Count)
                {
                    continue;
                }

                changed = true;
                if (remaining.Count == 0)
                {
                    statements.RemoveAt(index);
                }
                else
                {
                    statements[index] = own with { Action = PolicyValueList.Array(remaining) };
                }
            }

            return changed ? existing with { Statements = statements } : existing;
        }

        /// <summary>True when every statement of the grant is already in effect in the policy.</summary>
        public static bool Contains(PolicyDocument existing, PolicyDocument grant) =>
            grant.Statements.All(g => existing.Statements.Any(s => Covers(s, g)));

        private static bool MergeOne(List<PolicyStatement> statements, PolicyStatement g)
        {
            // Same grant already in effect (a foreign copy, or ours from an earlier run).
            if (statements.Any(s => Covers(s, g)))
            {
                return false;
            }

            var index = FindOwn(statements, g, out var freeSid);
            if (index >= 0)
            {
                var own = statements[index];
                if (own.Action != null && g.Action != null)
                {
                    var added = g.Action.Where(a => !own.Action.Contains(a, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                    statements[index] = own with { Action = PolicyValueList.Array(own.Action.Concat(added)) };
                    return true;
                }
            }

            statements.Add(g with { Sid = freeSid });
            return true;
        }

        /// <summary>
        /// Walks the Sid candidates for g's key: returns the index of our statement with the same key,
        /// or -1 with the first Sid no statement uses (a foreign statement holding a candidate is skipped).
        /// </summary>
        private static int FindOwn(List<PolicyStatement> statements, PolicyStatement g, out string freeSid)
        {
            var key = GrantKey.Of(g);
            var baseSid = GrantKey.BaseSid(g);
            for (var n = 1; ; n++)
            {
                var sid = GrantKey.Candidate(baseSid, n);
                var index = statements.FindIndex(s => string.Equals(s.Sid, sid, StringComparison.Ordinal));
                if (index < 0)
                {
                    freeSid = sid;
                    return -1;
                }

                if (GrantKey.Of(statements[index]) == key)
                {
                    freeSid = sid;
                    return index;
                }
            }
        }

        // s already grants everything g does, with the same principals, resources and condition.
        private static bool Covers(PolicyStatement s, PolicyStatement g)
        {
            if (GrantKey.Of(s) != GrantKey.Of(g))
            {
                return false;
            }

            if (s.Action != null && g.Action != null)
            {
                return g.Action.All(a => s.Action.Contains(a, StringComparer.OrdinalIgnoreCase));
            }

            return s.SemanticEquals(g with { Sid = s.Sid });
        }
    }
}
