using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using S3CrossAccount.Commands.Base;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation;
using S3CrossAccount.Core.Evaluation.Acls;
using S3CrossAccount.Core.Evaluation.Model;
using S3CrossAccount.Core.Evaluation.Requests;
using S3CrossAccount.Core.Evaluation.Results;
using S3CrossAccount.Core.Identifiers;

namespace S3CrossAccount.Commands.Evaluation
{
    /// <summary>
    /// Test-XAccountAccess: would this principal be allowed this S3 action, given these policies, ACLs and
    /// Object Ownership setting? Offline: no AWS call. One decision per request row.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "XAccountAccess", DefaultParameterSetName = OfflineSet)]
    [OutputType(typeof(AccessDecision))]
    public sealed class TestXAccountAccessCommand : XAccountCmdlet
    {
        private const string OfflineSet = "Offline";

        private AccessPolicies? _policies;

        // Rows may carry their own BucketPolicy/IdentityPolicy: compile again only when the input changes.
        private object? _bucketInput;
        private EvaluationPolicy? _bucket;
        private object[]? _identityInput;
        private IReadOnlyList<EvaluationPolicy> _identity = new EvaluationPolicy[0];

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = OfflineSet)]
        [Alias("PrincipalArn")]
        [ValidateNotNullOrEmpty]
        public string Principal { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = OfflineSet)]
        [ValidateNotNullOrEmpty]
        public string Action { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true, ParameterSetName = OfflineSet)]
        [Alias("ResourceArn", "Uri")]
        [ValidateNotNullOrEmpty]
        public string Resource { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = OfflineSet)]
        [ValidatePattern("^[0-9]{12}$")]
        public string? BucketAccount { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = OfflineSet)]
        [ValidatePattern("^[0-9]{12}$")]
        public string? ObjectOwnerAccount { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = OfflineSet)]
        [Alias("TrustPolicy")]
        public object? BucketPolicy { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = OfflineSet)]
        public object[]? IdentityPolicy { get; set; }

        [Parameter(ParameterSetName = OfflineSet)]
        public object? PermissionsBoundary { get; set; }

        [Parameter(ParameterSetName = OfflineSet)]
        public object? SessionPolicy { get; set; }

        [Parameter(ParameterSetName = OfflineSet)]
        public object[]? ServiceControlPolicy { get; set; }

        [Parameter(ParameterSetName = OfflineSet)]
        public object[]? ResourceControlPolicy { get; set; }

        [Parameter(ParameterSetName = OfflineSet)]
        public object[]? BucketAcl { get; set; }

        [Parameter(ParameterSetName = OfflineSet)]
        public object[]? ObjectAcl { get; set; }

        [Parameter(ParameterSetName = OfflineSet)]
        public ObjectOwnership ObjectOwnership { get; set; } = ObjectOwnership.BucketOwnerEnforced;

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = OfflineSet)]
        public Hashtable? Context { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = OfflineSet)]
        [Alias("PrincipalCanonicalId")]
        public string? CanonicalId { get; set; }

        [Parameter(ParameterSetName = OfflineSet)]
        public SwitchParameter Detailed { get; set; }

        protected override void BeginProcessing()
        {
            try
            {
                _policies = new AccessPolicies
                {
                    PermissionsBoundary = PermissionsBoundary == null ? null : EvaluationInputs.ToPolicy(Unwrap(PermissionsBoundary), "PermissionsBoundary"),
                    SessionPolicy = SessionPolicy == null ? null : EvaluationInputs.ToPolicy(Unwrap(SessionPolicy), "SessionPolicy"),
                    ServiceControlPolicies = Policies(ServiceControlPolicy, "SCP"),
                    ResourceControlPolicies = Policies(ResourceControlPolicy, "RCP"),
                    ObjectOwnership = ObjectOwnership,
                };
                if ((BucketAcl != null || ObjectAcl != null) && ObjectOwnership == ObjectOwnership.BucketOwnerEnforced)
                {
                    WriteWarning("ACL grants are ignored: with Object Ownership BucketOwnerEnforced ACLs are disabled. Pass -ObjectOwnership BucketOwnerPreferred or ObjectWriter to evaluate them.");
                }
            }
            catch (XAccountException ex)
            {
                ThrowXAccountError(ex);
            }
        }

        protected override void ProcessRecord()
        {
            TryRun(() =>
            {
                var principal = RequestPrincipal.Parse(Principal);
                // A resource ARN that carries its account (a role for sts:AssumeRole) names the owner; S3 ARNs do not.
                var resourceAccount = Arn.TryParse(Resource, out var arn) && AccountId.IsValid(arn!.Account) ? arn.Account : null;
                var bucketAccount = BucketAccount ?? resourceAccount ?? principal.AccountId;
                if (bucketAccount == null)
                {
                    throw new XAccountException(ErrorCode.InvalidParameterCombination, "The bucket's account is unknown for an anonymous or service caller.", Principal, "Pass -BucketAccount with the 12-digit account that owns the bucket.");
                }

                if (BucketAccount == null && resourceAccount == null)
                {
                    WriteWarning($"-BucketAccount not given: assuming the bucket is in the caller's account {bucketAccount} (a same-account evaluation).");
                }

                var request = new AccessRequest(Principal, Action, Resource, bucketAccount, ObjectOwnerAccount, EvaluationInputs.ToContext(Context)) { PrincipalCanonicalId = CanonicalId };
                if (!ReferenceEquals(BucketPolicy, _bucketInput))
                {
                    _bucket = BucketPolicy == null ? null : EvaluationInputs.ToPolicy(Unwrap(BucketPolicy), "BucketPolicy");
                    _bucketInput = BucketPolicy;
                }

                if (!ReferenceEquals(IdentityPolicy, _identityInput))
                {
                    _identity = Policies(IdentityPolicy, "IdentityPolicy");
                    _identityInput = IdentityPolicy;
                }

                var policies = _policies! with
                {
                    BucketPolicy = _bucket,
                    IdentityPolicies = _identity,
                    BucketAcl = BucketAcl == null ? null : new AccessControlList(bucketAccount, BucketAcl.Select(g => EvaluationInputs.ToAclGrant(Unwrap(g)))),
                    ObjectAcl = ObjectAcl == null ? null : new AccessControlList(ObjectOwnerAccount ?? bucketAccount, ObjectAcl.Select(g => EvaluationInputs.ToAclGrant(Unwrap(g)))),
                };
                WriteObject(AccessEvaluator.Evaluate(request, policies, Detailed.IsPresent));
            });
        }

        private static IReadOnlyList<EvaluationPolicy> Policies(object[]? values, string name) =>
            values == null ? new EvaluationPolicy[0] : values.Select((v, i) => EvaluationInputs.ToPolicy(Unwrap(v), values.Length == 1 ? name : $"{name}[{i}]")).ToArray();

        private static object Unwrap(object value) => value is PSObject ps ? ps.BaseObject : value;
    }
}
