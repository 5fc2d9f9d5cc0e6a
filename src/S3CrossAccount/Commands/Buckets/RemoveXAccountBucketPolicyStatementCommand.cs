using System;
using System.Management.Automation;
using S3CrossAccount.Aws.Buckets;
using S3CrossAccount.Commands.Base;
using S3CrossAccount.Commands.Policy;
using S3CrossAccount.Core.Buckets;
using S3CrossAccount.Core.Identifiers;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Merging;

namespace S3CrossAccount.Commands.Buckets
{
    /// <summary>
    /// Takes statements out of a bucket policy: by Sid (any statement), by principal (only statements
    /// this module wrote), or exactly a grant (what Set-XAccountBucketPolicy merged for that policy).
    /// Deletes the bucket policy when no statement is left.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "XAccountBucketPolicyStatement", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
        DefaultParameterSetName = SidSet, HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/Remove-XAccountBucketPolicyStatement.md")]
    [OutputType(typeof(XAccountBucketPolicyResult))]
    public sealed class RemoveXAccountBucketPolicyStatementCommand : AwsCmdlet
    {
        private const string SidSet = "Sid";
        private const string PrincipalSet = "Principal";
        private const string PolicySet = "Policy";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("BucketName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.BucketCompleter))]
        public string Bucket { get; set; } = string.Empty;

        /// <summary>Statements with these Sids, whoever wrote them.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SidSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Sid { get; set; } = new string[0];

        /// <summary>These principals, out of the statements this module wrote (their Sid starts with XAccount).</summary>
        [Parameter(Mandatory = true, ParameterSetName = PrincipalSet, ValueFromPipelineByPropertyName = true)]
        [Alias("AccountId", "PrincipalArn")]
        [ValidateNotNullOrEmpty]
        public string[] Principal { get; set; } = new string[0];

        /// <summary>Exactly this grant (for example New-XAccountBucketPolicy's output), as Set-XAccountBucketPolicy merged it.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PolicySet, ValueFromPipeline = true)]
        [PolicyDocumentTransformation]
        [ValidateNotNull]
        public PolicyDocument? Policy { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? BackupPath { get; set; }

        /// <summary>Output the result (changes and the policy as it now is).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (RefusedPolicyText()) return;
            base.ProcessRecord();
            ProcessTarget(Removal, remove =>
            {
                var backup = BackupPath == null ? null : GetUnresolvedProviderPathFromPSPath(BackupPath);
                using var service = new BucketPolicyService(GetAwsSession(), WriteVerbose);
                var result = service.RemoveStatements(Bucket, remove, backup, ShouldProcess, CancellationToken);
                if (result != null && PassThru.IsPresent)
                {
                    WriteObject(result);
                }
            });
        }

        /// <summary>What to take out of the policy, as a function of it; a principal typo fails here, before any AWS call.</summary>
        private Func<PolicyDocument, PolicyDocument> Removal()
        {
            switch (ParameterSetName)
                {
                case PrincipalSet:
                    var principals = Principal;
                    foreach (var principal in principals)
                    {
                        PrincipalArn.Parse(principal);
                    }

                    return p => BucketPolicyEdits.RemoveModulePrincipals(p, principals);
                case PolicySet:
                    var grant = Policy!;
                    return p => PolicyMerger.Remove(p, grant);
                default:
                    var sids = Sid;
                    return p => BucketPolicyEdits.RemoveSids(p, sids);
            }
        }
    }
}
