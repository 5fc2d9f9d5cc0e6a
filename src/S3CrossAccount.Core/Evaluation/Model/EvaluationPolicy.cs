using System.Collections.Generic;
using System.Linq;

namespace S3CrossAccount.Core.Evaluation.Model
{
    /// <summary>A named policy ready for evaluation (an identity policy, the bucket policy, a trust policy, an SCP...).</summary>
    public sealed class EvaluationPolicy
    {
        public EvaluationPolicy(string name, IEnumerable<EvaluationStatement> statements)
        {
            Name = name;
            Statements = statements.ToArray();
        }

        public string Name { get; }

        public IReadOnlyList<EvaluationStatement> Statements { get; }

        public override string ToString() => Name;
    }
}
