using System;
using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Identifiers;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Lint;
using S3CrossAccount.Core.Policies.Merging;

namespace S3CrossAccount.Core.Buckets
{
    /// <summary>
    /// The rules the bucket-policy cmdlets apply before they write: which statements a removal takes,
    /// whether a policy may be written at all (public grants, lint errors, the 20 KB limit).
    /// </summary>
    public static class BucketPolicyEdits
    {
        /// <summary>
        /// Refuses Allow statements whose principal is "*" (or a type with "*"): they grant everyone,
        /// including anonymous callers. The same rule, ErrorId and advice as the policy builders
        /// (PolicyBuilder.Principals); an Allow with NotPrincipal counts as public too. A Deny naming "*"
        /// narrows access and is always allowed.
        /// </summary>
        public static void EnsureNoPublicGrant(PolicyDocument policy, string bucket)
        {
            // Allow with NotPrincipal grants everyone except the principals named, anonymous callers included.
            // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
            var open = policy.Statements.FirstOrDefault(s => s.Effect == PolicyEffect.Allow && ((s.Principal != null && s.Principal.IsPublic) || s.NotPrincipal != null));
            if (open != null)
            {
                throw new XAccountException(ErrorCode.PublicPrincipalNotAllowed,
                    $"The policy for bucket '{bucket}' has an Allow statement{(string.IsNullOrEmpty(open.Sid) ? string.Empty : " (" + open.Sid + ")")} for {(open.NotPrincipal != null ? "everyone but its NotPrincipal" : "the principal \"*\"")}, which would grant access to everyone, including anonymous callers.",
                    "*", "Name the other account or its user/role. If public access is really intended, pass -AllowPublic.");
            }
        }

        /// <summary>
        /// Fails when <paramref name="wanted"/> cannot or should not be written: no statement at all, over
        /// the 20 KB bucket-policy limit, or a lint error (duplicate Sid, object action on a bucket ARN,
        /// ...) in a statement that is new or changed. Statements already in <paramref name="current"/>
        /// are not judged again: a foreign statement someone else wrote must not block a merge.
        /// </summary>
        public static void EnsureWritable(PolicyDocument? current, PolicyDocument wanted, string bucket)
        {
            if (wanted.StatementCount == 0)
            {
                throw new XAccountException(ErrorCode.InvalidPolicyDocument, $"The policy for bucket '{bucket}' has no statement; S3 does not store an empty policy.", bucket,
                    "Give a policy with at least one statement, or remove statements with Remove-XAccountBucketPolicyStatement (which deletes the policy when none is left).");
            }

            var old = current?.Statements ?? Array.Empty<PolicyStatement>();
            var errors = PolicyLinter.Lint(wanted, PolicyKind.BucketPolicy)
                .Where(f => f.Severity == FindingSeverity.Error)
                .Where(f => f.StatementIndex == null || f.Code == "DuplicateSid" || !old.Any(o => o.SemanticEquals(wanted.Statements[f.StatementIndex.Value])))
                .ToList();
            if (errors.Count == 0)
            {
                return;
            }

            var tooLarge = errors.FirstOrDefault(f => f.Code == "PolicyTooLarge");
            if (tooLarge != null)
            {
                throw new XAccountException(ErrorCode.PolicyTooLarge, $"The bucket policy of '{bucket}' would be too large: {tooLarge.Message}", bucket,
                    "Combine principals or actions into fewer statements, or use -Replace with a smaller policy.");
            }

            throw new XAccountException(ErrorCode.InvalidPolicyDocument,
                $"The bucket policy of '{bucket}' would not be valid: " + string.Join(" ", errors.Select(e => e.ToString())), bucket,
                "Fix the statements named above (Test-XAccountPolicy shows every finding), then run the command again.");
        }

        /// <summary>Removes every statement whose Sid is one of <paramref name="sids"/> (exact, case-sensitive as in IAM).</summary>
        public static PolicyDocument RemoveSids(PolicyDocument policy, IEnumerable<string> sids)
        {
            var set = new HashSet<string>(sids ?? throw new ArgumentNullException(nameof(sids)), StringComparer.Ordinal);
            var kept = policy.Statements.Where(s => s.Sid == null || !set.Contains(s.Sid)).ToList();
            return kept.Count == policy.StatementCount ? policy : policy with { Statements = kept };
        }

        /// <summary>
        /// Takes the given principals out of the statements this module wrote (Sid from <see cref="GrantKey"/>);
        /// foreign statements are never touched. A statement left without principals goes; one that still
        /// names others is put back through <see cref="PolicyMerger"/>, so it gets the Sid of its new key and
        /// a later grant for those principals still finds it.
        /// </summary>
        public static PolicyDocument RemoveModulePrincipals(PolicyDocument policy, IEnumerable<string> principals)
        {
            var targets = new HashSet<string>((principals ?? throw new ArgumentNullException(nameof(principals)))
                .Select(PrincipalArn.Parse)
                .Select(p => Key(p.PolicyPrincipalType, p.Value)), StringComparer.Ordinal);

            var kept = new List<PolicyStatement>();
            var reduced = new List<PolicyStatement>();
            foreach (var s in policy.Statements)
            {
                if (!GrantKey.IsModuleSid(s.Sid) || s.Principal == null || s.Principal.IsWildcard)
                {
                    kept.Add(s);
                    continue;
                }

                var remaining = s.Principal.Entries
                    .Select(e => new KeyValuePair<string, PolicyValueList>(e.Key, PolicyValueList.Of(e.Value.Where(v => !targets.Contains(Key(e.Key, v))))))
                    .Where(e => e.Value.Count > 0)
                    .ToList();
                var before = s.Principal.Entries.Sum(e => e.Value.Count);
                if (remaining.Sum(e => e.Value.Count) == before)
                {
                    kept.Add(s);
                }
                else if (remaining.Count > 0)
                {
                    reduced.Add(s with { Sid = null, Principal = PrincipalBlock.FromEntries(remaining) });
                }
            }

            if (kept.Count == policy.StatementCount)
            {
                return policy;
            }

            var result = policy with { Statements = kept };
            return reduced.Count == 0 ? result : PolicyMerger.Merge(result, reduced);
        }

        private static string Key(string type, string value) => type + "|" + PrincipalBlock.CanonicalValue(type, value);
    }
}
