using System;
using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Core.Evaluation.Conditions;
using S3CrossAccount.Core.Identifiers;
using S3CrossAccount.Core.Policies.Builders;

namespace S3CrossAccount.Core.Policies.Lint
{
    /// <summary>Checks a policy for mistakes AWS rejects or that do not do what the author meant.</summary>
    public static class PolicyLinter
    {
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

            CheckElementsForKind(s, kind, Add);
            CheckPrincipals(s, Add);

            foreach (var action in (s.Action ?? Enumerable.Empty<string>()).Concat(s.NotAction ?? Enumerable.Empty<string>()))
            {
                if (!IsWellFormedAction(action))
                {
                    // IAM: "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."
                    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
                    Add(FindingSeverity.Error, "MalformedAction", $"'{action}' is not an action: write \"*\" or service:Action, such as s3:GetObject.");
                }
                else if (!ActionCatalog.IsKnown(action))
                {
                    Add(FindingSeverity.Warning, "UnknownAction", $"'{action}' is not an action of the {action.Substring(0, action.IndexOf(':'))} service (checked against the shipped action catalog).");
                }
            }

            foreach (var resource in (s.Resource ?? Enumerable.Empty<string>()).Concat(s.NotResource ?? Enumerable.Empty<string>()))
            {
                if (!IsWellFormedResource(resource))
                {
                    // IAM: "Resource ... must be in ARN format or \"*\"". S3 answers "Policy has invalid resource".
                    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
                    Add(FindingSeverity.Error, "MalformedResource", $"'{resource}' is not a resource: write \"*\" or an ARN such as arn:aws:s3:::bucket/*.");
                }
            }

            if (s.Condition != null)
            {
                foreach (var clause in s.Condition.Clauses)
                {
                    if (!QualifiedConditionOperator.TryParse(clause.Operator, out var op))
                    {
                        Add(FindingSeverity.Error, "InvalidConditionOperator", $"'{clause.Operator}' is not a condition operator.");
                        continue;
                    }

                    CheckConditionValues(clause, op, Add);
                }
            }

            CheckResourceKinds(s, Add);
            AllS3OnEveryResourceCheck.Check(s, Add);

            var isPublic = (s.Principal?.IsPublic ?? false) && s.Effect == PolicyEffect.Allow;
            if (isPublic && (s.Condition == null || s.Condition.Clauses.Count == 0))
            {
                Add(FindingSeverity.Warning, "PublicPrincipalWithoutCondition", "The statement allows everyone (\"*\") without a condition: anyone, including anonymous callers, gets these permissions.");
            }
            else if (isPublic && !s.Condition!.Clauses.Any(LimitsTheCaller))
            {
                Add(FindingSeverity.Warning, "PublicPrincipalNotLimited", "The statement allows everyone (\"*\") and none of its conditions fixes who may call (a fixed aws:SourceIp, aws:SourceVpce, aws:SourceVpc, aws:SourceArn, aws:SourceAccount, aws:SourceOwner, aws:userid, aws:PrincipalOrgID, aws:PrincipalAccount or aws:PrincipalArn): S3 treats such a policy as public.");
            }

            if (kind == PolicyKind.BucketPolicy && LocksOutOwner(s))
            {
                Add(FindingSeverity.Warning, "DenyLocksOutBucketOwner",
                    "This Deny applies to every principal (\"*\", or a NotPrincipal that exempts no account) without a condition and covers changing the bucket policy: the bucket owner's own users and roles can no longer fix it; only the account root user can delete the policy.");
            }
        }

        // Which elements a statement must or must not have depends on where the policy is attached.
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
        // ("You cannot use the Principal element in an identity-based policy"; resource-based policies must name one),
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html (identity-based
        // policy statements must include Resource or NotResource), and
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html (NotPrincipal is
        // not allowed in identity-based or role trust policies, and must be used with Deny). A role trust policy is
        // attached to the role itself: IAM refuses a Resource in it ("Has prohibited field Resource").
        private static void CheckElementsForKind(PolicyStatement s, PolicyKind kind, Action<FindingSeverity, string, string> add)
        {
            var hasResource = s.Resource != null || s.NotResource != null;
            switch (kind)
            {
                case PolicyKind.BucketPolicy:
                    if (s.Principal == null && s.NotPrincipal == null)
                    {
                        add(FindingSeverity.Error, "MissingPrincipal", "A bucket policy statement must name a Principal (or NotPrincipal); S3 rejects it otherwise.");
                    }

                    if (s.NotPrincipal != null && s.Effect == PolicyEffect.Allow)
                    {
                        add(FindingSeverity.Error, "AllowWithNotPrincipal", "NotPrincipal with Allow is not supported: it would allow everyone except the listed principals, anonymous callers included. Name the principals in Principal instead.");
                    }

                    if (!hasResource)
                    {
                        add(FindingSeverity.Error, "MissingResource", "A bucket policy statement must have a Resource (or NotResource) naming the bucket or its objects.");
                    }

                    break;
                case PolicyKind.TrustPolicy:
                    if (s.NotPrincipal != null)
                    {
                        add(FindingSeverity.Error, "NotPrincipalNotAllowed", "A role trust policy cannot use NotPrincipal; name the trusted principals in Principal.");
                    }
                    else if (s.Principal == null)
                    {
                        add(FindingSeverity.Error, "MissingPrincipal", "A role trust policy statement must name the Principal that may assume the role.");
                    }

                    if (hasResource)
                    {
                        add(FindingSeverity.Error, "ResourceNotAllowed", "A role trust policy applies to its own role and cannot have a Resource or NotResource; IAM rejects it.");
                    }

                    break;
                case PolicyKind.ManagedPolicy:
                case PolicyKind.InlineUserPolicy:
                case PolicyKind.InlineRolePolicy:
                case PolicyKind.InlineGroupPolicy:
                    if (s.Principal != null || s.NotPrincipal != null)
                    {
                        add(FindingSeverity.Error, "PrincipalNotAllowed", "An identity-based policy applies to the user, group or role it is attached to and cannot have a Principal or NotPrincipal; IAM rejects it.");
                    }

                    if (!hasResource)
                    {
                        add(FindingSeverity.Error, "MissingResource", "An identity-based policy statement must have a Resource (or NotResource); IAM rejects it otherwise.");
                    }

                    break;
            }
        }

        // AWS principals are "*", a 12-digit account ID, or an IAM/STS ARN; a wildcard cannot stand for part of one
        // ("arn:aws:iam::*:root" is rejected). A principal deleted after the policy was written is shown by AWS as its
        // unique ID (AIDA... for users, AROA... for roles) and no longer matches anyone.
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
        private static void CheckPrincipals(PolicyStatement s, Action<FindingSeverity, string, string> add)
        {
            foreach (var block in new[] { s.Principal, s.NotPrincipal })
            {
                if (block == null || block.IsWildcard)
                {
                    continue;
                }

                foreach (var entry in block.Entries)
                {
                    foreach (var value in entry.Value)
                    {
                        var problem = PrincipalProblem(entry.Key, value, out var severity, out var code);
                        if (problem != null)
                        {
                            add(severity, code, problem);
                        }
                    }
                }
            }
        }

        private static string? PrincipalProblem(string type, string value, out FindingSeverity severity, out string code)
        {
            severity = FindingSeverity.Error;
            code = "InvalidPrincipal";
            if (value == "*")
            {
                return null;
            }

            if (type == PrincipalTypes.CanonicalUser)
            {
                return CanonicalUserId.TryParse(value, out _) ? null : $"'{value}' is not a canonical user ID (64 hexadecimal digits).";
            }

            if (type != PrincipalTypes.Aws)
            {
                return null;
            }

            if (value.IndexOf('*') >= 0 || value.IndexOf('?') >= 0)
            {
                code = "WildcardInPrincipal";
                return $"'{value}' uses a wildcard inside a principal; only \"*\" alone is allowed. To match many principals use \"*\" with a condition on aws:PrincipalArn or aws:PrincipalAccount.";
            }

            if (value.Length == 21 && (value.StartsWith("AIDA", StringComparison.Ordinal) || value.StartsWith("AROA", StringComparison.Ordinal)) && value.All(c => (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            {
                severity = FindingSeverity.Warning;
                code = "DeletedPrincipal";
                return $"'{value}' is the unique ID AWS shows for a user or role that was deleted; it matches no one now (a new identity with the same name gets a new ID). Remove it or name the identity again.";
            }

            // A CloudFront origin access identity (legacy OAI) is written as a pseudo-IAM user of the "cloudfront" account.
            // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
            if (value.StartsWith("arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity ", StringComparison.Ordinal))
            {
                return null;
            }

            // Federated user sessions (GetFederationToken) are principals too, though the module never builds them.
            if (Arn.TryParse(value, out var arn) && arn!.Service == "sts" && arn.Region.Length == 0 && AccountId.IsValid(arn.Account)
                && arn.Resource.StartsWith("federated-user/", StringComparison.Ordinal) && arn.Resource.Length > "federated-user/".Length)
            {
                return null;
            }

            var error = PrincipalArn.Problem(value, out var parsed);
            if (error == null && parsed!.Kind == PrincipalKind.CanonicalUser)
            {
                return $"'{value}' is a canonical user ID; put it under \"CanonicalUser\", not \"AWS\".";
            }

            return error == null ? null : $"'{value}' is not an AWS principal: {error}.";
        }

        private static bool IsWellFormedAction(string action)
        {
            if (action == "*")
            {
                return true;
            }

            var colon = action.IndexOf(':');
            if (colon <= 0 || colon == action.Length - 1)
            {
                return false;
            }

            for (var i = 0; i < colon; i++)
            {
                var c = action[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '*' || c == '?'))
                {
                    return false;
                }
            }

            return true;
        }

        // "*" or arn:partition:service:region:account:resource (any part may hold wildcards or policy variables).
        private static bool IsWellFormedResource(string resource) =>
            resource == "*" || (resource.StartsWith("arn:", StringComparison.Ordinal) && resource.Split(new[] { ':' }, 6).Length == 6);

        // A value of another form than the operator reads (a number, a date, true or false, an IP address or CIDR block,
        // base64) never matches: the condition is then always false (always true for a negated operator), which is never
        // what the author meant. The operator itself says which form it reads.
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
        private static void CheckConditionValues(ConditionClause clause, QualifiedConditionOperator op, Action<FindingSeverity, string, string> add)
        {
            if (op.Operator.ValueForm == null)
            {
                return;
            }

            foreach (var entry in clause.Entries)
            {
                foreach (var value in entry.Values)
                {
                    if (!op.Operator.IsWellFormedValue(value.Text))
                    {
                        add(FindingSeverity.Warning, "InvalidConditionValue", $"{clause.Operator} {entry.Key}: '{value.Text}' is not {op.Operator.ValueForm}, so it never matches.");
                    }
                }
            }
        }

        // S3 calls a bucket policy public unless it grants to fixed principals or to fixed values of these keys; the
        // aws:Principal* keys fix the caller as well. A negated, IfExists or ForAllValues test does not fix anything
        // (a request without the key, or with another value, still passes), nor does a bare "*" value.
        // https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
        private static readonly string[] CallerKeys =
        {
            "aws:SourceIp", "aws:SourceVpce", "aws:SourceVpc", "aws:SourceArn", "aws:SourceAccount", "aws:SourceOwner", "aws:userid",
            "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount", "aws:PrincipalArn", "s3:x-amz-server-side-encryption-aws-kms-key-id",
        };

        private static readonly string[] FixingOperators = { "StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike", "IpAddress" };

        private static bool LimitsTheCaller(ConditionClause clause)
        {
            if (!QualifiedConditionOperator.TryParse(clause.Operator, out var op) || op.Qualifier == SetQualifier.ForAllValues || op.IfExists)
            {
                return false;
            }

            var name = op.Operator.Name;
            return Array.IndexOf(FixingOperators, name) >= 0
                && clause.Entries.Any(e => CallerKeys.Contains(e.Key, StringComparer.OrdinalIgnoreCase) && e.Values.All(v => v.Text != "*" && !(name == "IpAddress" && v.Text.EndsWith("/0", StringComparison.Ordinal))));
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

        private static bool ExemptsAnAccount(PrincipalBlock notPrincipal) =>
            notPrincipal.IsPublic || notPrincipal.Entries.Any(e => e.Key == PrincipalTypes.CanonicalUser
                || (e.Key == PrincipalTypes.Aws && e.Value.Any(v => PrincipalArn.Problem(v, out var p) == null
                    && (p!.Kind == PrincipalKind.AccountId || p.Kind == PrincipalKind.AccountRoot))));

        private static bool LocksOutOwner(PolicyStatement s)
        {
            // "Everyone" is Principal "*", or a NotPrincipal that exempts no account: AWS checks the caller's account
            // before the user or role, so a NotPrincipal naming only a user or role (without its account) exempts
            // no one and the Deny hits every principal of every account, the bucket owner's included.
            // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
            var everyone = (s.Principal?.IsPublic ?? false) || (s.NotPrincipal != null && !ExemptsAnAccount(s.NotPrincipal));
            if (s.Effect != PolicyEffect.Deny || !everyone || (s.Condition != null && s.Condition.Clauses.Count > 0))
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
