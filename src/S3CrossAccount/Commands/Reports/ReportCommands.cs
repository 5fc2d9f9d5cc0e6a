using System;
using System.Collections.Generic;
using System.Threading;
using S3CrossAccount.Aws;
using S3CrossAccount.Aws.Reports;
using S3CrossAccount.Core.Reports;

namespace S3CrossAccount.Commands.Reports
{
    /// <summary>The run-time half of Get-XAccountAccessReport: the only place it touches S3CrossAccount.Aws types.</summary>
    internal static class ReportCommands
    {
        internal static string CallerAccount(AwsSession session, Action<string> verbose, CancellationToken ct) =>
            new AccessReportService(session, verbose).CallerAccount(ct);

        internal static IReadOnlyList<string> AllBuckets(AwsSession session, Action<string> verbose, CancellationToken ct) =>
            new AccessReportService(session, verbose).AllBuckets(ct);

        /// <summary>The roles as an opaque list, so the cmdlet class holds no AWS-typed field.</summary>
        internal static object Roles(AwsSession session, string account, Action<string> verbose, CancellationToken ct) =>
            new AccessReportService(session, verbose).ExternallyAssumableRoles(account, ct);

        internal static object NoRoles() => new ExternallyAssumableRole[0];

        internal static IReadOnlyList<AccessReportEntry> Bucket(AwsSession session, string bucket, string account, bool includeObjectAcl, int sampleSize,
            Action<string> verbose, CancellationToken ct) =>
            new AccessReportService(session, verbose).ReadBucket(bucket, account,
                new BucketReportOptions { IncludeObjectAcl = includeObjectAcl, ObjectSampleSize = sampleSize }, ct);

        internal static IReadOnlyList<AccessReportEntry> RoleEntries(string bucket, string account, object roles) =>
            AccessReportService.ForRoles(bucket, account, (IReadOnlyList<ExternallyAssumableRole>)roles);
    }
}
