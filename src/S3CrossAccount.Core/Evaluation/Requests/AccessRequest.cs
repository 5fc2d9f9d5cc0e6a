using System;
using S3CrossAccount.Core.Errors;

namespace S3CrossAccount.Core.Evaluation.Requests
{
    /// <summary>
    /// One S3 request to decide: who, what action, on which ARN, in whose bucket, and (for object
    /// operations) who owns the object. Context keys such as aws:SourceIp or s3:x-amz-acl go in
    /// <see cref="Context"/>; aws:PrincipalArn, aws:PrincipalAccount, aws:username and aws:PrincipalType
    /// are filled in from the principal unless given.
    /// </summary>
    public sealed class AccessRequest
    {
        public AccessRequest(string principal, string action, string resource, string bucketAccount, string? objectOwnerAccount = null, RequestContext? context = null)
        {
            Principal = RequestPrincipal.Parse(principal);
            Action = ValidateAction(action);
            Resource = S3Resource.Parse(resource);
            BucketAccount = ValidateAccount(bucketAccount, nameof(BucketAccount));
            ObjectOwnerAccount = objectOwnerAccount == null ? null : ValidateAccount(objectOwnerAccount, nameof(ObjectOwnerAccount));
            Context = context ?? new RequestContext();
        }

        public RequestPrincipal Principal { get; }

        /// <summary>The S3 action, e.g. s3:GetObject.</summary>
        public string Action { get; }

        public S3Resource Resource { get; }

        /// <summary>The account that owns the bucket.</summary>
        public string BucketAccount { get; }

        /// <summary>The account that owns the object; null means the bucket owner.</summary>
        public string? ObjectOwnerAccount { get; }

        /// <summary>The canonical user ID of the caller's account, for ACL grants by canonical ID.</summary>
        public string? PrincipalCanonicalId { get; init; }

        public RequestContext Context { get; }

        private RequestContext? _effectiveContext;

        /// <summary>
        /// The context the policies see: the caller's keys plus aws:PrincipalArn, aws:PrincipalAccount,
        /// aws:PrincipalType, aws:PrincipalIsAWSService (aws:PrincipalServiceName), aws:username and aws:userid derived
        /// from the principal, and aws:ResourceAccount
        /// (and s3:ResourceAccount for S3) from the bucket's account (the caller's own values win).
        /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
        /// </summary>
        public RequestContext EffectiveContext => _effectiveContext ??= BuildContext();

        private RequestContext BuildContext()
        {
            var context = Context.Clone();
            var p = Principal;
            switch (p.Kind)
            {
                case PrincipalKind.AccountRoot:
                    context.SetDefault("aws:PrincipalType", "Account");
                    context.SetDefault("aws:userid", p.AccountId!);
                    break;
                case PrincipalKind.User:
                    context.SetDefault("aws:PrincipalType", "User");
                    context.SetDefault("aws:username", p.Name!);
                    break;
                case PrincipalKind.Role:
                case PrincipalKind.AssumedRole:
                    context.SetDefault("aws:PrincipalType", "AssumedRole");
                    break;
                case PrincipalKind.Anonymous:
                    context.SetDefault("aws:PrincipalType", "Anonymous");
                    break;
            }

            // Every signed request carries aws:PrincipalIsAWSService (data-perimeter policies test it with Bool, and a
            // missing key would make such a Deny silently not apply); a service principal also names itself.
            // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalisawsservice
            if (p.Kind != PrincipalKind.Anonymous)
            {
                context.SetDefault("aws:PrincipalIsAWSService", p.Kind == PrincipalKind.Service ? "true" : "false");
            }

            if (p.Kind == PrincipalKind.Service)
            {
                context.SetDefault("aws:PrincipalServiceName", p.Arn);
            }

            if (p.AccountId != null)
            {
                context.SetDefault("aws:PrincipalAccount", p.AccountId);

                // For a role session aws:PrincipalArn is the role's ARN, not the session's.
                context.SetDefault("aws:PrincipalArn", p.RoleArnWithoutPath ?? p.Arn);
            }

            // The account that owns the resource: for S3 the bucket owner, for sts:AssumeRole the role's account. Identity
            // policies use it to keep a principal inside known accounts ("aws:ResourceAccount", and S3's own
            // "s3:ResourceAccount", both the bucket owner's account ID).
            // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-resourceaccount
            // https://docs.aws.amazon.com/AmazonS3/latest/userguide/amazon-s3-policy-keys.html
            context.SetDefault("aws:ResourceAccount", BucketAccount);
            if (Resource.IsS3)
            {
                context.SetDefault("s3:ResourceAccount", BucketAccount);
            }

            return context;
        }

        /// <summary>The same request made by another principal (used for role sessions).</summary>
        public AccessRequest WithPrincipal(string principal) =>
            new AccessRequest(principal, Action, Resource.Arn, BucketAccount, ObjectOwnerAccount, Context) { PrincipalCanonicalId = PrincipalCanonicalId };

        private static string ValidateAction(string action)
        {
            if (string.IsNullOrWhiteSpace(action) || action.IndexOf(':') <= 0 || action.IndexOf('*') >= 0 || action.IndexOf('?') >= 0)
            {
                throw new XAccountException(ErrorCode.InvalidAction, $"'{action}' is not a single action such as s3:GetObject.", action, "Name one concrete action (service:Action) without wildcards; test several actions with several requests.");
            }

            return action.Trim();
        }

        private static string ValidateAccount(string account, string what)
        {
            if (account == null || !AccountIds.IsAccountId(account.Trim()))
            {
                throw new XAccountException(ErrorCode.InvalidAccountId, $"{what} '{account}' is not a 12-digit AWS account ID.", account, "Give the account ID as 12 digits, e.g. 111122223333.");
            }

            return account.Trim();
        }
    }
}
