using System;
using System.Collections.Generic;

namespace S3CrossAccount.Core.Evaluation.Results
{
    /// <summary>One layer's verdict and the statements (or ACL grants) behind it.</summary>
    public sealed class LayerAnalysis
    {
        public LayerAnalysis(PolicyLayer layer, LayerOutcome outcome, IReadOnlyList<StatementRef>? statements = null, string? note = null)
        {
            Layer = layer;
            Outcome = outcome;
            Statements = statements ?? Array.Empty<StatementRef>();
            Note = note;
        }

        public PolicyLayer Layer { get; }

        public LayerOutcome Outcome { get; }

        /// <summary>The deciding statements: the Deny statements for Deny, the Allow statements for Allow.</summary>
        public IReadOnlyList<StatementRef> Statements { get; }

        /// <summary>Why, in words, when the outcome needs it (ACLs disabled, object owned by another account...).</summary>
        public string? Note { get; }

        public override string ToString() => $"{Layer}: {Outcome}" + (Note != null ? " (" + Note + ")" : string.Empty);
    }
}
