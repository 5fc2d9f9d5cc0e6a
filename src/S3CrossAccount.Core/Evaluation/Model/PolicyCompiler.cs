using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Core.Policies;

namespace S3CrossAccount.Core.Evaluation.Model
{
    /// <summary>Turns a <see cref="PolicyDocument"/> into the evaluator's prepared form (once per policy, not per request).</summary>
    public static class PolicyCompiler
    {
        public static EvaluationPolicy Compile(PolicyDocument policy, string name)
        {
            var statements = policy.Statements.Select((s, i) => Compile(s, i));
            return new EvaluationPolicy(name, statements);
        }

        /// <summary>Parses policy JSON (through <see cref="PolicyJson.Parse"/>, so malformed JSON is an InvalidPolicyJson error) and compiles it.</summary>
        public static EvaluationPolicy Compile(string json, string name) => Compile(PolicyJson.Parse(json), name);

        private static EvaluationStatement Compile(PolicyStatement s, int index)
        {
            var conditions = new List<ConditionTest>();
            if (s.Condition != null)
            {
                foreach (var clause in s.Condition.Clauses)
                {
                    foreach (var entry in clause.Entries)
                    {
                        conditions.Add(new ConditionTest(clause.Operator, entry.Key, entry.Values.Select(v => v.Text)));
                    }
                }
            }

            return new EvaluationStatement(
                s.Effect == PolicyEffect.Allow,
                s.Action?.Values,
                s.NotAction?.Values,
                s.Resource?.Values,
                s.NotResource?.Values,
                Flatten(s.Principal),
                Flatten(s.NotPrincipal),
                s.Principal?.IsWildcard == true,
                conditions,
                s.Sid,
                index);
        }

        private static IEnumerable<KeyValuePair<string, string>>? Flatten(PrincipalBlock? block)
        {
            if (block == null)
            {
                return null;
            }

            if (block.IsWildcard)
            {
                return new[] { new KeyValuePair<string, string>("AWS", "*") };
            }

            return block.Entries.SelectMany(e => e.Value.Values.Select(v => new KeyValuePair<string, string>(e.Key, v))).ToArray();
        }
    }
}
