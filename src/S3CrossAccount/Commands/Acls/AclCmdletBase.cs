using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using S3CrossAccount.Commands.Base;
using S3CrossAccount.Aws;
using S3CrossAccount.Aws.Acls;
using S3CrossAccount.Core.Acls;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation.Acls;
using S3CrossAccount.Core.Identifiers;

namespace S3CrossAccount.Commands.Acls
{
    /// <summary>
    /// What Grant-XAccountAcl and Revoke-XAccountAcl share: the target (bucket ACL, one object's ACL,
    /// or every object under a prefix), the permissions and the grantee (checked by Core's
    /// <see cref="AclGrantRules"/>), and the bulk run with progress (<see cref="BulkRun"/>). Each ACL is read,
    /// merged and written only when it changes (AclService); a failure on one object is a non-terminating
    /// error and the run goes on.
    /// </summary>
    public abstract class AclCmdletBase : AwsCmdlet
    {
        public const string CanonicalIdSet = "CanonicalId";
        public const string AccountIdSet = "AccountId";
        public const string GroupSet = "Group";

        private readonly List<IDisposable> _services = new List<IDisposable>();
        private BulkRun? _bulk;

        // An S3CrossAccount.Aws.Acls.AclService and the AwsSession it was made for, typed object for the import-time rule (AwsCmdlet).
        private object? _service;
        private object? _serviceSession;
        private readonly Dictionary<string, string> _lookedUpCanonicalIds = new Dictionary<string, string>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("BucketName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.BucketCompleter))]
        public string Bucket { get; set; } = string.Empty;

        /// <summary>An object's key: its ACL instead of the bucket's. Binds from objects with a Key property.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Key { get; set; }

        /// <summary>Every object whose key starts with this ("" = the whole bucket).</summary>
        [Parameter]
        [AllowEmptyString]
        public string? Prefix { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ListTextTransformation]
        [ValidateSet("READ", "WRITE", "READ_ACP", "WRITE_ACP", "FULL_CONTROL", IgnoreCase = true)]
        public string[] Permission { get; set; } = new string[0];

        /// <summary>The grantee's canonical user ID, as Get-XAccountCanonicalId returns it (binds from its CanonicalUserId).</summary>
        [Parameter(Mandatory = true, ParameterSetName = CanonicalIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("CanonicalUserId")]
        [ListTextTransformation]
        [ValidateNotNullOrEmpty]
        public string[] CanonicalId { get; set; } = new string[0];

        /// <summary>The grantee's 12-digit account ID; its canonical ID is looked up with -GranteeProfileName or -GranteeCredential.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AccountIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string AccountId { get; set; } = string.Empty;

        /// <summary>A profile with the grantee account's credentials (only ListBuckets is called with it).</summary>
        [Parameter(ParameterSetName = AccountIdSet)]
        [ValidateNotNullOrEmpty]
        public string? GranteeProfileName { get; set; }

        /// <summary>The grantee account's credentials as an object (Use-XAccountRole output, AWS Tools credentials).</summary>
        [Parameter(ParameterSetName = AccountIdSet)]
        [ValidateNotNull]
        public object? GranteeCredential { get; set; }

        /// <summary>A predefined group: AllUsers (anyone) or AuthenticatedUsers (any AWS account).</summary>
        [Parameter(Mandatory = true, ParameterSetName = GroupSet, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("AllUsers", "AuthenticatedUsers", IgnoreCase = true)]
        public string[] Group { get; set; } = new string[0];

        /// <summary>ACLs read and written at once in -Prefix and pipeline runs.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 8;

        /// <summary>True for Revoke-XAccountAcl.</summary>
        protected abstract bool IsRevoke { get; }

        /// <summary>Grant-XAccountAcl -AllowPublic: public groups are refused without it; Revoke takes them freely.</summary>
        protected virtual bool AllowsPublic => true;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (ParameterSetName == AccountIdSet)
            {
                if (AccountId.Length > 0)
                {
                    CheckArguments(() => Core.Identifiers.AccountId.Parse(AccountId));
                }

                if ((GranteeProfileName == null) == (GranteeCredential == null))
                {
                    ThrowXAccountError(new XAccountException(ErrorCode.InvalidParameterCombination,
                        "-AccountId needs exactly one of -GranteeProfileName or -GranteeCredential: a canonical ID can only be read with the grantee account's own credentials.",
                        "AccountId", "Add -GranteeProfileName <profile of the other account>, or pass its canonical ID with -CanonicalId (Get-XAccountCanonicalId)."));
                }
            }

            if (!IsRevoke)
            {
                WriteWarning("ACLs are a legacy access mechanism: AWS recommends disabling them (Object Ownership BucketOwnerEnforced) and granting cross-account access with bucket and identity policies or a role. See about_S3CrossAccount.");
            }

            // Arguments no pipeline item can change are refused once, here.
            if (ParameterSetName == GroupSet)
            {
                CheckArguments(() => AclGrantRules.CheckPublic(Group.Select(g => AclGrant.Parse(g, "READ")), AllowsPublic));
            }

            // Permissions piped in with each record are checked per record (CheckGrantees).
            if (Prefix != null && Permission.Length > 0)
            {
                CheckArguments(() => AclGrantRules.Permissions(Permission, objectTarget: true));
            }

            var activity = IsRevoke ? "Revoke-XAccountAcl" : "Grant-XAccountAcl";
            _bulk = new BulkRun(this, activity, ThrottleLimit, WriteXAccountError, CancellationToken,
                showProgress: Prefix != null || MyInvocation.ExpectingInput,
                status: run => $"{run.Done} of {run.Submitted}{(run.Listing ? "+" : string.Empty)} ACLs done, {run.Changed} changed",
                isChange: output => ((XAccountAclChange)output).Changed);
        }

        protected override void ProcessRecord()
        {
            base.ProcessRecord();
            ProcessTarget(CheckGrantees, grantees =>
            {
                var grants = AclGrantRules.Combine(grantees.Grantees ?? new[] { LookUpCanonicalId() }, grantees.Permissions);
                var service = ServiceFor(GetAwsSession());
                var bucket = Bucket;
                if (Prefix == null)
                {
                    var key = Key;
                    _bulk!.Submit(() => Apply(service, bucket, key, grants));
                    return;
                }

                if (!IsRevoke)
                {
                    // One clear error for a bucket with ACLs disabled, instead of one per object.
                    service.EnsureAclsEnabled(bucket, CancellationToken);
                }

                if (_bulk!.SubmitEach(service.ListKeys(bucket, Prefix, CancellationToken), key => Apply(service, bucket, key, grants)) == 0)
                {
                    WriteWarning($"No object in bucket '{bucket}' has a key starting with '{Prefix}': no ACL was changed.");
                }
            });
        }

        protected override void EndProcessing()
        {
            try
            {
                _bulk?.Finish(completeProgress: _bulk.Submitted > 1 || Prefix != null);
            }
            finally
            {
                foreach (var service in _services)
                {
                    service.Dispose();
                }
            }

            base.EndProcessing();
        }

        /// <summary>This record's permissions and grantees (null: the -AccountId grantee, looked up when the record runs).</summary>
        private (IReadOnlyList<AclPermission> Permissions, IReadOnlyList<AclGrant>? Grantees) CheckGrantees()
        {
            AclGrantRules.CheckTarget(Key, Prefix);
            var permissions = AclGrantRules.Permissions(Permission, objectTarget: Key != null || Prefix != null);
            switch (ParameterSetName)
            {
                case AccountIdSet:
                    Core.Identifiers.AccountId.Parse(AccountId);
                    return (permissions, null);
                case GroupSet:
                    return (permissions, Group.Select(g => AclGrant.Parse(g, "READ")).ToList());
                default:
                    var grantees = CanonicalId.Select(id => AclGrantRules.CanonicalUser(id)).ToList();
                    AclGrantRules.CheckPublic(grantees, AllowsPublic);
                    return (permissions, grantees);
            }
        }

        private AclGrant LookUpCanonicalId()
        {
            if (!_lookedUpCanonicalIds.TryGetValue(AccountId, out var canonicalId))
            {
                var granteeSession = ResolveOtherSession(GranteeProfileName, GranteeCredential);
                try
                {
                    canonicalId = GranteeCanonicalId.LookUp(granteeSession, AccountId, WriteVerbose, CancellationToken);
                    _lookedUpCanonicalIds[AccountId] = canonicalId;
                }
                catch (XAccountException ex)
                {
                    // Without the grantee's canonical ID no target can be processed: end the command.
                    ThrowXAccountError(ex);
                }
            }

            return new AclGrant(AclGranteeKind.CanonicalUser, canonicalId!, AclPermission.Read);
        }

        private AclService ServiceFor(AwsSession session)
        {
            if (_service == null || !ReferenceEquals(_serviceSession, session))
            {
                var service = new AclService(session, _bulk!.Verbose);
                _services.Add(service);
                _service = service;
                _serviceSession = session;
            }

            return (AclService)_service;
        }

        /// <summary>One ACL's unit of work, on a worker thread: everything it needs comes as arguments.</summary>
        private IEnumerable<object> Apply(AclService service, string bucket, string? key, IReadOnlyList<AclGrant> grants)
        {
            var change = IsRevoke
                ? service.Revoke(bucket, key, grants, _bulk!.ShouldProcess, CancellationToken)
                : service.Grant(bucket, key, grants, _bulk!.ShouldProcess, CancellationToken);
            return change == null ? Array.Empty<object>() : new object[] { change };
        }
    }
}
