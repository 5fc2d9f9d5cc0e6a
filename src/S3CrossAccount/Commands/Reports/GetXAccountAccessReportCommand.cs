using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using System.Management.Automation;
using S3CrossAccount.Aws.Reports;
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
                ProcessTarget(() => BucketName.Parse(bucket), _ => _buckets.Add(bucket));
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

            try
            {
                Report();
            }
            catch (XAccountException ex)
            {
                ThrowXAccountError(ex);
            }

            base.EndProcessing();
        }

        private void Report()
        {
            var ct = CancellationToken;
            var bulk = new BulkRun(this, Activity, ThrottleLimit, WriteXAccountError, ct, showProgress: true, status: run => $"{run.Done} of {run.Total} buckets");
            var service = new AccessReportService(GetAwsSession(), bulk.Verbose);
            var account = AccountId ?? CallerAccount(service, ct);

            // The roles are read as one more unit of work, beside the buckets rather than before them: their
            // IAM calls (one ListRoles page, then three per outside-trusted role) would otherwise be a serial
            // prefix of every report. Each bucket waits for them only after its own S3 reads.
            var roles = SkipRoles.IsPresent
                ? Task.FromResult<IReadOnlyList<ExternallyAssumableRole>>(new ExternallyAssumableRole[0])
                : bulk.Start(() => service.ExternallyAssumableRoles(account, ct));

            IReadOnlyList<string> buckets = Bucket == null && !MyInvocation.ExpectingInput ? service.AllBuckets(ct) : _buckets;
            var options = new BucketReportOptions { IncludeObjectAcl = IncludeObjectAcl.IsPresent, ObjectSampleSize = ObjectSampleSize };
            bulk.Expect(buckets.Count);
            foreach (var bucket in buckets)
            {
                bulk.Submit(() =>
                {
                    var entries = service.ReadBucket(bucket, account, options, ct);

                    // When the roles could not be read the bucket reports nothing, and the roles' error ends the command.
                    return BulkRun.TryWait(roles, ct, out var outside)
                        ? entries.Concat(AccessReportService.ForRoles(bucket, account, outside))
                        : Enumerable.Empty<object>();
                });
            }

            bulk.Finish(completeProgress: buckets.Count > 0, completedStatus: $"{buckets.Count} buckets");
            if (roles.IsFaulted)
            {
                // No bucket wrote anything without its roles: the report ends as it would have with the roles read first.
                ExceptionDispatchInfo.Capture(roles.Exception!.InnerException!).Throw();
            }
        }

        private static string CallerAccount(AccessReportService service, CancellationToken ct)
        {
            try
            {
                return service.CallerAccount(ct);
            }
            catch (XAccountException ex)
            {
                throw new XAccountException(ex.Code, "The buckets' account is unknown: " + ex.Message, ex.Target,
                    "Pass -AccountId with the 12-digit account that owns the buckets (STS GetCallerIdentity could not tell it).", ex);
            }
        }
    }
}
