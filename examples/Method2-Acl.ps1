#Requires -Modules S3CrossAccount
<#
.SYNOPSIS
    Seed method 2 (AWS walkthroughs 000 and 002): account A's bucket ACL gives account B WRITE, and the ACLs of the
    objects under a prefix give it READ, by B's canonical user ID.
.DESCRIPTION
    B's canonical ID is read with B's credentials, never typed by hand. Existing grants are kept, and objects whose
    ACL already has the grant are not written, so an interrupted run can simply be run again. ACLs must be enabled on
    the bucket (Object Ownership other than BucketOwnerEnforced); this script never changes that setting.
.EXAMPLE
    ./Method2-Acl.ps1 -Bucket account-a-bucket -Prefix reports/ -BucketAccountProfile AccountA -GranteeAccountProfile AccountB -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [string] $Bucket,
    [Parameter(Mandatory)] [string] $BucketAccountProfile,
    [Parameter(Mandatory)] [string] $GranteeAccountProfile,
    [string] $Prefix = '',
    [ValidateRange(1, 64)] [int] $ThrottleLimit = 8
)

$ErrorActionPreference = 'Stop'
$ownership = Get-XAccountObjectOwnership -Bucket $Bucket -ProfileName $BucketAccountProfile
if (-not $ownership.AclsEnabled) {
    throw "ACLs are disabled on $Bucket (BucketOwnerEnforced). Use Method1-BucketPolicy.ps1, or enable ACLs deliberately with Set-XAccountObjectOwnership."
}

$grantee = Get-XAccountCanonicalId -ProfileName $GranteeAccountProfile
if ($PSCmdlet.ShouldProcess("s3://$Bucket/$Prefix", "Grant WRITE on the bucket and READ on its objects to $($grantee.CanonicalUserId)")) {
    Grant-XAccountAcl -Bucket $Bucket -Permission WRITE -CanonicalId $grantee.CanonicalUserId -ProfileName $BucketAccountProfile
    Grant-XAccountAcl -Bucket $Bucket -Prefix $Prefix -Permission READ -CanonicalId $grantee.CanonicalUserId -ThrottleLimit $ThrottleLimit -ProfileName $BucketAccountProfile
}
