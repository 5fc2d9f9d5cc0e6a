using System;
using System.Collections.Generic;
using System.Linq;

namespace S3CrossAccount.Core.Evaluation.Results
{
    /// <summary>
    /// The answer of the offline evaluator: the decision, a one-line reason, each layer's verdict with its
    /// deciding statements, and (only when asked) the trace of every statement.
    /// </summary>
    public sealed class AccessDecision
    {
        internal AccessDecision(string principal, string action, string resource, DecisionRule rule, string reason, IReadOnlyList<LayerAnalysis> layers, IReadOnlyList<StatementTrace>? trace)
        {
            Principal = principal;
            Action = action;
            Resource = resource;
            Rule = rule;
            Decision = rule.DecisionOf();
            Reason = reason;
            Layers = layers;
            Trace = trace;
        }

        public string Principal { get; }

        public string Action { get; }

        public string Resource { get; }

        public Decision Decision { get; }

        /// <summary>The rule of the cascade that decided: the reason as data.</summary>
        public DecisionRule Rule { get; }

        public bool Allowed => Decision == Decision.Allowed;

        public string Reason { get; }

        public IReadOnlyList<LayerAnalysis> Layers { get; }

        /// <summary>Every statement with why it did or did not apply; null unless a detailed evaluation was asked for.</summary>
        public IReadOnlyList<StatementTrace>? Trace { get; }

        /// <summary>Every condition test of the trace, as data; empty unless a detailed evaluation was asked for.</summary>
        public IEnumerable<ConditionResult> ConditionResults => Trace?.SelectMany(t => t.ConditionResults) ?? Enumerable.Empty<ConditionResult>();

        /// <summary>All deciding statements across layers.</summary>
        public IEnumerable<StatementRef> DecidingStatements => Layers.SelectMany(l => l.Statements);

        public LayerAnalysis? Layer(PolicyLayer layer) => Layers.FirstOrDefault(l => l.Layer == layer);

        public override string ToString() => $"{Decision}: {Reason}";
    }
}
