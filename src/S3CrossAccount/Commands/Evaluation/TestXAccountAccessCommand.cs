using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using S3CrossAccount.Aws.Probes;
using S3CrossAccount.Commands.Base;
using S3CrossAccount.Core.Acls;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation;
using S3CrossAccount.Core.Evaluation.Acls;
using S3CrossAccount.Core.Evaluation.Model;
using S3CrossAccount.Core.Evaluation.Requests;
using S3CrossAccount.Core.Evaluation.Results;
using S3CrossAccount.Core.Probes;
using S3CrossAccount.Core.Identifiers;

namespace S3CrossAccount.Commands.Evaluation
{
    /// <summary>
    /// Test-XAccountAccess: would this principal be allowed this S3 action, given these policies, ACLs and
    /// Object Ownership setting? Offline: no AWS call, one decision per request row. With -Live: what the
    /// given credentials can really do on a bucket, probed with harmless requests, each row compared with the
    /// offline prediction when policies are given.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "XAccountAccess", DefaultParameterSetName = OfflineSet, SupportsShouldProcess = true, HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/Test-XAccountAccess.md")]
    [OutputType(typeof(AccessDecision), ParameterSetName = new[] { OfflineSet })]
    [OutputType(typeof(LiveProbeResult), ParameterSetName = new[] { LiveSet })]
    public sealed class TestXAccountAccessCommand : AwsCmdlet
    {
        private const string OfflineSet = "Offline";
        private const string LiveSet = "Live";

        private AccessPolicies? _policies;

        // Rows may carry their own BucketPolicy/IdentityPolicy: compile again only when the input changes.
        private object? _bucketInput;
        private EvaluationPolicy? _bucket;
        private object[]? _identityInput;
        private IReadOnlyList<EvaluationPolicy> _identity = new EvaluationPolicy[0];

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = OfflineSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = LiveSet)]
        [Alias("PrincipalArn")]
        [ValidateNotNullOrEmpty]
        public string Principal { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = OfflineSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.ActionCompleter))]
        public string Action { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true, ParameterSetName = OfflineSet)]
        [Alias("ResourceArn", "Uri")]
        [ValidateNotNullOrEmpty]
        public string Resource { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = OfflineSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = LiveSet)]
        [ValidatePattern(@"^[0-9]{12}\z")]
        public string? BucketAccount { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = OfflineSet)]
        [ValidatePattern(@"^[0-9]{12}\z")]
        public string? ObjectOwnerAccount { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = OfflineSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = LiveSet)]
        [Alias("TrustPolicy")]
        public object? BucketPolicy { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = OfflineSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = LiveSet)]
        public object[]? IdentityPolicy { get; set; }

        [Parameter(ParameterSetName = OfflineSet)]
        [Parameter(ParameterSetName = LiveSet)]
        public object? PermissionsBoundary { get; set; }

        [Parameter(ParameterSetName = OfflineSet)]
        [Parameter(ParameterSetName = LiveSet)]
        public object? SessionPolicy { get; set; }

        [Parameter(ParameterSetName = OfflineSet)]
        [Parameter(ParameterSetName = LiveSet)]
        public object[]? ServiceControlPolicy { get; set; }

        [Parameter(ParameterSetName = OfflineSet)]
        [Parameter(ParameterSetName = LiveSet)]
        public object[]? ResourceControlPolicy { get; set; }

        [Parameter(ParameterSetName = OfflineSet)]
        public object[]? BucketAcl { get; set; }

        [Parameter(ParameterSetName = OfflineSet)]
        public object[]? ObjectAcl { get; set; }

        [Parameter(ParameterSetName = OfflineSet)]
        public ObjectOwnership ObjectOwnership { get; set; } = ObjectOwnership.BucketOwnerEnforced;

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = OfflineSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = LiveSet)]
        public Hashtable? Context { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = OfflineSet)]
        [Alias("PrincipalCanonicalId")]
        public string? CanonicalId { get; set; }

        [Parameter(ParameterSetName = OfflineSet)]
        public SwitchParameter Detailed { get; set; }

        /// <summary>Probe with real requests instead of evaluating offline.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiveSet)]
        public SwitchParameter Live { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiveSet)]
        [Alias("BucketName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.BucketCompleter))]
        public string Bucket { get; set; } = string.Empty;

        /// <summary>The object to read; by default the first one listed under -Prefix.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = LiveSet)]
        [ValidateNotNullOrEmpty]
        public string? Key { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = LiveSet)]
        [Alias("Folder")]
        public string? Prefix { get; set; }

        /// <summary>Also upload a small marker object under the prefix and delete it again.</summary>
        [Parameter(ParameterSetName = LiveSet)]
        public SwitchParameter IncludeWrite { get; set; }

        protected override bool NeedsAwsSession => ParameterSetName == LiveSet;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
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
                if ((BucketAcl != null || ObjectAcl != null) && !ObjectOwnershipRules.AclsEnabled(ObjectOwnership))
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
            base.ProcessRecord();
            if (ParameterSetName == LiveSet)
            {
                TryRun(ProbeLive);
                return;
            }

            ProcessTarget(() =>
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
                var policies = CurrentPolicies() with
                {
                    BucketAcl = BucketAcl == null ? null : new AccessControlList(bucketAccount, BucketAcl.Select(g => EvaluationInputs.ToAclGrant(Unwrap(g)))),
                    ObjectAcl = ObjectAcl == null ? null : new AccessControlList(ObjectOwnerAccount ?? bucketAccount, ObjectAcl.Select(g => EvaluationInputs.ToAclGrant(Unwrap(g)))),
                };
                return AccessEvaluator.Evaluate(request, policies, Detailed.IsPresent);
            }, WriteObject);
        }

        /// <summary>The row's bucket and identity policies, compiled again only when the input object changed.</summary>
        private AccessPolicies CurrentPolicies()
        {
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

            return _policies! with { BucketPolicy = _bucket, IdentityPolicies = _identity };
        }

        private void ProbeLive()
        {
            // Inputs for the prediction are checked before any request, so a bad principal or policy costs no call.
            var prediction = PredictionInputs();
            var includeWrite = IncludeWrite.IsPresent && ShouldProcess(
                $"s3://{Bucket}/{Prefix}{LiveProbePlan.DefaultProbeFolder}",
                "Upload a probe object (bucket-owner-full-control) and delete it again");
            if (IncludeWrite.IsPresent && !includeWrite)
            {
                WriteVerbose("The write probe was not confirmed: s3:PutObject and s3:DeleteObject are reported as Skipped.");
            }

            BucketName.Parse(Bucket);
            var plan = new LiveProbePlan(Bucket) { Key = Key, Prefix = Prefix, IncludeWrite = includeWrite };
            var results = AccessProber.Probe(GetAwsSession(), plan, WriteVerbose, CancellationToken);
            if (IncludeWrite.IsPresent && !includeWrite)
            {
                results = results.Concat(LiveProbeResult.SkippedWrites(Bucket, "The write probe was not confirmed (-WhatIf or -Confirm).")).ToList();
            }

            foreach (var result in results)
            {
                if (prediction != null)
                {
                    Predict(result, prediction.Value);
                }

                if (result.Action == "s3:DeleteObject" && result.Outcome == ProbeOutcome.Denied)
                {
                    WriteWarning($"The probe object s3://{result.Bucket}/{result.Key} stays in the bucket: these credentials may put but not delete. The bucket owner can delete it.");
                }

                WriteObject(result);
            }
        }

        /// <summary>The bucket's account, policies and context to predict each probe with; null when no prediction is asked for or possible.</summary>
        private (string BucketAccount, AccessPolicies Policies, RequestContext Context)? PredictionInputs()
        {
            if (BucketPolicy == null && IdentityPolicy == null)
            {
                return null;
            }

            if (string.IsNullOrEmpty(Principal))
            {
                WriteWarning("Policies were given but not -Principal: pass the ARN these credentials act as (user, role or role session) to compare each probe with the offline evaluator.");
                return null;
            }

            var bucketAccount = BucketAccount ?? RequestPrincipal.Parse(Principal).AccountId;
            return bucketAccount == null ? ((string, AccessPolicies, RequestContext)?)null : (bucketAccount, CurrentPolicies(), EvaluationInputs.ToContext(Context));
        }

        private void Predict(LiveProbeResult result, (string BucketAccount, AccessPolicies Policies, RequestContext Context) inputs)
        {
            var request = new AccessRequest(Principal, result.Action, result.ResourceArn, inputs.BucketAccount, null, inputs.Context);
            var decision = AccessEvaluator.Evaluate(request, inputs.Policies).Decision;
            result.WithPrediction(decision);
            if (result.MatchesPrediction == false)
            {
                WriteWarning($"{result.Action} on {result.ResourceArn}: the live result is {result.Outcome} but the policies given predict {decision}. "
                    + "A policy that was not given is in play: an SCP or RCP, a permissions boundary, a session policy, an ACL, or a KMS key policy.");
            }
        }

        private static IReadOnlyList<EvaluationPolicy> Policies(object[]? values, string name) =>
            values == null ? new EvaluationPolicy[0] : values.Select((v, i) => EvaluationInputs.ToPolicy(Unwrap(v), values.Length == 1 ? name : $"{name}[{i}]")).ToArray();

        private static object Unwrap(object value) => value is PSObject ps ? ps.BaseObject : value;
    }
}
