using System;
using System.Collections.Generic;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation.Requests;

namespace S3CrossAccount.Core.Evaluation.Conditions
{
    /// <summary>
    /// A parsed condition operator as written in a policy, such as <c>ForAllValues:StringLikeIfExists</c>:
    /// the set qualifier, the operator, and the IfExists flag. Applies the rules that are the same for
    /// every operator:
    /// <list type="bullet">
    /// <item>key missing from the request: false, except true for a negated operator
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html);</item>
    /// <item>...IfExists: true when the key is missing, otherwise the operator decides
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists);</item>
    /// <item>ForAllValues: true when every context value matches, and when the key is missing or empty;
    /// ForAnyValue: true when at least one matches, false when missing
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html);</item>
    /// <item>Null: tests presence itself.</item>
    /// </list>
    /// </summary>
    public sealed class QualifiedConditionOperator
    {
        private const string ForAllValuesPrefix = "ForAllValues:";
        private const string ForAnyValuePrefix = "ForAnyValue:";
        private const string IfExistsSuffix = "IfExists";

        private QualifiedConditionOperator(string text, SetQualifier qualifier, IConditionOperator op, bool ifExists)
        {
            Text = text;
            Qualifier = qualifier;
            Operator = op;
            IfExists = ifExists;
        }

        /// <summary>The operator exactly as written in the policy.</summary>
        public string Text { get; }

        public SetQualifier Qualifier { get; }

        public IConditionOperator Operator { get; }

        public bool IfExists { get; }

        private bool IsNullCheck => Operator is NullOperator;

        public static bool TryParse(string text, out QualifiedConditionOperator clause)
        {
            clause = null!;
            if (string.IsNullOrEmpty(text))
            {
                return false;
            }

            var qualifier = SetQualifier.None;
            var rest = text;
            if (rest.StartsWith(ForAllValuesPrefix, StringComparison.Ordinal))
            {
                qualifier = SetQualifier.ForAllValues;
                rest = rest.Substring(ForAllValuesPrefix.Length);
            }
            else if (rest.StartsWith(ForAnyValuePrefix, StringComparison.Ordinal))
            {
                qualifier = SetQualifier.ForAnyValue;
                rest = rest.Substring(ForAnyValuePrefix.Length);
            }

            if (ConditionOperatorRegistry.TryGet(rest, out var op))
            {
                clause = new QualifiedConditionOperator(text, qualifier, op, ifExists: false);
                return true;
            }

            // Null has no IfExists form: checking existence is what it does.
            if (rest.EndsWith(IfExistsSuffix, StringComparison.Ordinal)
                && ConditionOperatorRegistry.TryGet(rest.Substring(0, rest.Length - IfExistsSuffix.Length), out op)
                && !(op is NullOperator))
            {
                clause = new QualifiedConditionOperator(text, qualifier, op, ifExists: true);
                return true;
            }

            return false;
        }

        public static QualifiedConditionOperator Parse(string text)
        {
            if (TryParse(text, out var clause))
            {
                return clause;
            }

            throw new XAccountException(
                ErrorCode.UnknownConditionOperator,
                $"'{text}' is not an IAM condition operator.",
                text,
                "Use an operator from https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html (for example StringEquals, ArnLike, IpAddress, Bool, Null), optionally with IfExists or a ForAllValues:/ForAnyValue: prefix.");
        }

        /// <summary>Evaluates this operator for one condition key against its policy values.</summary>
        public bool Evaluate(string key, IReadOnlyList<string> policyValues, RequestContext context, ICollection<string>? explanation = null)
        {
            context.TryGetValues(key, out var values);
            if (IsNullCheck)
            {
                return Operator.Match(values, policyValues, context, explanation);
            }

            bool missing = values.Count == 0;
            if (missing)
            {
                bool result;
                string why;
                if (IfExists)
                {
                    result = true;
                    why = "IfExists and the key is absent";
                }
                else if (Qualifier == SetQualifier.ForAllValues)
                {
                    result = true;
                    why = "ForAllValues with no values in the request is true";
                }
                else if (Qualifier == SetQualifier.ForAnyValue)
                {
                    result = false;
                    why = "ForAnyValue with no values in the request is false";
                }
                else
                {
                    result = Operator.IsNegative;
                    why = Operator.IsNegative ? "the key is absent, a negated operator is then true" : "the key is absent";
                }

                explanation?.Add($"{Text} {key}: {why} -> {(result ? "true" : "false")}");
                return result;
            }

            switch (Qualifier)
            {
                case SetQualifier.ForAllValues:
                    for (int i = 0; i < values.Count; i++)
                    {
                        if (!Operator.Match(new[] { values[i] }, policyValues, context, explanation))
                        {
                            return false;
                        }
                    }

                    return true;
                case SetQualifier.ForAnyValue:
                    for (int i = 0; i < values.Count; i++)
                    {
                        if (Operator.Match(new[] { values[i] }, policyValues, context, explanation))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return Operator.Match(values, policyValues, context, explanation);
            }
        }

        public override string ToString() => Text;
    }
}
