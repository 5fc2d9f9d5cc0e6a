using System;
using System.Collections.Generic;
using System.Linq;

namespace S3CrossAccount.Core.Policies
{
    /// <summary>
    /// An IAM or S3 policy document. Immutable; build a changed copy with a <c>with</c> expression.
    /// Parse and write it with <see cref="PolicyJson"/>.
    /// </summary>
    public sealed record PolicyDocument
    {
        /// <summary>The current policy language version, which policy variables need.</summary>
        public const string Version2012 = "2012-10-17";

        /// <summary>The older version AWS still accepts.</summary>
        public const string Version2008 = "2008-10-17";

        private readonly IReadOnlyList<PolicyStatement> _statements = Array.Empty<PolicyStatement>();

        public PolicyDocument()
        {
        }

        public PolicyDocument(IEnumerable<PolicyStatement> statements, string? version = Version2012)
        {
            Statements = statements.ToArray();
            Version = version;
        }

        /// <summary>The Version element, or null when the document has none.</summary>
        public string? Version { get; init; } = Version2012;

        /// <summary>The optional Id element.</summary>
        public string? Id { get; init; }

        public IReadOnlyList<PolicyStatement> Statements
        {
            get => _statements;
            init => _statements = value?.ToArray() ?? throw new ArgumentNullException(nameof(Statements));
        }

        /// <summary>The statements under the policy language's own name, so <c>$policy.Statement</c> works as the JSON reads.</summary>
        public IReadOnlyList<PolicyStatement> Statement => _statements;

        /// <summary>
        /// True when the JSON had <c>"Statement": { ... }</c> rather than an array. A preference: it takes
        /// effect only while there is exactly one statement (merging a second one writes an array, removing
        /// it again gives back the single-object form).
        /// </summary>
        public bool StatementIsSingleObject { get; init; }

        public int StatementCount => _statements.Count;

        internal bool WritesSingleObject => StatementIsSingleObject && _statements.Count == 1;

        /// <summary>Every principal the statements name (Principal elements only), distinct, in order.</summary>
        public IReadOnlyList<string> Principals =>
            _statements.Where(s => s.Principal != null).SelectMany(s => s.Principal!.Describe()).Distinct(StringComparer.Ordinal).ToArray();

        /// <summary>Every action the Action elements name, distinct (case-insensitive), in order.</summary>
        public IReadOnlyList<string> Actions =>
            _statements.Where(s => s.Action != null).SelectMany(s => s.Action!).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

        /// <summary>Every resource the Resource elements name, distinct, in order.</summary>
        public IReadOnlyList<string> Resources =>
            _statements.Where(s => s.Resource != null).SelectMany(s => s.Resource!).Distinct(StringComparer.Ordinal).ToArray();

        /// <summary>Every Sid, in order (statements without one are skipped).</summary>
        public IReadOnlyList<string> Sids => _statements.Where(s => !string.IsNullOrEmpty(s.Sid)).Select(s => s.Sid!).ToArray();

        /// <summary>
        /// Equal as AWS evaluates it: same Version and Id, and the same statements in any order, each
        /// compared with <see cref="PolicyStatement.SemanticEquals"/>. The single-object form equals a
        /// one-element array.
        /// </summary>
        public bool SemanticEquals(PolicyDocument? other)
        {
            if (other is null)
            {
                return false;
            }

            if (!string.Equals(Version, other.Version, StringComparison.Ordinal) || !string.Equals(Id, other.Id, StringComparison.Ordinal)
                || _statements.Count != other._statements.Count)
            {
                return false;
            }

            // Multiset match: each of ours consumes one equal statement of theirs.
            var used = new bool[other._statements.Count];
            foreach (var mine in _statements)
            {
                var found = false;
                for (var j = 0; j < used.Length; j++)
                {
                    if (!used[j] && mine.SemanticEquals(other._statements[j]))
                    {
                        used[j] = true;
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    return false;
                }
            }

            return true;
        }

        public bool Equals(PolicyDocument? other) =>
            other is not null
            && string.Equals(Version, other.Version, StringComparison.Ordinal)
            && string.Equals(Id, other.Id, StringComparison.Ordinal)
            && WritesSingleObject == other.WritesSingleObject
            && _statements.SequenceEqual(other._statements);

        public override int GetHashCode() => unchecked((_statements.Count * 397) ^ (Version?.GetHashCode() ?? 0));

        /// <summary>The compact JSON.</summary>
        public override string ToString() => PolicyJson.Write(this, indented: false);
    }
}
