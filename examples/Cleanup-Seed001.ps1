#Requires -Modules S3CrossAccount
<#
.SYNOPSIS
    Seed 001 step 4: removes what the cross-account setup added, and nothing else, then reports who outside
    account A can still reach the bucket.
.PARAMETER BucketAccountId
    Account A's 12-digit ID, for the report. By default STS GetCallerIdentity tells it; S3-compatible servers
    without that call need it given.
.EXAMPLE
    ./Cleanup-Seed001.ps1 -Bucket doc-example-bucket1 -RoleName examplerole -GranteeArn arn:aws:iam::222233334444:user/AccountBadmin -BucketAccountProfile AccountA -Confirm:$false
#>
[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
param(
    [Parameter(Mandatory)] [string] $Bucket,
    [Parameter(Mandatory)] [string] $RoleName,
    [Parameter(Mandatory)] [string] $GranteeArn,
    [Parameter(Mandatory)] [string] $BucketAccountProfile,
    [string] $BucketAccountId
)

$ErrorActionPreference = 'Stop'
if ($PSCmdlet.ShouldProcess("s3://$Bucket and role $RoleName", 'Remove the cross-account grants')) {
    # Only the statements the module added for this principal go; the policy is deleted when nothing is left.
    Remove-XAccountBucketPolicyStatement -Bucket $Bucket -Principal $GranteeArn -BackupPath "./$Bucket.policy.before-cleanup.json" -ProfileName $BucketAccountProfile -Confirm:$false
    # Inline policies, module-created managed policies, then the role.
    Remove-XAccountRole -RoleName $RoleName -ProfileName $BucketAccountProfile -Confirm:$false
}

$account = @{}
if ($BucketAccountId) { $account.AccountId = $BucketAccountId }
Get-XAccountAccessReport -Bucket $Bucket -ProfileName $BucketAccountProfile @account
