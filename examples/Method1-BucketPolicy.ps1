#Requires -Modules S3CrossAccount
<#
.SYNOPSIS
    Seed method 1 (AWS walkthroughs 000 and 002): account A's bucket policy lets a principal of account B read and
    write objects, and account B gives that principal the matching identity policy.
.DESCRIPTION
    Safe to re-run: both policies are merged with what is there, and a second run writes nothing. The bucket policy
    before the change is saved to -BackupPath. Run with -WhatIf to see every change without making it.
.EXAMPLE
    ./Method1-BucketPolicy.ps1 -Bucket account-a-bucket -GranteeUserArn arn:aws:iam::222233334444:user/AccountBUserName -BucketAccountProfile AccountA -GranteeAccountProfile AccountB
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [string] $Bucket,
    [Parameter(Mandatory)] [string] $GranteeUserArn,
    [Parameter(Mandatory)] [string] $BucketAccountProfile,
    [Parameter(Mandatory)] [string] $GranteeAccountProfile,
    [string] $GranteeUserName = $GranteeUserArn.Split('/')[-1],
    [ValidateSet('Read', 'Write', 'ReadWrite')] [string] $Access = 'ReadWrite',
    [string] $Prefix,
    [string] $BackupPath = "./$Bucket.policy.before.json"
)

$ErrorActionPreference = 'Stop'
$folder = @{}
if ($Prefix) { $folder.Prefix = $Prefix }

if ($PSCmdlet.ShouldProcess("s3://$Bucket and $GranteeUserArn", "Grant $Access access across accounts")) {
    # Account A: the bucket policy (merged; statements already there stay).
    $bucketPolicy = New-XAccountBucketPolicy -Bucket $Bucket -Principal $GranteeUserArn -Access $Access -IncludeObjectVersions @folder
    Test-XAccountPolicy -Policy $bucketPolicy -Kind BucketPolicy | Where-Object Severity -eq 'Error' | ForEach-Object { throw $_.Message }
    Set-XAccountBucketPolicy -Bucket $Bucket -Policy $bucketPolicy -BackupPath $BackupPath -ProfileName $BucketAccountProfile

    # Account B: the identity policy on the user.
    New-XAccountIdentityPolicy -Bucket $Bucket -Access $Access -IncludeObjectVersions @folder |
        Set-XAccountIdentityPolicy -UserName $GranteeUserName -PolicyName "S3CrossAccount-$Bucket" -ProfileName $GranteeAccountProfile
}
