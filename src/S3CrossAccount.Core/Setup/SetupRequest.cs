using System.Collections.Generic;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Identifiers;
using S3CrossAccount.Core.Policies.Builders;

namespace S3CrossAccount.Core.Setup
{
    /// <summary>What Invoke-XAccountSetup and Remove-XAccountSetup are asked for; the same request builds the same documents both ways.</summary>
    public sealed class SetupRequest
    {
        public SetupRequest(SetupMethod method, string bucket, string grantee)
        {
            Method = method;
            Bucket = BucketName.Parse(bucket).Value;
            Grantee = SetupGrantee.Parse(grantee, method);
        }

        public SetupMethod Method { get; }

        public string Bucket { get; }

        public SetupGrantee Grantee { get; }

        /// <summary>Limits the grant to keys under this prefix ("folder").</summary>
        public string? Prefix { get; set; }

        public S3AccessPreset Access { get; set; } = S3AccessPreset.Read;

        /// <summary>Explicit S3 actions instead of <see cref="Access"/>.</summary>
        public IReadOnlyList<string>? Actions { get; set; }

        /// <summary>
        /// The grantee user's or role's IAM name when it is not the last segment of its ARN (S3-compatible
        /// servers such as radosgw name users "tenant$user").
        /// </summary>
        public string? GranteeIdentityName { get; set; }

        /// <summary>Method Role: the role's name in the bucket account; null = <see cref="SetupPlanner.DefaultRoleName"/>.</summary>
        public string? RoleName { get; set; }

        internal S3AccessRequest AccessRequest => new S3AccessRequest(Bucket) { Prefix = Prefix, Access = Access, Actions = Actions };

        /// <summary>The role name used by method Role.</summary>
        public string EffectiveRoleName => RoleName ?? SetupPlanner.DefaultRoleName(Bucket, Grantee.AccountId);

        /// <summary>The grantee's IAM user or role name; null for an account grantee.</summary>
        public string? IdentityName => Grantee.IsAccount ? null : GranteeIdentityName ?? Grantee.Principal.Name;
    }

    /// <summary>Who gets the access: the other account itself (its root) or one of its users or roles.</summary>
    public sealed class SetupGrantee
    {
        private SetupGrantee(PrincipalArn principal)
        {
            Principal = principal;
        }

        public PrincipalArn Principal { get; }

        /// <summary>The grantee as written in policies: the account ID or the ARN.</summary>
        public string Value => Principal.Value;

        public string AccountId => Principal.AccountId!;

        /// <summary>True for an account ID or account root ARN: only that account's administrator can delegate further.</summary>
        public bool IsAccount => Principal.Kind == PrincipalKind.AccountId || Principal.Kind == PrincipalKind.AccountRoot;

        public bool IsRole => Principal.Kind == PrincipalKind.Role;

        /// <summary>
        /// An account (12 digits or root ARN), a user ARN or a role ARN. Method Acl grants to an account's
        /// canonical ID, so it takes only an account.
        /// </summary>
        public static SetupGrantee Parse(string? text, SetupMethod method)
        {
            var principal = PrincipalArn.Parse(text);
            var kind = principal.Kind;
            if (kind != PrincipalKind.AccountId && kind != PrincipalKind.AccountRoot && kind != PrincipalKind.User && kind != PrincipalKind.Role)
            {
                throw new XAccountException(ErrorCode.InvalidSetupGrantee,
                    $"'{text}' cannot be the grantee of a setup: give the other account's 12-digit ID, its root ARN, or the ARN of one of its IAM users or roles.", text,
                    "For example -Grantee 222233334444 or -Grantee arn:aws:iam::222233334444:user/Dave.");
            }

            if (method == SetupMethod.Acl && kind != PrincipalKind.AccountId && kind != PrincipalKind.AccountRoot)
            {
                // ACL grantees are accounts (canonical user IDs): https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#specifying-grantee
                throw new XAccountException(ErrorCode.InvalidSetupGrantee,
                    $"'{text}' is an IAM {kind.ToString().ToLowerInvariant()}; an ACL can only grant to a whole account (its canonical user ID).", text,
                    $"Use -Grantee {principal.AccountId} with -Method Acl (the other account's administrator then delegates to its users), or -Method BucketPolicy to grant this {kind.ToString().ToLowerInvariant()} directly.");
            }

            return new SetupGrantee(principal);
        }

        public override string ToString() => Value;
    }
}
