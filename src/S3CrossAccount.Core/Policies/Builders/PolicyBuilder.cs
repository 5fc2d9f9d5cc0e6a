using System;
using System.Collections.Generic;
using System.Linq;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Identifiers;

namespace S3CrossAccount.Core.Policies.Builders
{
    /// <summary>How an upload must give the bucket owner full control (seed 001 step 1.2).</summary>
    public enum OwnerFullControlForm
    {
        /// <summary>Deny PutObject unless s3:x-amz-grant-full-control is "id=&lt;bucket owner canonical ID&gt;".</summary>
        GrantFullControlHeader,

        /// <summary>Deny PutObject unless s3:x-amz-acl is "bucket-owner-full-control".</summary>
        CannedAcl,
    }

    public sealed record BucketPolicyOptions
    {
        /// <summary>Allow "*" or {"AWS":"*"} principals (public access). Off by default.</summary>
        public bool AllowPublic { get; init; }

        /// <summary>Adds the Deny that forces uploads to give the bucket owner full control.</summary>
        public OwnerFullControlForm? RequireBucketOwnerFullControl { get; init; }

        /// <summary>The bucket owner's canonical user ID; needed for <see cref="OwnerFullControlForm.GrantFullControlHeader"/>.</summary>
        public string? BucketOwnerCanonicalId { get; init; }
    }

    public sealed record TrustPolicyOptions
    {
        /// <summary>sts:ExternalId the caller must pass (StringEquals).</summary>
        public string? ExternalId { get; init; }

        /// <summary>Bool aws:MultiFactorAuthPresent = true.</summary>
        public bool RequireMfa { get; init; }

        /// <summary>aws:PrincipalOrgID the caller's account must belong to (StringEquals).</summary>
        public string? PrincipalOrgId { get; init; }

        public bool AllowPublic { get; init; }
    }

    /// <summary>
    /// Builds every policy the cross-account seed documents show. Output follows the AWS examples:
    /// Version 2012-10-17, no Sid, one value as a string and several as an array.
    /// </summary>
    public static class PolicyBuilder
    {
        public const string AssumeRoleAction = "sts:AssumeRole";

        /// <summary>The identity policy for the user or role in the other account (seeds 000 and 002, step 3).</summary>
        public static PolicyDocument IdentityPolicy(S3AccessRequest request) =>
            new PolicyDocument(S3Statements(request, GrantSide.IdentityCrossAccount, null));

        /// <summary>The bucket policy in the bucket account naming the other account's principals (seeds 000, 001, 002).</summary>
        public static PolicyDocument BucketPolicy(S3AccessRequest request, IEnumerable<string> principals, BucketPolicyOptions? options = null)
        {
            options ??= new BucketPolicyOptions();
            var principal = Principals(principals, options.AllowPublic, allowCanonicalUser: true);
            var statements = S3Statements(request, GrantSide.BucketPolicy, principal).ToList();
            if (options.RequireBucketOwnerFullControl is OwnerFullControlForm form)
            {
                if (!statements.Any(s => s.Action != null && s.Action.Any(a => a.Equals(S3Actions.PutObject, StringComparison.OrdinalIgnoreCase) || a == "s3:*" || a == "s3:Put*")))
                {
                    throw new XAccountException(ErrorCode.InvalidParameterCombination,
                        "Requiring bucket-owner full control only makes sense when the policy allows s3:PutObject.", "RequireBucketOwnerFullControl",
                        "Use -Access Write, ReadWrite or Console, or include s3:PutObject in -Action.");
                }

                statements.Add(OwnerFullControlDeny(principal, request.Bucket, request.Prefix, form, options.BucketOwnerCanonicalId, request.Partition));
            }

            return new PolicyDocument(statements);
        }

        /// <summary>
        /// The Deny of seed 001: PutObject is refused unless the upload grants the bucket owner full control.
        /// https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-walkthroughs-managing-access-example4.html
        /// </summary>
        public static PolicyStatement OwnerFullControlDeny(PrincipalBlock principal, string bucket, string? prefix, OwnerFullControlForm form, string? bucketOwnerCanonicalId, string partition = Partition.Aws)
        {
            ConditionEntry entry;
            if (form == OwnerFullControlForm.GrantFullControlHeader)
            {
                if (string.IsNullOrEmpty(bucketOwnerCanonicalId))
                {
                    throw new XAccountException(ErrorCode.InvalidParameterCombination,
                        "The x-amz-grant-full-control form needs the bucket owner's canonical user ID.", "BucketOwnerCanonicalId",
                        "Pass -BucketOwnerCanonicalId (the 64-hex ID of the bucket account), or use the canned ACL form (bucket-owner-full-control).");
                }

                entry = ConditionEntry.Single("s3:x-amz-grant-full-control", "id=" + CanonicalUserId.Parse(bucketOwnerCanonicalId).Value);
            }
            else
            {
                entry = ConditionEntry.Single("s3:x-amz-acl", "bucket-owner-full-control");
            }

            return new PolicyStatement
            {
                Effect = PolicyEffect.Deny,
                Principal = principal,
                Action = PolicyValueList.Single(S3Actions.PutObject),
                Resource = PolicyValueList.Single(S3ResourceArn.ForObjects(bucket, prefix, partition)),
                Condition = PolicyCondition.Of("StringNotEquals", entry),
            };
        }

        /// <summary>A role's access policy in the bucket account; Console adds the listing statements (seeds 000, 001, 002).</summary>
        public static PolicyDocument AccessPolicy(S3AccessRequest request) =>
            new PolicyDocument(S3Statements(request, GrantSide.RoleInBucketAccount, null));

        /// <summary>A role's trust policy letting other-account principals call sts:AssumeRole (seeds 000, 001, 002).</summary>
        public static PolicyDocument TrustPolicy(IEnumerable<string> trustedPrincipals, TrustPolicyOptions? options = null)
        {
            options ??= new TrustPolicyOptions();
            var principal = Principals(trustedPrincipals, options.AllowPublic, allowCanonicalUser: false);
            var conditions = new List<ConditionClause>();
            var stringEquals = new List<ConditionEntry>();
            if (options.ExternalId != null)
            {
                stringEquals.Add(ConditionEntry.Single("sts:ExternalId", ValidateExternalId(options.ExternalId)));
            }

            if (options.PrincipalOrgId != null)
            {
                stringEquals.Add(ConditionEntry.Single("aws:PrincipalOrgID", ValidateOrgId(options.PrincipalOrgId)));
            }

            if (stringEquals.Count > 0)
            {
                conditions.Add(new ConditionClause("StringEquals", stringEquals));
            }

            if (options.RequireMfa)
            {
                // The IAM examples write the value as the string "true".
                // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
                conditions.Add(new ConditionClause("Bool", new[] { ConditionEntry.Single("aws:MultiFactorAuthPresent", "true") }));
            }

            return new PolicyDocument(new[]
            {
                new PolicyStatement
                {
                    Effect = PolicyEffect.Allow,
                    Principal = principal,
                    Action = PolicyValueList.Single(AssumeRoleAction),
                    Condition = conditions.Count == 0 ? null : new PolicyCondition(conditions),
                },
            });
        }

        /// <summary>
        /// The identity policy in the other account that lets its user call sts:AssumeRole on the roles
        /// (seeds 000/002 write Statement as a single object, as this does).
        /// </summary>
        public static PolicyDocument AssumeRolePolicy(IEnumerable<string> roleArns)
        {
            var roles = roleArns?.ToList() ?? throw new ArgumentNullException(nameof(roleArns));
            if (roles.Count == 0)
            {
                throw new XAccountException(ErrorCode.InvalidArn, "No role ARN was given.", null, "Pass -RoleArn arn:aws:iam::111122223333:role/RoleName.");
            }

            foreach (var r in roles)
            {
                var p = PrincipalArn.Parse(r);
                if (p.Kind != PrincipalKind.Role)
                {
                    throw new XAccountException(ErrorCode.InvalidArn, $"'{r}' is not a role ARN; sts:AssumeRole needs arn:aws:iam::account:role/name.", r,
                        "Pass the ARN of the role to assume, for example arn:aws:iam::111122223333:role/examplerole.");
                }
            }

            return new PolicyDocument(new[]
            {
                new PolicyStatement
                {
                    Effect = PolicyEffect.Allow,
                    Action = PolicyValueList.Single(AssumeRoleAction),
                    Resource = PolicyValueList.Of(roles.Distinct(StringComparer.Ordinal)),
                },
            })
            { StatementIsSingleObject = true };
        }

        /// <summary>The S3 statements for a request: account-level, bucket-level, then object-level, each only when non-empty.</summary>
        public static IReadOnlyList<PolicyStatement> S3Statements(S3AccessRequest request, GrantSide side, PrincipalBlock? principal)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            var partition = Partition.Check(request.Partition);
            var bucketArn = S3ResourceArn.ForBucket(request.Bucket, partition);
            var objectsArn = S3ResourceArn.ForObjects(request.Bucket, request.Prefix, partition);
            var prefix = S3ResourceArn.NormalizePrefix(request.Prefix);

            List<string> account, bucket, objects;
            if (request.Actions != null && request.Actions.Count > 0)
            {
                account = new List<string>();
                bucket = new List<string>();
                objects = new List<string>();
                foreach (var a in request.Actions.Select(a => S3Actions.Validate(a, s3Only: true)).Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    switch (S3Actions.ScopeOf(a))
                    {
                        case S3ActionScope.Account:
                            if (side == GrantSide.BucketPolicy)
                            {
                                throw new XAccountException(ErrorCode.InvalidAction, $"{a} is an account-level action; a bucket policy cannot grant it.", a,
                                    "Grant it in an identity policy (New-XAccountIdentityPolicy) instead.");
                            }

                            account.Add(a);
                            break;
                        case S3ActionScope.Bucket:
                            bucket.Add(a);
                            break;
                        case S3ActionScope.Object:
                            objects.Add(a);
                            break;
                        default:
                            bucket.Add(a);
                            objects.Add(a);
                            break;
                    }
                }
            }
            else
            {
                account = S3Actions.ForPreset(request.Access, S3ActionScope.Account, side, request.IncludeObjectVersions).ToList();
                bucket = S3Actions.ForPreset(request.Access, S3ActionScope.Bucket, side, request.IncludeObjectVersions).ToList();
                objects = S3Actions.ForPreset(request.Access, S3ActionScope.Object, side, request.IncludeObjectVersions).ToList();
            }

            var statements = new List<PolicyStatement>(4);
            if (account.Count > 0)
            {
                statements.Add(Statement(principal, account, $"arn:{partition}:s3:::*"));
            }

            if (bucket.Count > 0)
            {
                // With a folder prefix, listing is limited by s3:prefix; GetBucketLocation has no such key
                // and stays unconditioned in its own statement.
                // https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html
                var listing = bucket.Where(a => a.Equals(S3Actions.ListBucket, StringComparison.OrdinalIgnoreCase)).ToList();
                if (prefix.Length > 0 && listing.Count > 0)
                {
                    var rest = bucket.Except(listing, StringComparer.OrdinalIgnoreCase).ToList();
                    statements.Add(Statement(principal, listing, bucketArn) with
                    {
                        Condition = PolicyCondition.Of("StringLike", ConditionEntry.Of("s3:prefix", new[] { prefix + "*" })),
                    });
                    if (rest.Count > 0)
                    {
                        statements.Add(Statement(principal, rest, bucketArn));
                    }
                }
                else
                {
                    statements.Add(Statement(principal, bucket, bucketArn));
                }
            }

            if (objects.Count > 0)
            {
                statements.Add(Statement(principal, objects, objectsArn));
            }

            return statements;
        }

        /// <summary>
        /// A NotPrincipal element. With Allow it grants everyone except the principals named, anonymous callers
        /// included, so it needs <paramref name="allowPublic"/> exactly as a "*" principal does (Set-XAccountBucketPolicy
        /// refuses the same statement: BucketPolicyEdits.EnsureNoPublicGrant). With Deny it only narrows access.
        /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
        /// </summary>
        public static PrincipalBlock NotPrincipals(IEnumerable<string> notPrincipals, PolicyEffect effect, bool allowPublic)
        {
            var block = Principals(notPrincipals, allowPublic: true);
            if (effect == PolicyEffect.Allow && !allowPublic)
            {
                throw new XAccountException(ErrorCode.PublicPrincipalNotAllowed,
                    "An Allow with NotPrincipal (" + string.Join(", ", block.Describe()) + ") grants everyone else, including anonymous callers.", "NotPrincipal",
                    "Use -Principal with the other account or its user/role, or -Effect Deny with -NotPrincipal. If public access is really intended, pass -AllowPublic.");
            }

            return block;
        }

        /// <summary>
        /// A Principal element for the given principals: AWS for account IDs and IAM/STS ARNs,
        /// CanonicalUser for canonical IDs, the bare "*" for a lone "*". Public principals need <paramref name="allowPublic"/>.
        /// </summary>
        public static PrincipalBlock Principals(IEnumerable<string> principals, bool allowPublic, bool allowCanonicalUser = true)
        {
            var parsed = (principals ?? throw new ArgumentNullException(nameof(principals))).Select(PrincipalArn.Parse).ToList();
            if (parsed.Count == 0)
            {
                throw new XAccountException(ErrorCode.InvalidPrincipal, "No principal was given.", null,
                    "Pass the other account's ID or the ARN of its user or role, for example -Principal 111122223333.");
            }

            var pub = parsed.FirstOrDefault(p => p.IsPublic);
            if (pub != null && !allowPublic)
            {
                throw new XAccountException(ErrorCode.PublicPrincipalNotAllowed,
                    "The principal \"*\" would grant access to everyone, including anonymous callers.", "*",
                    "Name the other account or its user/role. If public access is really intended, pass -AllowPublic.");
            }

            if (!allowCanonicalUser)
            {
                var canonical = parsed.FirstOrDefault(p => p.Kind == PrincipalKind.CanonicalUser);
                if (canonical != null)
                {
                    throw new XAccountException(ErrorCode.InvalidPrincipal, $"'{canonical.Value}' is a canonical user ID; only S3 bucket policies and ACLs accept those.", canonical.Value,
                        "Name the account by its 12-digit ID or root ARN instead.");
                }
            }

            if (parsed.Count == 1 && pub != null)
            {
                return PrincipalBlock.Wildcard;
            }

            var entries = parsed
                .GroupBy(p => p.PolicyPrincipalType)
                .OrderBy(g => g.Key == PrincipalTypes.Aws ? 0 : 1)
                .Select(g => new KeyValuePair<string, PolicyValueList>(g.Key, PolicyValueList.Of(g.Select(p => p.Value).Distinct(StringComparer.Ordinal))));
            return PrincipalBlock.FromEntries(entries);
        }

        private static PolicyStatement Statement(PrincipalBlock? principal, IReadOnlyList<string> actions, string resource) =>
            new PolicyStatement
            {
                Effect = PolicyEffect.Allow,
                Principal = principal,
                Action = PolicyValueList.Array(actions),
                Resource = PolicyValueList.Single(resource),
            };

        // 2-1,224 characters of [\w+=,.@:/-]. https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
        private static string ValidateExternalId(string externalId)
        {
            var ok = externalId.Length >= 2 && externalId.Length <= 1224
                && externalId.All(c => (char.IsLetterOrDigit(c) && c < 128) || "_+=,.@:/-".IndexOf(c) >= 0);
            if (!ok)
            {
                throw new XAccountException(ErrorCode.InvalidExternalId,
                    "The external ID must be 2 to 1,224 characters of letters, digits and _+=,.@:/-.", externalId,
                    "Use the external ID agreed with the other account, for example a GUID.");
            }

            return externalId;
        }

        // o- followed by 10-32 lower-case letters or digits. https://docs.aws.amazon.com/organizations/latest/APIReference/API_Organization.html
        private static string ValidateOrgId(string orgId)
        {
            var ok = orgId.StartsWith("o-", StringComparison.Ordinal) && orgId.Length >= 12 && orgId.Length <= 34
                && orgId.Skip(2).All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
            if (!ok)
            {
                throw new XAccountException(ErrorCode.InvalidOrganizationId,
                    $"'{orgId}' is not an AWS Organizations ID (o- followed by 10 to 32 lower-case letters or digits).", orgId,
                    "Copy the organization ID from the Organizations console or Get-ORGOrganization, for example o-a1b2c3d4e5.");
            }

            return orgId;
        }
    }
}
