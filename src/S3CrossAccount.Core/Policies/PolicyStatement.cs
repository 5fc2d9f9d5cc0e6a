using System;
using System.Collections.Generic;
using System.Linq;

namespace S3CrossAccount.Core.Policies
{
    public enum PolicyEffect
    {
        Allow,
        Deny,
    }

    /// <summary>
    /// One statement of a policy. Immutable; build a changed copy with a <c>with</c> expression.
    /// Exact equality (<see cref="Equals(PolicyStatement)"/>) compares everything including value order
    /// and JSON forms; <see cref="SemanticEquals"/> compares what AWS evaluates.
    /// </summary>
    public sealed record PolicyStatement
    {
        /// <summary>Statement ID; null when absent (an empty string "" is kept as written).</summary>
        public string? Sid { get; init; }

        public PolicyEffect Effect { get; init; }

        public PrincipalBlock? Principal { get; init; }

        public PrincipalBlock? NotPrincipal { get; init; }

        public PolicyValueList? Action { get; init; }

        public PolicyValueList? NotAction { get; init; }

        public PolicyValueList? Resource { get; init; }

        public PolicyValueList? NotResource { get; init; }

        public PolicyCondition? Condition { get; init; }

        /// <summary>
        /// What the statement grants or denies, in words, one line per element: "s3:GetObject, s3:PutObject",
        /// "on arn:aws:s3:::bucket/*", "to arn:aws:iam::222233334444:user/Name", "if StringEquals s3:x-amz-acl:
        /// bucket-owner-full-control". The Not- forms read "all actions except ...", "all resources except ...",
        /// "everyone except ...". The views print these lines beside the Effect.
        /// </summary>
        public IReadOnlyList<string> Describe()
        {
            var lines = new List<string>
            {
                NotAction != null ? "all actions except " + string.Join(", ", NotAction) : string.Join(", ", Action ?? Enumerable.Empty<string>()),
            };
            if (Resource != null || NotResource != null)
            {
                lines.Add("on " + (NotResource != null ? "all resources except " + string.Join(", ", NotResource) : string.Join(", ", Resource!)));
            }

            if (Principal != null || NotPrincipal != null)
            {
                lines.Add("to " + (NotPrincipal != null ? "everyone except " + NotPrincipal : Principal!.ToString()));
            }

            if (Condition != null && Condition.Clauses.Count > 0)
            {
                lines.Add("if " + Condition);
            }

            return lines;
        }

        /// <summary>The statement in words on one line: "Sid 112: Deny s3:PutObject on ... to ... if ...".</summary>
        public override string ToString() => (string.IsNullOrEmpty(Sid) ? string.Empty : "Sid " + Sid + ": ") + Effect + " " + string.Join(" ", Describe());

        /// <summary>
        /// Equal as AWS evaluates it: Sid compared with null and "" alike, actions without case
        /// (AWS: action names are case-insensitive), resources and principals as sets of exact text,
        /// conditions as described on <see cref="PolicyCondition.SemanticEquals"/>.
        /// </summary>
        public bool SemanticEquals(PolicyStatement? other)
        {
            if (other is null)
            {
                return false;
            }

            return string.Equals(Sid ?? string.Empty, other.Sid ?? string.Empty, StringComparison.Ordinal)
                && Effect == other.Effect
                && PrincipalEquals(Principal, other.Principal)
                && PrincipalEquals(NotPrincipal, other.NotPrincipal)
                && ListEquals(Action, other.Action, StringComparer.OrdinalIgnoreCase)
                && ListEquals(NotAction, other.NotAction, StringComparer.OrdinalIgnoreCase)
                && ListEquals(Resource, other.Resource, StringComparer.Ordinal)
                && ListEquals(NotResource, other.NotResource, StringComparer.Ordinal)
                && ConditionEquals(Condition, other.Condition);
        }

        public bool Equals(PolicyStatement? other) =>
            other is not null
            && string.Equals(Sid, other.Sid, StringComparison.Ordinal)
            && Effect == other.Effect
            && Equals(Principal, other.Principal)
            && Equals(NotPrincipal, other.NotPrincipal)
            && Equals(Action, other.Action)
            && Equals(NotAction, other.NotAction)
            && Equals(Resource, other.Resource)
            && Equals(NotResource, other.NotResource)
            && Equals(Condition, other.Condition);

        public override int GetHashCode() => unchecked(((int)Effect * 397) ^ (Sid == null ? 0 : StringComparer.Ordinal.GetHashCode(Sid)) ^ (Action?.GetHashCode() ?? 0));

        private static bool PrincipalEquals(PrincipalBlock? a, PrincipalBlock? b) => a == null ? b == null : a.SemanticEquals(b);

        private static bool ListEquals(PolicyValueList? a, PolicyValueList? b, StringComparer comparer) => a == null ? b == null : a.SetEquals(b, comparer);

        // An empty Condition object is the same as no Condition for evaluation.
        private static bool ConditionEquals(PolicyCondition? a, PolicyCondition? b)
        {
            var aEmpty = a == null || a.Clauses.Count == 0;
            var bEmpty = b == null || b.Clauses.Count == 0;
            if (aEmpty || bEmpty)
            {
                return aEmpty && bEmpty;
            }

            return a!.SemanticEquals(b);
        }
    }
}
