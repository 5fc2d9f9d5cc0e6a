using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Core.Evaluation.Matching;
using S3CrossAccount.Core.Policies;

namespace S3CrossAccount.Core.Evaluation.Model
{
    /// <summary>Turns a <see cref="PolicyDocument"/> into the evaluator's prepared form (once per policy, not per request).</summary>
    public static class PolicyCompiler
    {
        public static EvaluationPolicy Compile(PolicyDocument policy, string name)
        {
            // Variables are substituted only in 2012-10-17 policies; 2008-10-17 (or no Version) reads them as text.
            var variables = policy.Version == PolicyDocument.Version2012;
            var statements = policy.Statements.Select((s, i) => Compile(s, i, variables));
            return new EvaluationPolicy(name, statements);
        }

        /// <summary>Parses policy JSON (through <see cref="PolicyJson.Parse"/>, so malformed JSON is an InvalidPolicyJson error) and compiles it.</summary>
        public static EvaluationPolicy Compile(string json, string name) => Compile(PolicyJson.Parse(json), name);

        private static EvaluationStatement Compile(PolicyStatement s, int index, bool variables)
        {
            var conditions = new List<ConditionTest>();
            if (s.Condition != null)
            {
                foreach (var clause in s.Condition.Clauses)
                {
                    foreach (var entry in clause.Entries)
                    {
                        conditions.Add(new ConditionTest(clause.Operator, entry.Key, entry.Values.Select(v => v.Text), variables));
                    }
                }
            }

            return new EvaluationStatement(
                s.Effect == PolicyEffect.Allow,
                s.Action?.Values,
                s.NotAction?.Values,
                Resources(s.Resource, variables),
                Resources(s.NotResource, variables),
                Flatten(s.Principal),
                Flatten(s.NotPrincipal),
                s.Principal?.IsWildcard == true,
                conditions,
                s.Sid,
                index);
        }

        private static IEnumerable<string>? Resources(PolicyValueList? values, bool variables) =>
            values == null ? null : variables ? values.Values : values.Values.Select(PolicyVariables.Literal);

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
