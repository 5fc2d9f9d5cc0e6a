#Requires -Modules S3CrossAccount
<#
.SYNOPSIS
    Seed method 3 (AWS walkthroughs 001 and 003): a role in account A that a user of account C may assume to read
    the bucket's objects, the sts:AssumeRole permission for that user, and proof that it works (seed 001 step 3.2).
.DESCRIPTION
    The role is created or converged (a re-run changes nothing), the user's policy is merged, then the role is
    assumed with the user's profile (IAM takes a few seconds to propagate; Use-XAccountRole retries) and the
    access is probed live: GetObject allowed, GetObjectAcl denied.
.PARAMETER TrustedAccountProfile
    An administrator of the user's account, to let the user call sts:AssumeRole on the role (seed 001 step 3.1).
    Leave it out when the user may already assume the role, as that account's administrator may.
.EXAMPLE
    ./Method3-Role.ps1 -Bucket doc-example-bucket1 -Key HappyFace.jpg -RoleName examplerole -TrustedUserArn arn:aws:iam::333344445555:user/Dave -BucketAccountProfile AccountA -TrustedAccountProfile AccountC -TrustedUserProfile AccountCDave
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [string] $Bucket,
    [Parameter(Mandatory)] [string] $Key,
    [Parameter(Mandatory)] [string] $RoleName,
    [Parameter(Mandatory)] [string] $TrustedUserArn,
    [Parameter(Mandatory)] [string] $BucketAccountProfile,
    [string] $TrustedAccountProfile,
    [Parameter(Mandatory)] [string] $TrustedUserProfile,
    [switch] $RequireMfa
)

$ErrorActionPreference = 'Stop'
if ($PSCmdlet.ShouldProcess("role $RoleName and $TrustedUserArn", 'Create the cross-account role and let the user assume it')) {
    $role = New-XAccountRole -RoleName $RoleName -TrustedPrincipal $TrustedUserArn -RequireMfa:$RequireMfa -Bucket $Bucket -Access Read -ProfileName $BucketAccountProfile
    if ($TrustedAccountProfile) {
        $role | Grant-XAccountAssumeRole -UserName $TrustedUserArn.Split('/')[-1] -ProfileName $TrustedAccountProfile
    }

    $credential = $role | Use-XAccountRole -RoleSessionName runbook -ProfileName $TrustedUserProfile
    $probe = Test-XAccountAccess -Live -Bucket $Bucket -Key $Key -Credential $credential
    $probe
    if (-not ($probe | Where-Object Action -eq 's3:GetObject').Allowed) {
        throw "The role session cannot read s3://$Bucket/$Key."
    }
}
