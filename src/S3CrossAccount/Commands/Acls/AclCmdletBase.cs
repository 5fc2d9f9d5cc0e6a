using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using S3CrossAccount.Commands.Base;
using S3CrossAccount.Commands.Sessions;
using S3CrossAccount.Core.Acls;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Evaluation.Acls;
using S3CrossAccount.Core.Identifiers;

namespace S3CrossAccount.Commands.Acls
{
    /// <summary>
    /// What Grant-XAccountAcl and Revoke-XAccountAcl share: the target (bucket ACL, one object's ACL,
    /// or every object under a prefix), the permissions and the grantee, and the bounded-concurrency run
    /// with progress. Each ACL is read, merged and written only when it changes; a failure on one object
    /// is a non-terminating error and the run goes on.
    /// </summary>
    public abstract class AclCmdletBase : AwsCmdlet
    {
        public const string CanonicalIdSet = "CanonicalId";
        public const string AccountIdSet = "AccountId";
        public const string GroupSet = "Group";

        private readonly List<IDisposable> _services = new List<IDisposable>();
        private BoundedRunner? _runner;
        private object? _service;
        private object? _serviceSession;
        private string? _lookedUpCanonicalId;
        private bool _warned;
        private int _submitted;
        private int _completed;
        private int _changed;
        private bool _listing;

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

        [Parameter(Mandatory = true)]
        [ValidateSet("READ", "WRITE", "READ_ACP", "WRITE_ACP", "FULL_CONTROL", IgnoreCase = true)]
        public string[] Permission { get; set; } = new string[0];

        /// <summary>The grantee's canonical user ID, as Get-XAccountCanonicalId returns it (binds from its CanonicalUserId).</summary>
        [Parameter(Mandatory = true, ParameterSetName = CanonicalIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("CanonicalUserId")]
        [ValidateNotNullOrEmpty]
        public string[] CanonicalId { get; set; } = new string[0];

        /// <summary>The grantee's 12-digit account ID; its canonical ID is looked up with -GranteeProfileName or -GranteeCredential.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AccountIdSet)]
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
        [Parameter(Mandatory = true, ParameterSetName = GroupSet)]
        [ValidateSet("AllUsers", "AuthenticatedUsers", IgnoreCase = true)]
        public string[] Group { get; set; } = new string[0];

        /// <summary>ACLs read and written at once in -Prefix and pipeline runs.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 8;

        /// <summary>True for Revoke-XAccountAcl.</summary>
        protected abstract bool IsRevoke { get; }

        private string Activity => IsRevoke ? "Revoke-XAccountAcl" : "Grant-XAccountAcl";

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _runner = new BoundedRunner(ThrottleLimit, WriteXAccountError, CancellationToken);
            if (ParameterSetName == AccountIdSet)
            {
                if (!Core.Identifiers.AccountId.IsValid(AccountId))
                {
                    try
                    {
                        Core.Identifiers.AccountId.Parse(AccountId);
                    }
                    catch (XAccountException ex)
                    {
                        ThrowXAccountError(ex);
                    }
                }

                if ((GranteeProfileName == null) == (GranteeCredential == null))
                {
                    ThrowXAccountError(new XAccountException(ErrorCode.InvalidParameterCombination,
                        "-AccountId needs exactly one of -GranteeProfileName or -GranteeCredential: a canonical ID can only be read with the grantee account's own credentials.",
                        "AccountId", "Add -GranteeProfileName <profile of the other account>, or pass its canonical ID with -CanonicalId (Get-XAccountCanonicalId)."));
                }
            }
        }

        protected override void ProcessRecord()
        {
            base.ProcessRecord();
            try
            {
                if (Key != null && Prefix != null)
                {
                    ThrowXAccountError(new XAccountException(ErrorCode.InvalidParameterCombination, "-Key and -Prefix cannot be used together.", "Prefix",
                        "Use -Key for one object, -Prefix for every object under a prefix, or neither for the bucket ACL."));
                }

                WarnOnce();
                var grants = BuildGrants();
                if ((Key != null || Prefix != null) && grants.Any(g => g.Permission == AclPermission.Write))
                {
                    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#permissions: WRITE is "Not applicable" to objects.
                    ThrowXAccountError(new XAccountException(ErrorCode.InvalidAclGrant, "WRITE is a bucket permission: an object ACL cannot grant it.", "WRITE",
                        "Grant WRITE on the bucket ACL (without -Key/-Prefix), and READ (or READ_ACP, WRITE_ACP, FULL_CONTROL) on objects."));
                }

                var service = ServiceFor(GetAwsSession());
                if (Prefix != null)
                {
                    RunPrefix(service, Bucket, Prefix, grants);
                }
                else
                {
                    Submit(service, Bucket, Key, grants);
                }
            }
            catch (XAccountException ex)
            {
                WriteXAccountError(ex);
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                _runner?.Drain();
                if (_submitted > 1 || Prefix != null)
                {
                    WriteProgress(new ProgressRecord(1, Activity, $"{_completed} of {_submitted} ACLs done, {_changed} changed") { RecordType = ProgressRecordType.Completed });
                }
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

        /// <summary>Grant-XAccountAcl refuses public groups without -AllowPublic; Revoke takes them freely.</summary>
        protected virtual void CheckGrants(IReadOnlyList<AclGrant> grants)
        {
        }

        private void WarnOnce()
        {
            if (!_warned)
            {
                _warned = true;
                if (!IsRevoke)
                {
                    WriteWarning("ACLs are a legacy access mechanism: AWS recommends disabling them (Object Ownership BucketOwnerEnforced) and granting cross-account access with bucket and identity policies or a role. See about_S3CrossAccount.");
                }
            }
        }

        private IReadOnlyList<AclGrant> BuildGrants()
        {
            var permissions = Permission.Select(AclGrant.ParsePermission).Distinct().ToList();
            IEnumerable<AclGrant> grantees;
            switch (ParameterSetName)
            {
                case AccountIdSet:
                    grantees = new[] { new AclGrant(AclGranteeKind.CanonicalUser, LookUpCanonicalId(), AclPermission.Read) };
                    break;
                case GroupSet:
                    grantees = Group.Select(g => AclGrant.Parse(g, "READ"));
                    break;
                default:
                    grantees = CanonicalId.Select(ToCanonicalGrantee);
                    break;
            }

            var grants = grantees.SelectMany(g => permissions.Select(p => new AclGrant(g.Kind, g.Grantee, p))).Distinct().ToList();
            CheckGrants(grants);
            return grants;
        }

        private static AclGrant ToCanonicalGrantee(string id)
        {
            var text = id.Trim();
            if (Core.Identifiers.AccountId.IsValid(text))
            {
                throw new XAccountException(ErrorCode.InvalidCanonicalUserId, $"'{text}' is an account ID, not a canonical user ID.", text,
                    "Use -AccountId with -GranteeProfileName (the canonical ID is then looked up), or pass the output of Get-XAccountCanonicalId run with the other account's credentials.");
            }

            if (text.Length == 0 || text.Any(c => char.IsWhiteSpace(c) || c == '"' || c == ','))
            {
                throw new XAccountException(ErrorCode.InvalidCanonicalUserId, $"'{id}' is not a canonical user ID.", id,
                    "Pass the ID that Get-XAccountCanonicalId returns for the other account (64 hexadecimal characters on AWS).");
            }

            // Lower-case hex as S3 reports it, so the same grant given in capitals is not added twice.
            return new AclGrant(AclGranteeKind.CanonicalUser, CanonicalUserId.IsValid(text) ? text.ToLowerInvariant() : text, AclPermission.Read);
        }

        private string LookUpCanonicalId()
        {
            if (_lookedUpCanonicalId == null)
            {
                var outcome = AwsSessionBinder.ResolveOther(this, GranteeProfileName, GranteeCredential);
                if (outcome.Error != null)
                {
                    ThrowXAccountError(outcome.Error);
                }

                try
                {
                    _lookedUpCanonicalId = AclCommands.LookUpCanonicalId(outcome.Session!, AccountId, WriteVerbose, CancellationToken);
                }
                catch (XAccountException ex)
                {
                    // Without the grantee's canonical ID no target can be processed: end the command.
                    ThrowXAccountError(ex);
                }
            }

            return _lookedUpCanonicalId!;
        }

        private object ServiceFor(object session)
        {
            if (_service == null || !ReferenceEquals(_serviceSession, session))
            {
                var runner = _runner!;
                var service = AclCommands.NewService((S3CrossAccount.Aws.AwsSession)session, message => runner.Post(() => WriteVerbose(message)));
                _services.Add(service);
                _service = service;
                _serviceSession = session;
            }

            return _service;
        }

        private void RunPrefix(object service, string bucket, string prefix, IReadOnlyList<AclGrant> grants)
        {
            if (!IsRevoke)
            {
                // One clear error for a bucket with ACLs disabled, instead of one per object.
                AclCommands.EnsureAclsEnabled(service, bucket, CancellationToken);
            }

            _listing = true;
            var found = 0;
            try
            {
                foreach (var key in AclCommands.ListKeys(service, bucket, prefix, CancellationToken))
                {
                    found++;
                    Submit(service, bucket, key, grants);
                }
            }
            finally
            {
                _listing = false;
            }

            if (found == 0)
            {
                WriteWarning($"No object in bucket '{bucket}' has a key starting with '{prefix}': no ACL was changed.");
            }
        }

        private void Submit(object service, string bucket, string? key, IReadOnlyList<AclGrant> grants)
        {
            var runner = _runner!;
            var revoke = IsRevoke;
            var ct = CancellationToken;
            _submitted++;
            runner.Submit(() =>
            {
                try
                {
                    var change = AclCommands.Apply(service, revoke, bucket, key, grants, (target, action) => runner.Invoke(() => ShouldProcess(target, action)), ct);
                    runner.Post(() =>
                    {
                        if (change != null)
                        {
                            if (change.Changed)
                            {
                                _changed++;
                            }

                            WriteObject(change);
                        }
                    });
                }
                finally
                {
                    runner.Post(Completed);
                }
            });
        }

        private void Completed()
        {
            _completed++;
            if (Prefix != null || MyInvocation.ExpectingInput)
            {
                // While the listing goes on, the total is not known yet: no percentage then.
                var percent = _listing ? -1 : (int)(_completed * 100L / Math.Max(1, _submitted));
                WriteProgress(new ProgressRecord(1, Activity, $"{_completed} of {_submitted}{(_listing ? "+" : string.Empty)} ACLs done, {_changed} changed") { PercentComplete = percent });
            }
        }
    }
}
