using System;
using System.Collections.Generic;
using System.Linq;

namespace S3CrossAccount.Core.Policies
{
    /// <summary>The JSON kind a condition value was written as.</summary>
    public enum ConditionValueKind
    {
        String,
        Boolean,
        Number,
    }

    /// <summary>
    /// One condition value. AWS compares condition values as text ("true" and true are the same for
    /// the Bool operator), so the kind is kept only to write the policy back as it was read.
    /// </summary>
    public readonly struct ConditionValue : IEquatable<ConditionValue>
    {
        public ConditionValue(string text, ConditionValueKind kind)
        {
            Text = text ?? throw new ArgumentNullException(nameof(text));
            Kind = kind;
        }

        /// <summary>The value as text: the string, "true"/"false", or the number's raw JSON text.</summary>
        public string Text { get; }

        public ConditionValueKind Kind { get; }

        public static ConditionValue String(string text) => new ConditionValue(text, ConditionValueKind.String);

        public static ConditionValue Boolean(bool value) => new ConditionValue(value ? "true" : "false", ConditionValueKind.Boolean);

        public bool Equals(ConditionValue other) => Kind == other.Kind && string.Equals(Text, other.Text, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is ConditionValue v && Equals(v);

        public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(Text ?? string.Empty) * 3) + (int)Kind);

        public override string ToString() => Text;
    }

    /// <summary>One condition key and its values (<c>"aws:SourceIp": ["1.2.3.4/32", ...]</c>).</summary>
    public sealed class ConditionEntry : IEquatable<ConditionEntry>
    {
        public ConditionEntry(string key, IEnumerable<ConditionValue> values, bool isSingleValue)
        {
            Key = key ?? throw new ArgumentNullException(nameof(key));
            Values = values?.ToArray() ?? throw new ArgumentNullException(nameof(values));
            if (isSingleValue && Values.Count != 1)
            {
                throw new ArgumentException("The single-value form needs exactly one value.", nameof(isSingleValue));
            }

            IsSingleValue = isSingleValue;
        }

        /// <summary>A key with one string value written as a scalar.</summary>
        public static ConditionEntry Single(string key, string value) => new ConditionEntry(key, new[] { ConditionValue.String(value) }, true);

        public static ConditionEntry Single(string key, bool value) => new ConditionEntry(key, new[] { ConditionValue.Boolean(value) }, true);

        /// <summary>One value as a scalar, several as an array.</summary>
        public static ConditionEntry Of(string key, IEnumerable<string> values)
        {
            var arr = values.Select(ConditionValue.String).ToArray();
            return new ConditionEntry(key, arr, arr.Length == 1);
        }

        public string Key { get; }

        public IReadOnlyList<ConditionValue> Values { get; }

        /// <summary>True when the value was written as a scalar instead of an array.</summary>
        public bool IsSingleValue { get; }

        public bool Equals(ConditionEntry? other) =>
            other != null && other.IsSingleValue == IsSingleValue && string.Equals(Key, other.Key, StringComparison.Ordinal) && Values.SequenceEqual(other.Values);

        public override bool Equals(object? obj) => Equals(obj as ConditionEntry);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

        /// <summary>"key: value", or "key: [a, b]" for a list.</summary>
        public override string ToString() => Key + ": " + (IsSingleValue ? Values[0].Text : "[" + string.Join(", ", Values.Select(v => v.Text)) + "]");
    }

    /// <summary>One condition operator and its keys (<c>"StringEquals": { ... }</c>).</summary>
    public sealed class ConditionClause : IEquatable<ConditionClause>
    {
        public ConditionClause(string @operator, IEnumerable<ConditionEntry> entries)
        {
            Operator = @operator ?? throw new ArgumentNullException(nameof(@operator));
            Entries = entries?.ToArray() ?? throw new ArgumentNullException(nameof(entries));
        }

        /// <summary>The operator as written, including any ForAllValues:/ForAnyValue: prefix and IfExists suffix.</summary>
        public string Operator { get; }

        public IReadOnlyList<ConditionEntry> Entries { get; }

        public bool Equals(ConditionClause? other) =>
            other != null && string.Equals(Operator, other.Operator, StringComparison.Ordinal) && Entries.SequenceEqual(other.Entries);

        public override bool Equals(object? obj) => Equals(obj as ConditionClause);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Operator);

        /// <summary>"StringNotEquals s3:x-amz-acl: bucket-owner-full-control", its entries joined by " and ".</summary>
        public override string ToString() => Operator + " " + string.Join(" and ", Entries);
    }

    /// <summary>
    /// A statement's Condition element: operators in document order, each with its keys and values.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
    /// </summary>
    public sealed class PolicyCondition : IEquatable<PolicyCondition>
    {
        public PolicyCondition(IEnumerable<ConditionClause> clauses)
        {
            Clauses = clauses?.ToArray() ?? throw new ArgumentNullException(nameof(clauses));
        }

        public static PolicyCondition Of(string @operator, params ConditionEntry[] entries) =>
            new PolicyCondition(new[] { new ConditionClause(@operator, entries) });

        public IReadOnlyList<ConditionClause> Clauses { get; }

        /// <summary>The clause for one operator, or null.</summary>
        public ConditionClause? Get(string @operator) => Clauses.FirstOrDefault(c => string.Equals(c.Operator, @operator, StringComparison.Ordinal));

        /// <summary>Adds clauses; a clause whose operator already exists gets its keys appended.</summary>
        public PolicyCondition And(PolicyCondition? other)
        {
            if (other == null)
            {
                return this;
            }

            var list = Clauses.ToList();
            foreach (var clause in other.Clauses)
            {
                var i = list.FindIndex(c => string.Equals(c.Operator, clause.Operator, StringComparison.Ordinal));
                if (i >= 0)
                {
                    list[i] = new ConditionClause(clause.Operator, list[i].Entries.Concat(clause.Entries));
                }
                else
                {
                    list.Add(clause);
                }
            }

            return new PolicyCondition(list);
        }

        /// <summary>
        /// Equal as AWS evaluates it: operators and keys in any order, condition keys compared without
        /// case (AWS: "Condition key names are not case-sensitive"), values as an unordered set of text.
        /// </summary>
        public bool SemanticEquals(PolicyCondition? other)
        {
            if (other == null)
            {
                return false;
            }

            var mine = Flatten();
            var theirs = other.Flatten();
            if (mine.Count != theirs.Count)
            {
                return false;
            }

            foreach (var kv in mine)
            {
                if (!theirs.TryGetValue(kv.Key, out var values) || !values.SetEquals(kv.Value))
                {
                    return false;
                }
            }

            return true;
        }

        // Operator + "\n" + lower-cased key -> set of value texts. Duplicate keys under one operator
        // (possible only when built in code) are unioned.
        private Dictionary<string, HashSet<string>> Flatten()
        {
            var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var clause in Clauses)
            {
                foreach (var entry in clause.Entries)
                {
                    var k = clause.Operator + "\n" + entry.Key.ToLowerInvariant();
                    if (!map.TryGetValue(k, out var set))
                    {
                        map[k] = set = new HashSet<string>(StringComparer.Ordinal);
                    }

                    foreach (var v in entry.Values)
                    {
                        set.Add(v.Text);
                    }
                }
            }

            return map;
        }

        public bool Equals(PolicyCondition? other) => other != null && Clauses.SequenceEqual(other.Clauses);

        public override bool Equals(object? obj) => Equals(obj as PolicyCondition);

        public override int GetHashCode() => Clauses.Count;

        /// <summary>Every clause in words, joined by " and " (AWS requires them all).</summary>
        public override string ToString() => string.Join(" and ", Clauses);
    }
}
