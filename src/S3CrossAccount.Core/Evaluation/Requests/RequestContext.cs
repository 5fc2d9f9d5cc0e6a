using System;
using System.Collections.Generic;

namespace S3CrossAccount.Core.Evaluation.Requests
{
    /// <summary>
    /// The request context keys (aws:SourceIp, s3:x-amz-acl, aws:TagKeys, ...). Key names are
    /// case-insensitive, values keep their case; a key can hold several values (multivalued keys
    /// such as aws:TagKeys are tested with ForAllValues/ForAnyValue).
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
    /// ("Condition key names are not case-sensitive").
    /// </summary>
    public sealed class RequestContext
    {
        private readonly Dictionary<string, string[]> _values = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);

        public RequestContext()
        {
        }

        public RequestContext(IEnumerable<KeyValuePair<string, string>> values)
        {
            foreach (var pair in values)
            {
                Set(pair.Key, pair.Value);
            }
        }

        public IEnumerable<string> Keys => _values.Keys;

        public int Count => _values.Count;

        /// <summary>Sets a key to one value (replacing any earlier value).</summary>
        public RequestContext Set(string key, string value)
        {
            _values[key] = new[] { value };
            return this;
        }

        /// <summary>Sets a multivalued key.</summary>
        public RequestContext Set(string key, IEnumerable<string> values)
        {
            _values[key] = new List<string>(values).ToArray();
            return this;
        }

        /// <summary>Sets the key only when the caller did not give it already.</summary>
        public RequestContext SetDefault(string key, string value)
        {
            if (!_values.ContainsKey(key))
            {
                _values[key] = new[] { value };
            }

            return this;
        }

        public bool Remove(string key) => _values.Remove(key);

        /// <summary>The key's values; false when the key is not in the request.</summary>
        public bool TryGetValues(string key, out IReadOnlyList<string> values)
        {
            if (_values.TryGetValue(key, out var found))
            {
                values = found;
                return true;
            }

            values = Array.Empty<string>();
            return false;
        }

        /// <summary>The key's value when it has exactly one; null otherwise.</summary>
        public string? GetSingle(string key) =>
            _values.TryGetValue(key, out var found) && found.Length == 1 ? found[0] : null;

        public RequestContext Clone()
        {
            var copy = new RequestContext();
            foreach (var pair in _values)
            {
                copy._values[pair.Key] = pair.Value;
            }

            return copy;
        }
    }
}
