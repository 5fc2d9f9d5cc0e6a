@{
    RootModule           = 'S3CrossAccount.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '1772827f-07fe-40c0-b50a-0b4fd4538cdf'
    Author               = 'S3CrossAccount contributors'
    CompanyName          = 'S3CrossAccount'
    Copyright            = '(c) S3CrossAccount contributors. MIT License.'
    Description          = 'Gives another AWS account access to Amazon S3 objects by every documented method (bucket and identity policies, ACLs, cross-account IAM roles), safely, idempotently, and with proof that the access works. Shares credential profiles with AWS Tools for PowerShell.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('S3CrossAccount.Format.ps1xml')
    CmdletsToExport      = @(
        # One name per line and no commas, so additions from parallel work never break the array.
        # Policy core (offline)
        'ConvertFrom-XAccountPolicyJson'
        'ConvertTo-XAccountPolicyJson'
        'Merge-XAccountPolicy'
        'New-XAccountAccessPolicy'
        'New-XAccountAssumeRolePolicy'
        'New-XAccountBucketPolicy'
        'New-XAccountIdentityPolicy'
        'New-XAccountPolicyStatement'
        'New-XAccountTrustPolicy'
        'Test-XAccountPolicy'
        # Evaluation (offline)
        'Test-XAccountAccess'
        # Sessions and identity
        'Get-XAccountIdentity'
        'Get-XAccountCanonicalId'
        # S3, IAM and STS (against AWS)
        'New-XAccountRole'
        'Remove-XAccountRole'
        'Set-XAccountIdentityPolicy'
        'Grant-XAccountAssumeRole'
        'Use-XAccountRole'
        # Bucket policies and uploads (against AWS)
        'Get-XAccountBucketPolicy'
        'Set-XAccountBucketPolicy'
        'Remove-XAccountBucketPolicyStatement'
        'Send-XAccountObject'
        # ACLs and Object Ownership (seed method 2)
        'Grant-XAccountAcl'
        'Revoke-XAccountAcl'
        'Get-XAccountObjectOwnership'
        'Set-XAccountObjectOwnership'
        # Reports (against AWS)
        'Get-XAccountAccessReport'
        # Whole seed methods for runbooks
        'Invoke-XAccountSetup'
        'Remove-XAccountSetup'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('AWS', 'S3', 'IAM', 'STS', 'CrossAccount', 'BucketPolicy', 'ACL', 'Security', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/s3crossaccount/S3CrossAccount'
            LicenseUri   = 'https://github.com/s3crossaccount/S3CrossAccount/blob/main/LICENSE'
            ReleaseNotes = 'See CHANGELOG.md.'
        }
    }
}
