using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace S3CrossAccount.Core.Evaluation.Model
{
    /// <summary>A named policy ready for evaluation (an identity policy, the bucket policy, a trust policy, an SCP...).</summary>
    public sealed class EvaluationPolicy
    {
        private const int MaxCachedActions = 4096;
        private const int MaxCachedAccounts = 4096;

        // Action matching depends on nothing but the action, and whether a Principal element can name a caller depends
        // first on the caller's account, so the statements that can apply are computed once per action (and, for a
        // resource policy, per caller account) and reused by every later request: most statements of a large policy
        // are ruled out before any pattern is matched, and a lookup allocates nothing.
        private readonly ConcurrentDictionary<string, ActionSlice> _byAction = new ConcurrentDictionary<string, ActionSlice>(StringComparer.OrdinalIgnoreCase);

        public EvaluationPolicy(string name, IEnumerable<EvaluationStatement> statements)
        {
            Name = name;
            StatementArray = statements.ToArray();
        }

        public string Name { get; }

        public IReadOnlyList<EvaluationStatement> Statements => StatementArray;

        internal EvaluationStatement[] StatementArray { get; }

        /// <summary>The statements whose Action/NotAction covers <paramref name="action"/>, in policy order.</summary>
        internal EvaluationStatement[] StatementsFor(string action) => SliceFor(action).Statements;

        /// <summary>
        /// The statements whose Action/NotAction covers <paramref name="action"/> and whose Principal element can name
        /// a caller of <paramref name="callerAccount"/> (null: a caller without an account), in policy order.
        /// </summary>
        internal EvaluationStatement[] StatementsFor(string action, string? callerAccount) => SliceFor(action).For(callerAccount ?? string.Empty);

        // The slice of the previous lookup: requests in a row usually share their action (one request evaluated again,
        // many requests for one action), and comparing two short strings is cheaper than hashing one case-insensitively.
        // A slice is immutable once published, and writing a reference is atomic.
        private ActionSlice? _last;

        private ActionSlice SliceFor(string action)
        {
            var last = _last;
            if (last != null && string.Equals(last.Action, action, StringComparison.OrdinalIgnoreCase))
            {
                return last;
            }

            if (!_byAction.TryGetValue(action, out var slice))
            {
                slice = new ActionSlice(action, Covering(StatementArray, action));
                if (_byAction.Count < MaxCachedActions)
                {
                    slice = _byAction.GetOrAdd(action, slice);
                }
            }

            _last = slice;
            return slice;
        }

        // Separate from the lookups above: a lambda capturing a parameter allocates its closure on entry to the method
        // that declares it, on every call, even when the cache answers.
        private static EvaluationStatement[] Covering(EvaluationStatement[] statements, string action) =>
            statements.Where(s => StatementMatcher.MatchesAction(s, action)).ToArray();

        private static EvaluationStatement[] Naming(EvaluationStatement[] statements, string account) =>
            statements.Where(s => s.PrincipalAccounts == null || Array.IndexOf(s.PrincipalAccounts, account) >= 0).ToArray();

        public override string ToString() => Name;

        private sealed class ActionSlice
        {
            private readonly ConcurrentDictionary<string, AccountSlice> _byAccount = new ConcurrentDictionary<string, AccountSlice>(StringComparer.Ordinal);
            private AccountSlice? _last;

            public ActionSlice(string action, EvaluationStatement[] statements)
            {
                Action = action;
                Statements = statements;
            }

            public string Action { get; }

            public EvaluationStatement[] Statements { get; }

            public EvaluationStatement[] For(string account)
            {
                var last = _last;
                if (last != null && string.Equals(last.Account, account, StringComparison.Ordinal))
                {
                    return last.Statements;
                }

                if (!_byAccount.TryGetValue(account, out var slice))
                {
                    slice = new AccountSlice(account, Naming(Statements, account));
                    if (_byAccount.Count < MaxCachedAccounts)
                    {
                        slice = _byAccount.GetOrAdd(account, slice);
                    }
                }

                _last = slice;
                return slice.Statements;
            }
        }

        private sealed class AccountSlice
        {
            public AccountSlice(string account, EvaluationStatement[] statements)
            {
                Account = account;
                Statements = statements;
            }

            public string Account { get; }

            public EvaluationStatement[] Statements { get; }
        }
    }
}
