using System;
using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Core.Policies.Builders;

namespace S3CrossAccount.Core.Policies.Lint
{
    /// <summary>Checks a policy for mistakes AWS rejects or that do not do what the author meant.</summary>
    public static class PolicyLinter
    {
        private static readonly string[] BaseOperators =
        {
            "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
            "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
            "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
            "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null",
        };

        /// <summary>
        /// Size limits. IAM counts characters without whitespace; S3 limits a bucket policy to 20 KB.
        /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
        /// https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html
        /// </summary>
        public static int SizeLimit(PolicyKind kind) => kind switch
        {
            PolicyKind.BucketPolicy => 20 * 1024,
            PolicyKind.TrustPolicy => 2048, // default quota; can be raised to 4,096
            PolicyKind.ManagedPolicy => 6144,
            PolicyKind.InlineUserPolicy => 2048, // aggregate of all inline policies of the user
            PolicyKind.InlineRolePolicy => 10240, // aggregate of all inline policies of the role
            PolicyKind.InlineGroupPolicy => 5120, // aggregate of all inline policies of the group
            _ => int.MaxValue,
        };

        /// <summary>The kind a policy most likely is, for <see cref="PolicyKind.Auto"/>.</summary>
        public static PolicyKind Infer(PolicyDocument policy)
        {
            if (policy.Statements.Any(s => s.Principal != null || s.NotPrincipal != null))
            {
                var trust = policy.Statements.All(s => s.Resource == null && s.NotResource == null
                    && s.Action != null && s.Action.All(a => a.StartsWith("sts:", StringComparison.OrdinalIgnoreCase)));
                return trust ? PolicyKind.TrustPolicy : PolicyKind.BucketPolicy;
            }

            return PolicyKind.ManagedPolicy;
        }

        public static IReadOnlyList<PolicyFinding> Lint(PolicyDocument policy, PolicyKind kind = PolicyKind.Auto)
        {
            if (policy == null)
            {
                throw new ArgumentNullException(nameof(policy));
            }

            if (kind == PolicyKind.Auto)
            {
                kind = Infer(policy);
            }

            var findings = new List<PolicyFinding>();
            CheckDocument(policy, kind, findings);
            for (var i = 0; i < policy.Statements.Count; i++)
            {
                CheckStatement(policy.Statements[i], i, kind, findings);
            }

            return findings;
        }

        private static void CheckDocument(PolicyDocument policy, PolicyKind kind, List<PolicyFinding> findings)
        {
            if (policy.Version == null)
            {
                findings.Add(new PolicyFinding(FindingSeverity.Warning, "MissingVersion",
                    "The policy has no Version; AWS then uses 2008-10-17, where policy variables such as ${aws:username} are plain text. Add \"Version\": \"2012-10-17\"."));
            }
            else if (policy.Version == PolicyDocument.Version2008)
            {
                findings.Add(new PolicyFinding(FindingSeverity.Information, "OldVersion", "Version 2008-10-17 does not support policy variables; use 2012-10-17."));
            }

            var compact = PolicyJson.Write(policy, indented: false);
            var size = kind == PolicyKind.BucketPolicy ? System.Text.Encoding.UTF8.GetByteCount(compact) : compact.Count(c => !char.IsWhiteSpace(c));
            var limit = SizeLimit(kind);
            if (size > limit)
            {
                findings.Add(new PolicyFinding(FindingSeverity.Error, "PolicyTooLarge",
                    $"The policy is {size} {(kind == PolicyKind.BucketPolicy ? "bytes" : "characters without whitespace")}; a {kind} may have at most {limit}."));
            }

            // IAM accepts only U+0009, U+000A, U+000D and U+0020-U+00FF in policy documents.
            // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
            if (kind != PolicyKind.BucketPolicy)
            {
                var bad = compact.FirstOrDefault(c => !(c == '\t' || c == '\n' || c == '\r' || (c >= '\u0020' && c <= '\u00FF')));
                if (bad != default(char))
                {
                    findings.Add(new PolicyFinding(FindingSeverity.Error, "InvalidCharacters",
                        $"The policy contains U+{(int)bad:X4}; IAM policies may contain only tab, line feed, carriage return and U+0020 to U+00FF."));
                }
            }

            foreach (var dup in policy.Statements.Select((s, i) => (s.Sid, i)).Where(x => !string.IsNullOrEmpty(x.Sid)).GroupBy(x => x.Sid, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                var first = dup.First();
                findings.Add(new PolicyFinding(FindingSeverity.Error, "DuplicateSid",
                    $"The Sid '{dup.Key}' is used by statements {string.Join(", ", dup.Select(x => x.i))}; Sids must be unique in a policy.", dup.Skip(1).First().i, dup.Key));
            }
        }

        private static void CheckStatement(PolicyStatement s, int index, PolicyKind kind, List<PolicyFinding> findings)
        {
            void Add(FindingSeverity severity, string code, string message) => findings.Add(new PolicyFinding(severity, code, message, index, s.Sid));

            // IAM Sids are ASCII letters and digits only; S3 bucket policies are more lenient.
            // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html
            if (kind != PolicyKind.BucketPolicy && !string.IsNullOrEmpty(s.Sid) && !s.Sid!.All(c => c < 128 && char.IsLetterOrDigit(c)))
            {
                Add(FindingSeverity.Error, "InvalidSid", $"The Sid '{s.Sid}' has characters other than ASCII letters and digits, which IAM rejects.");
            }

            foreach (var action in (s.Action ?? Enumerable.Empty<string>()).Concat(s.NotAction ?? Enumerable.Empty<string>()))
            {
                if (!ActionCatalog.IsKnown(action))
                {
                    Add(FindingSeverity.Warning, "UnknownAction", $"'{action}' is not an action of the {action.Substring(0, action.IndexOf(':'))} service (checked against the shipped action catalog).");
                }
            }

            if (s.Condition != null)
            {
                foreach (var clause in s.Condition.Clauses)
                {
                    if (!IsValidOperator(clause.Operator))
                    {
                        Add(FindingSeverity.Error, "InvalidConditionOperator", $"'{clause.Operator}' is not a condition operator.");
                    }
                }
            }

            CheckResourceKinds(s, Add);

            var isPublic = (s.Principal?.IsPublic ?? false) && s.Effect == PolicyEffect.Allow;
            if (isPublic && (s.Condition == null || s.Condition.Clauses.Count == 0))
            {
                Add(FindingSeverity.Warning, "PublicPrincipalWithoutCondition", "The statement allows everyone (\"*\") without a condition: anyone, including anonymous callers, gets these permissions.");
            }

            if (kind == PolicyKind.BucketPolicy && LocksOutOwner(s))
            {
                Add(FindingSeverity.Warning, "DenyLocksOutBucketOwner",
                    "This Deny applies to every principal without a condition and covers changing the bucket policy: the bucket owner's own users and roles can no longer fix it; only the account root user can delete the policy.");
            }
        }

        private static bool IsValidOperator(string op)
        {
            var name = op;
            if (name.StartsWith("ForAllValues:", StringComparison.Ordinal))
            {
                name = name.Substring("ForAllValues:".Length);
            }
            else if (name.StartsWith("ForAnyValue:", StringComparison.Ordinal))
            {
                name = name.Substring("ForAnyValue:".Length);
            }

            if (name.EndsWith("IfExists", StringComparison.Ordinal) && name != "IfExists")
            {
                var baseName = name.Substring(0, name.Length - "IfExists".Length);
                return baseName != "Null" && Array.IndexOf(BaseOperators, baseName) >= 0;
            }

            return Array.IndexOf(BaseOperators, name) >= 0;
        }

        // The classic mistake: s3:GetObject on arn:aws:s3:::bucket (objects need bucket/*), or
        // s3:ListBucket on bucket/* (listing needs the bucket ARN). In an ARN, * matches '/' as well.
        private static void CheckResourceKinds(PolicyStatement s, Action<FindingSeverity, string, string> add)
        {
            if (s.Action == null || s.Resource == null)
            {
                return;
            }

            var s3Resources = s.Resource.Where(r => r.StartsWith("arn:", StringComparison.Ordinal) && r.Split(':').Length >= 6 && r.Split(':')[2] == "s3" && r.Split(':')[3].Length == 0).ToList();
            if (s3Resources.Count == 0 || s3Resources.Count != s.Resource.Count)
            {
                return;
            }

            var paths = s3Resources.Select(r => r.Substring(r.IndexOf(":::", StringComparison.Ordinal) + 3)).ToList();
            var anyObject = paths.Any(p => p.IndexOf('/') >= 0 || p.IndexOf('*') >= 0);
            var anyBucket = paths.Any(p => p.IndexOf('/') < 0);
            foreach (var action in s.Action.Where(a => a.StartsWith("s3:", StringComparison.OrdinalIgnoreCase)))
            {
                var scope = S3Actions.ScopeOf(action);
                if (scope == S3ActionScope.Object && !anyObject)
                {
                    add(FindingSeverity.Error, "ObjectActionOnBucketArn", $"{action} acts on objects but the statement names only bucket ARNs ({string.Join(", ", s3Resources)}); use arn:...:s3:::bucket/* for objects.");
                }
                else if (scope == S3ActionScope.Bucket && !anyBucket)
                {
                    add(FindingSeverity.Error, "BucketActionOnObjectArn", $"{action} acts on the bucket but the statement names only object ARNs ({string.Join(", ", s3Resources)}); use arn:...:s3:::bucket.");
                }
            }
        }

        private static bool LocksOutOwner(PolicyStatement s)
        {
            if (s.Effect != PolicyEffect.Deny || !(s.Principal?.IsPublic ?? false) || (s.Condition != null && s.Condition.Clauses.Count > 0))
            {
                return false;
            }

            var coversPolicyChange = s.Action != null
                ? s.Action.Any(a => Wildcard.Matches(a, "s3:PutBucketPolicy", ignoreCase: true))
                : s.NotAction != null && !s.NotAction.Any(a => Wildcard.Matches(a, "s3:PutBucketPolicy", ignoreCase: true));
            var coversBucket = s.Resource != null && s.Resource.Any(r => r == "*" || (r.StartsWith("arn:", StringComparison.Ordinal) && r.Contains(":s3:::") && r.Substring(r.IndexOf(":::", StringComparison.Ordinal) + 3).IndexOf('/') < 0));
            return coversPolicyChange && coversBucket;
        }
    }
}
