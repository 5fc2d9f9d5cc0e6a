using System;
using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Core.Evaluation.Acls;
using S3CrossAccount.Core.Evaluation.Matching;
using S3CrossAccount.Core.Identifiers;
using S3CrossAccount.Core.Policies;

namespace S3CrossAccount.Core.Reports
{
    /// <summary>
    /// Reads a bucket's policy, ACLs and its account's roles and lists every principal outside the bucket's
    /// account that they let in. Only grants are listed: a Deny statement takes access away and never gives any,
    /// so it is not a way in (the offline evaluator, Test-XAccountAccess, answers whether a Deny blocks a row).
    /// </summary>
    public static class AccessReportBuilder
    {
        private const string PublicPrincipal = "*";

        /// <summary>The Allow statements of the bucket policy that name principals outside <paramref name="bucketAccount"/>.</summary>
        public static IEnumerable<AccessReportEntry> ForBucketPolicy(string bucket, string bucketAccount, PolicyDocument policy, string? ownerCanonicalId = null)
        {
            for (var i = 0; i < policy.Statements.Count; i++)
            {
                var statement = policy.Statements[i];
                if (statement.Effect != PolicyEffect.Allow)
                {
                    continue;
                }

                var source = string.IsNullOrEmpty(statement.Sid) ? $"statement #{i + 1}" : statement.Sid!;
                var actions = Describe(statement.Action, statement.NotAction);
                var resources = Describe(statement.Resource, statement.NotResource);
                var condition = statement.Condition == null ? null : PolicyJson.WriteCondition(statement.Condition);
                foreach (var (principal, type, account, isPublic) in OutsidePrincipals(statement, bucketAccount, ownerCanonicalId))
                {
                    yield return new AccessReportEntry(bucket, bucketAccount, principal, type, account, AccessPath.BucketPolicy, actions, resources, condition, source, isPublic);
                }
            }
        }

        /// <summary>
        /// The grants of a bucket ACL (<paramref name="key"/> null) or an object ACL to anyone but the bucket owner,
        /// one row per grantee with the actions its permissions allow (acl-overview, "Mapping of ACL permissions").
        /// </summary>
        public static IEnumerable<AccessReportEntry> ForAcl(string bucket, string bucketAccount, string ownerCanonicalId, IEnumerable<AclGrant> grants, string? key = null)
        {
            var onBucket = key == null;
            var resource = onBucket ? S3ResourceArn.ForBucket(bucket) : S3ResourceArn.ForObject(bucket, key!);
            foreach (var grantee in grants.Where(g => !IsOwner(g, bucketAccount, ownerCanonicalId)).GroupBy(g => (g.Kind, g.Grantee)))
            {
                var permissions = grantee.Select(g => g.Permission).Distinct().OrderBy(p => p).ToList();
                var actions = permissions.SelectMany(p => AclActions.GrantedBy(p, onBucket)).Distinct(StringComparer.OrdinalIgnoreCase);
                var (type, account, isPublic) = Classify(grantee.Key.Kind, grantee.Key.Grantee);
                yield return new AccessReportEntry(bucket, bucketAccount, grantee.Key.Grantee, type, account,
                    onBucket ? AccessPath.BucketAcl : AccessPath.ObjectAcl,
                    string.Join(", ", actions), resource, null,
                    string.Join(", ", permissions.Select(AclGrant.PermissionName)), isPublic);
            }
        }

        /// <summary>
        /// A role of the bucket's account whose trust policy lets an outside principal call sts:AssumeRole and whose
        /// permission policies allow S3 actions on the bucket or its objects: one row per outside trusted principal.
        /// </summary>
        public static IEnumerable<AccessReportEntry> ForRole(string bucket, string bucketAccount, string roleArn, PolicyDocument trustPolicy, IEnumerable<PolicyDocument> permissionPolicies)
        {
            var reaching = permissionPolicies.SelectMany(p => p.Statements).Where(s => s.Effect == PolicyEffect.Allow && ReachesBucket(s, bucket)).ToList();
            if (reaching.Count == 0)
            {
                yield break;
            }

            var actions = string.Join(", ", reaching.SelectMany(s => S3Actions(s)).Distinct(StringComparer.OrdinalIgnoreCase));
            var resources = string.Join(", ", reaching.SelectMany(s => s.Resource ?? (IEnumerable<string>)new[] { "NOT " + string.Join(", ", s.NotResource!) }).Distinct(StringComparer.Ordinal));
            foreach (var trust in trustPolicy.Statements.Where(s => s.Effect == PolicyEffect.Allow && AllowsAssumeRole(s)))
            {
                var condition = trust.Condition == null ? null : PolicyJson.WriteCondition(trust.Condition);
                foreach (var (principal, type, account, isPublic) in TrustedOutside(trust, bucketAccount))
                {
                    yield return new AccessReportEntry(bucket, bucketAccount, principal, type, account, AccessPath.Role, actions, resources, condition, roleArn, isPublic);
                }
            }
        }

        /// <summary>True when the trust policy lets some principal outside <paramref name="account"/> call sts:AssumeRole.</summary>
        public static bool TrustsOutside(PolicyDocument trustPolicy, string account) =>
            trustPolicy.Statements.Any(s => s.Effect == PolicyEffect.Allow && AllowsAssumeRole(s) && TrustedOutside(s, account).Any());

        /// <summary>
        /// A trust policy's outside principals, without AWS services: a service principal (ec2.amazonaws.com) acts for
        /// resources of the role's own account, so an instance or Lambda role is not a way in from another account.
        /// </summary>
        private static IEnumerable<(string Principal, string Type, string? Account, bool IsPublic)> TrustedOutside(PolicyStatement trust, string account) =>
            OutsidePrincipals(trust, account, null).Where(p => p.Type != PrincipalTypes.Service);

        private static IEnumerable<(string Principal, string Type, string? Account, bool IsPublic)> OutsidePrincipals(PolicyStatement statement, string bucketAccount, string? ownerCanonicalId)
        {
            if (statement.NotPrincipal != null)
            {
                // Allow with NotPrincipal lets in everyone not listed: in effect a public grant.
                yield return (PublicPrincipal, "Public", null, true);
                yield break;
            }

            if (statement.Principal == null)
            {
                yield break;
            }

            if (statement.Principal.IsWildcard)
            {
                yield return (PublicPrincipal, "Public", null, true);
                yield break;
            }

            foreach (var entry in statement.Principal.Entries)
            {
                foreach (var value in entry.Value)
                {
                    if (value == PublicPrincipal)
                    {
                        yield return (PublicPrincipal, "Public", null, true);
                        continue;
                    }

                    switch (entry.Key)
                    {
                        case PrincipalTypes.Aws:
                            var account = AccountOf(value);
                            if (account != bucketAccount)
                            {
                                yield return (value, PrincipalTypes.Aws, account, false);
                            }

                            break;
                        case PrincipalTypes.CanonicalUser:
                            if (!string.Equals(value, ownerCanonicalId, StringComparison.OrdinalIgnoreCase))
                            {
                                yield return (value, PrincipalTypes.CanonicalUser, null, false);
                            }

                            break;
                        default:
                            // Service and Federated principals are outside every customer account by nature.
                            yield return (value, entry.Key, null, false);
                            break;
                    }
                }
            }
        }

        /// <summary>The account of "123456789012", "arn:aws:iam::123456789012:user/x" or an assumed-role ARN; null if none.</summary>
        private static string? AccountOf(string principal)
        {
            if (AccountId.IsValid(principal))
            {
                return principal;
            }

            var parts = principal.Split(':');
            return parts.Length >= 6 && parts[0] == "arn" && AccountId.IsValid(parts[4]) ? parts[4] : null;
        }

        private static bool IsOwner(AclGrant grant, string bucketAccount, string ownerCanonicalId) =>
            (grant.Kind == AclGranteeKind.CanonicalUser && string.Equals(grant.Grantee, ownerCanonicalId, StringComparison.OrdinalIgnoreCase))
            || (grant.Kind == AclGranteeKind.Account && grant.Grantee == bucketAccount);

        private static (string Type, string? Account, bool IsPublic) Classify(AclGranteeKind kind, string grantee)
        {
            switch (kind)
            {
                case AclGranteeKind.Account:
                    return (PrincipalTypes.Aws, grantee, false);
                case AclGranteeKind.Group:
                    // AllUsers is anyone; AuthenticatedUsers is anyone with an AWS account: both are public.
                    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#specifying-grantee-predefined-groups
                    return ("Group", null, grantee == AclGrant.AllUsersUri || grantee == AclGrant.AuthenticatedUsersUri);
                default:
                    return (PrincipalTypes.CanonicalUser, null, false);
            }
        }

        private static bool AllowsAssumeRole(PolicyStatement statement) =>
            statement.Action != null
                ? statement.Action.Any(a => WildcardMatcher.IsMatch(a, "sts:AssumeRole", ignoreCase: true))
                : statement.NotAction != null && !statement.NotAction.Any(a => WildcardMatcher.IsMatch(a, "sts:AssumeRole", ignoreCase: true));

        /// <summary>The statement's actions that can be S3 actions ("*", "s3:*", "s3:Get*", ...).</summary>
        private static IEnumerable<string> S3Actions(PolicyStatement statement)
        {
            if (statement.Action == null)
            {
                return new[] { "NOT " + string.Join(", ", statement.NotAction!) };
            }

            return statement.Action.Where(a => a == "*" || a.StartsWith("s3:", StringComparison.OrdinalIgnoreCase) || WildcardMatcher.IsMatch(a, "s3:GetObject", ignoreCase: true));
        }

        /// <summary>
        /// True when the statement allows some S3 action on the bucket or on some object in it. Resources match
        /// case-sensitively.
        /// </summary>
        private static bool ReachesBucket(PolicyStatement statement, string bucket)
        {
            if (!S3Actions(statement).Any())
            {
                return false;
            }

            var bucketArn = S3ResourceArn.ForBucket(bucket);
            var objectPrefix = bucketArn + "/";
            if (statement.Resource != null)
            {
                return statement.Resource.Any(r => r == "*" || WildcardMatcher.IsMatch(r, bucketArn, ignoreCase: false) || CanMatchSomethingStartingWith(r, objectPrefix));
            }

            // NotResource: count it as reaching the bucket (better to list a way in that a close reading would
            // rule out than to miss one) unless it excludes the bucket and all its objects by name.
            return statement.NotResource != null
                && !(statement.NotResource.Contains(bucketArn) && statement.NotResource.Contains(objectPrefix + "*"));
        }

        /// <summary>
        /// Whether the glob <paramref name="pattern"/> matches at least one string that begins with
        /// <paramref name="prefix"/>: run the pattern over the prefix as a set of positions; any position left
        /// alive can be completed by some suffix.
        /// </summary>
        internal static bool CanMatchSomethingStartingWith(string pattern, string prefix)
        {
            var alive = new bool[pattern.Length + 1];
            alive[0] = true;
            Close(pattern, alive);
            foreach (var c in prefix)
            {
                var next = new bool[pattern.Length + 1];
                for (var p = 0; p < pattern.Length; p++)
                {
                    if (!alive[p])
                    {
                        continue;
                    }

                    if (pattern[p] == '*')
                    {
                        next[p] = true;
                    }
                    else if (pattern[p] == '?' || pattern[p] == c)
                    {
                        next[p + 1] = true;
                    }
                }

                Close(pattern, next);
                alive = next;
                if (!alive.Any(a => a))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A '*' may match nothing: a live position before it makes the position after it live.</summary>
        private static void Close(string pattern, bool[] alive)
        {
            for (var p = 0; p < pattern.Length; p++)
            {
                if (alive[p] && pattern[p] == '*')
                {
                    alive[p + 1] = true;
                }
            }
        }

        private static string Describe(PolicyValueList? values, PolicyValueList? notValues) =>
            values != null ? string.Join(", ", values) : notValues != null ? "NOT " + string.Join(", ", notValues) : string.Empty;
    }
}
