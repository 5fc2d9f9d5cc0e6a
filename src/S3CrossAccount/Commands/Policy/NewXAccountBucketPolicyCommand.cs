using System.Collections.Generic;
using System.Management.Automation;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Policies;
using S3CrossAccount.Core.Policies.Builders;

namespace S3CrossAccount.Commands.Policy
{
    /// <summary>
    /// The bucket policy of the bucket account naming the other account's principals (seeds 000, 001, 002),
    /// or a policy made of statements piped in from New-XAccountPolicyStatement.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "XAccountBucketPolicy", HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/New-XAccountBucketPolicy.md")]
    [OutputType(typeof(PolicyDocument))]
    public sealed class NewXAccountBucketPolicyCommand : S3AccessPolicyCommandBase
    {
        public const string StatementSet = "Statement";

        private readonly List<PolicyStatement> _statements = new List<PolicyStatement>();

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = AccessSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ActionSet, ValueFromPipelineByPropertyName = true)]
        [Alias("AccountId", "PrincipalArn")]
        [ValidateNotNullOrEmpty]
        public string[] Principal { get; set; } = new string[0];

        [Parameter(ParameterSetName = AccessSet)]
        [Parameter(ParameterSetName = ActionSet)]
        public SwitchParameter RequireBucketOwnerFullControl { get; set; }

        [Parameter(ParameterSetName = AccessSet)]
        [Parameter(ParameterSetName = ActionSet)]
        [ValidateNotNullOrEmpty]
        public string? BucketOwnerCanonicalId { get; set; }

        [Parameter(ParameterSetName = AccessSet)]
        [Parameter(ParameterSetName = ActionSet)]
        public SwitchParameter AllowPublic { get; set; }

        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = StatementSet)]
        [ValidateNotNull]
        public PolicyStatement[] Statement { get; set; } = new PolicyStatement[0];

        protected override void ProcessRecord()
        {
            if (ParameterSetName == StatementSet)
            {
                _statements.AddRange(Statement);
                return;
            }

            ProcessTarget(() =>
            {
                if (BucketOwnerCanonicalId != null && !RequireBucketOwnerFullControl.IsPresent)
                {
                    throw new XAccountException(ErrorCode.InvalidParameterCombination,
                        "-BucketOwnerCanonicalId is used only with -RequireBucketOwnerFullControl.", "BucketOwnerCanonicalId",
                        "Add -RequireBucketOwnerFullControl, or drop -BucketOwnerCanonicalId.");
                }

                var options = new BucketPolicyOptions
                {
                    AllowPublic = AllowPublic.IsPresent,
                    BucketOwnerCanonicalId = BucketOwnerCanonicalId,
                    RequireBucketOwnerFullControl = !RequireBucketOwnerFullControl.IsPresent ? (OwnerFullControlForm?)null
                        : BucketOwnerCanonicalId != null ? OwnerFullControlForm.GrantFullControlHeader : OwnerFullControlForm.CannedAcl,
                };
                return PolicyBuilder.BucketPolicy(BuildRequest(), Principal, options);
            }, policy => WriteObject(WithBucketName(policy, Bucket)));
        }

        /// <summary>
        /// The policy carries the bucket it was made for, so Set-XAccountBucketPolicy binds -Bucket from it by
        /// property name. A note property, not a member of PolicyDocument: the bucket is no part of the policy's JSON.
        /// </summary>
        private static PSObject WithBucketName(PolicyDocument policy, string bucket)
        {
            var wrapped = new PSObject(policy);
            wrapped.Properties.Add(new PSNoteProperty("BucketName", bucket));
            return wrapped;
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == StatementSet && _statements.Count > 0)
            {
                WriteObject(new PolicyDocument(_statements));
            }
        }
    }
}
