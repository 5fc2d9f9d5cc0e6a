using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using System.Management.Automation;
using S3CrossAccount.Commands.Base;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Identifiers;
using S3CrossAccount.Core.Reports;

namespace S3CrossAccount.Commands.Reports
{
    /// <summary>
    /// Who outside the account can reach a bucket, and how: bucket policy statements, bucket (and sampled object)
    /// ACL grants, and roles of the account that trust an outside principal and reach the bucket. One row per
    /// (outside principal, path, source). Buckets are read concurrently (-ThrottleLimit) with progress.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "XAccountAccessReport", HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/Get-XAccountAccessReport.md")]
    [OutputType(typeof(AccessReportEntry))]
    public sealed class GetXAccountAccessReportCommand : AwsCmdlet
    {
        private const string Activity = "Reading who can reach the buckets";
        private readonly List<string> _buckets = new List<string>();

        /// <summary>The buckets to report on; every bucket of the account when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("BucketName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.BucketCompleter))]
        public string[]? Bucket { get; set; }

        /// <summary>The buckets' account; by default the credentials' account (STS GetCallerIdentity).</summary>
        [Parameter]
        [ValidatePattern(@"^[0-9]{12}\z")]
        public string? AccountId { get; set; }

        [Parameter]
        public SwitchParameter IncludeObjectAcl { get; set; }

        /// <summary>With -IncludeObjectAcl, how many objects per bucket to read the ACL of; 0 reads them all.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int ObjectSampleSize { get; set; } = 100;

        /// <summary>Leave out the roles (no IAM call), for credentials that may read S3 but not IAM.</summary>
        [Parameter]
        public SwitchParameter SkipRoles { get; set; }

        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 8;

        protected override void ProcessRecord()
        {
            base.ProcessRecord();
            foreach (var bucket in Bucket ?? new string[0])
            {
                if (TryRun(() => BucketName.Parse(bucket)))
                {
                    _buckets.Add(bucket);
                }
            }
        }

        protected override void EndProcessing()
        {
            if (MyInvocation.ExpectingInput && _buckets.Count == 0)
            {
                // Nothing came down the pipeline (or only invalid names, already reported): nothing to read.
                base.EndProcessing();
                return;
            }

            var session = GetAwsSession();
            var ct = CancellationToken;
            try
            {
                var account = AccountId ?? CallerAccount();
                var runner = new BoundedRunner(ThrottleLimit, WriteXAccountError, ct);

                // The roles are read as one more unit of work, beside the buckets rather than before them: their
                // IAM calls (one ListRoles page, then three per outside-trusted role) would otherwise be a serial
                // prefix of every report. Each bucket waits for them only after its own S3 reads.
                var roles = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
                if (SkipRoles.IsPresent)
                {
                    roles.SetResult(ReportCommands.NoRoles());
                }
                else
                {
                    runner.Submit(() => ReadRoles(roles, session, account, m => runner.Post(() => WriteVerbose(m)), ct));
                }

                IReadOnlyList<string> buckets = Bucket == null && !MyInvocation.ExpectingInput ? ReportCommands.AllBuckets(session, WriteVerbose, ct) : _buckets;
                var done = 0;
                foreach (var bucket in buckets)
                {
                    runner.Submit(() =>
                    {
                        try
                        {
                            var entries = ReportCommands.Bucket(session, bucket, account, IncludeObjectAcl.IsPresent, ObjectSampleSize, m => runner.Post(() => WriteVerbose(m)), ct);
                            if (!WaitForRoles(roles.Task, ct))
                            {
                                return;
                            }

                            var roleEntries = ReportCommands.RoleEntries(bucket, account, roles.Task.Result);
                            runner.Post(() =>
                            {
                                foreach (var entry in entries.Concat(roleEntries))
                                {
                                    WriteObject(entry);
                                }
                            });
                        }
                        finally
                        {
                            runner.Post(() =>
                            {
                                done++;
                                WriteProgress(new ProgressRecord(1, Activity, $"{done} of {buckets.Count} buckets") { PercentComplete = done * 100 / buckets.Count });
                            });
                        }
                    });
                }

                runner.Drain();
                if (roles.Task.IsFaulted)
                {
                    // No bucket wrote anything without its roles: the report ends as it would have with the roles read first.
                    ExceptionDispatchInfo.Capture(roles.Task.Exception!.InnerException!).Throw();
                }

                if (buckets.Count > 0)
                {
                    WriteProgress(new ProgressRecord(1, Activity, $"{buckets.Count} buckets") { RecordType = ProgressRecordType.Completed });
                }
            }
            catch (XAccountException ex)
            {
                ThrowXAccountError(ex);
            }

            base.EndProcessing();
        }

        private static void ReadRoles(TaskCompletionSource<object> roles, Aws.AwsSession session, string account, Action<string> verbose, CancellationToken ct)
        {
            try
            {
                roles.SetResult(ReportCommands.Roles(session, account, verbose, ct));
            }
            catch (Exception ex)
            {
                roles.SetException(ex);
            }
        }

        /// <summary>False when the roles could not be read: the bucket then reports nothing, and the roles' error ends the command.</summary>
        private static bool WaitForRoles(Task<object> roles, CancellationToken ct)
        {
            try
            {
                roles.Wait(ct);
                return true;
            }
            catch (AggregateException)
            {
                return false;
            }
        }

        private string CallerAccount()
        {
            try
            {
                return ReportCommands.CallerAccount(GetAwsSession(), WriteVerbose, CancellationToken);
            }
            catch (XAccountException ex)
            {
                throw new XAccountException(ex.Code, "The buckets' account is unknown: " + ex.Message, ex.Target,
                    "Pass -AccountId with the 12-digit account that owns the buckets (STS GetCallerIdentity could not tell it).", ex);
            }
        }
    }
}
