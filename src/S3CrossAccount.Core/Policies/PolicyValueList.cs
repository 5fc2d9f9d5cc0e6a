using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace S3CrossAccount.Core.Policies
{
    /// <summary>
    /// The values of Action, NotAction, Resource, NotResource or of one principal type: a list of
    /// strings that remembers whether the JSON had a single string or an array, so a policy is
    /// written back in the form it was read. AWS treats both forms alike.
    /// </summary>
    public sealed class PolicyValueList : IReadOnlyList<string>, IEquatable<PolicyValueList>
    {
        private readonly string[] _values;

        private PolicyValueList(string[] values, bool isSingleString)
        {
            _values = values;
            IsSingleString = isSingleString;
        }

        /// <summary>True when written as one JSON string instead of an array.</summary>
        public bool IsSingleString { get; }

        public IReadOnlyList<string> Values => _values;

        public int Count => _values.Length;

        public string this[int index] => _values[index];

        /// <summary>One value written as a JSON string.</summary>
        public static PolicyValueList Single(string value)
        {
            if (value == null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            return new PolicyValueList(new[] { value }, true);
        }

        /// <summary>Values written as a JSON array (even when there is only one).</summary>
        public static PolicyValueList Array(IEnumerable<string> values)
        {
            var arr = values?.ToArray() ?? throw new ArgumentNullException(nameof(values));
            if (arr.Any(v => v == null))
            {
                throw new ArgumentException("A value is null.", nameof(values));
            }

            return new PolicyValueList(arr, false);
        }

        public static PolicyValueList Array(params string[] values) => Array((IEnumerable<string>)values);

        /// <summary>One value as a string, several as an array: the form the AWS examples use.</summary>
        public static PolicyValueList Of(IEnumerable<string> values)
        {
            var arr = values?.ToArray() ?? throw new ArgumentNullException(nameof(values));
            return arr.Length == 1 ? Single(arr[0]) : Array(arr);
        }

        public static PolicyValueList Of(params string[] values) => Of((IEnumerable<string>)values);

        /// <summary>Same values, set semantics: order, duplicates and single-vs-array form ignored.</summary>
        public bool SetEquals(PolicyValueList? other, StringComparer comparer)
        {
            if (other == null)
            {
                return false;
            }

            return new HashSet<string>(_values, comparer).SetEquals(other._values);
        }

        /// <summary>Exact equality: same values in the same order and the same JSON form.</summary>
        public bool Equals(PolicyValueList? other) =>
            other != null && other.IsSingleString == IsSingleString && _values.SequenceEqual(other._values, StringComparer.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as PolicyValueList);

        public override int GetHashCode()
        {
            var h = IsSingleString ? 1 : 0;
            foreach (var v in _values)
            {
                h = unchecked((h * 31) + StringComparer.Ordinal.GetHashCode(v));
            }

            return h;
        }

        public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_values).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => _values.GetEnumerator();

        public override string ToString() => IsSingleString ? _values[0] : "[" + string.Join(", ", _values) + "]";
    }
}
