using System;
using System.Collections.Generic;
using System.Linq;

namespace S3CrossAccount.Core.Policies.Merging
{
    public enum StatementChangeKind
    {
        Added,
        Removed,
        Changed,
    }

    /// <summary>One statement that differs between two versions of a policy.</summary>
    public sealed class StatementChange
    {
        public StatementChange(StatementChangeKind kind, PolicyStatement? before, PolicyStatement? after, int? beforeIndex, int? afterIndex)
        {
            Kind = kind;
            Before = before;
            After = after;
            BeforeIndex = beforeIndex;
            AfterIndex = afterIndex;
        }

        public StatementChangeKind Kind { get; }

        public PolicyStatement? Before { get; }

        public PolicyStatement? After { get; }

        /// <summary>0-based index in the old policy (null for Added).</summary>
        public int? BeforeIndex { get; }

        /// <summary>0-based index in the new policy (null for Removed).</summary>
        public int? AfterIndex { get; }

        public string? Sid => After?.Sid ?? Before?.Sid;

        /// <summary>A one-line description for -WhatIf and Verbose output.</summary>
        public override string ToString()
        {
            var s = After ?? Before!;
            var label = string.IsNullOrEmpty(s.Sid) ? "statement" : $"statement {s.Sid}";
            return $"{Kind} {label}: {PolicyJson.WriteStatement(s)}";
        }
    }

    /// <summary>Which statements were added, removed or changed between two policies (what -WhatIf shows).</summary>
    public static class PolicyDiff
    {
        public static IReadOnlyList<StatementChange> Compare(PolicyDocument? before, PolicyDocument? after)
        {
            var old = before?.Statements ?? Array.Empty<PolicyStatement>();
            var now = after?.Statements ?? Array.Empty<PolicyStatement>();
            var oldUsed = new bool[old.Count];
            var newUsed = new bool[now.Count];
            var changes = new List<StatementChange>();

            // Unchanged statements first (semantically equal, Sid included), so reordering is no change.
            for (var i = 0; i < now.Count; i++)
            {
                for (var j = 0; j < old.Count; j++)
                {
                    if (!oldUsed[j] && now[i].SemanticEquals(old[j]))
                    {
                        oldUsed[j] = newUsed[i] = true;
                        break;
                    }
                }
            }

            // Then same Sid, different content: a change of that statement.
            for (var i = 0; i < now.Count; i++)
            {
                if (newUsed[i] || string.IsNullOrEmpty(now[i].Sid))
                {
                    continue;
                }

                for (var j = 0; j < old.Count; j++)
                {
                    if (!oldUsed[j] && string.Equals(old[j].Sid, now[i].Sid, StringComparison.Ordinal))
                    {
                        oldUsed[j] = newUsed[i] = true;
                        changes.Add(new StatementChange(StatementChangeKind.Changed, old[j], now[i], j, i));
                        break;
                    }
                }
            }

            for (var j = 0; j < old.Count; j++)
            {
                if (!oldUsed[j])
                {
                    changes.Add(new StatementChange(StatementChangeKind.Removed, old[j], null, j, null));
                }
            }

            for (var i = 0; i < now.Count; i++)
            {
                if (!newUsed[i])
                {
                    changes.Add(new StatementChange(StatementChangeKind.Added, null, now[i], null, i));
                }
            }

            return changes.OrderBy(c => c.AfterIndex ?? c.BeforeIndex).ToList();
        }
    }
}
