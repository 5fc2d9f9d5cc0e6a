using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using S3CrossAccount.Aws;
using S3CrossAccount.Aws.Probes;
using S3CrossAccount.Core.Identifiers;
using S3CrossAccount.Core.Probes;

namespace S3CrossAccount.Commands.Evaluation
{
    /// <summary>
    /// The AWS side of Test-XAccountAccess -Live, kept out of the cmdlet class so that the offline parameter
    /// set never loads the AWS SDK.
    /// </summary>
    internal static class LiveProbes
    {
        internal const string ProbeFolder = "s3crossaccount-probe/";

        internal static IReadOnlyList<LiveProbeResult> Run(AwsSession session, string bucket, string? key, string? prefix,
            bool writeRequested, bool writeConfirmed, Action<string> verbose, CancellationToken cancellationToken)
        {
            BucketName.Parse(bucket);
            var plan = new LiveProbePlan(bucket) { Key = key, Prefix = prefix, IncludeWrite = writeConfirmed, ProbeFolder = ProbeFolder };
            var results = AccessProber.Probe(session, plan, verbose, cancellationToken);
            if (!writeRequested || writeConfirmed)
            {
                return results;
            }

            const string why = "The write probe was not confirmed (-WhatIf or -Confirm).";
            return results.Concat(new[]
            {
                new LiveProbeResult(bucket, null, "s3:PutObject", ProbeOutcome.Skipped, null, why),
                new LiveProbeResult(bucket, null, "s3:DeleteObject", ProbeOutcome.Skipped, null, why),
            }).ToList();
        }
    }
}
