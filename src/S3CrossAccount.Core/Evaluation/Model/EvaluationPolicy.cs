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

        // Action matching depends on nothing but the action, so the statements whose Action/NotAction covers
        // an action are computed once per action and reused by every later request.
        private readonly ConcurrentDictionary<string, EvaluationStatement[]> _byAction = new ConcurrentDictionary<string, EvaluationStatement[]>(StringComparer.OrdinalIgnoreCase);

        public EvaluationPolicy(string name, IEnumerable<EvaluationStatement> statements)
        {
            Name = name;
            StatementArray = statements.ToArray();
        }

        public string Name { get; }

        public IReadOnlyList<EvaluationStatement> Statements => StatementArray;

        internal EvaluationStatement[] StatementArray { get; }

        /// <summary>The statements whose Action/NotAction covers <paramref name="action"/>, in policy order.</summary>
        internal EvaluationStatement[] StatementsFor(string action)
        {
            if (_byAction.TryGetValue(action, out var cached))
            {
                return cached;
            }

            var found = StatementArray.Where(s => StatementMatcher.MatchesAction(s, action)).ToArray();
            if (_byAction.Count < MaxCachedActions)
            {
                _byAction.TryAdd(action, found);
            }

            return found;
        }

        public override string ToString() => Name;
    }
}
