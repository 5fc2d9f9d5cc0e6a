#Requires -Version 5.1
<#
    The module's default views as a user sees them: each rendered through Out-String at 80 and at 120 columns and
    pinned line for line (trailing spaces dropped). What they pin: nothing a reader needs is cut off or dropped at 80
    columns, no ARN is broken mid-word, statements are numbered from 1 wherever a person reads them (the data's
    Index properties count from 0, like $policy.Statement[i]), and Format-List * shows words, not C# record dumps.
    Build the package first (dotnet build src/S3CrossAccount -c Release), then:
        Invoke-Pester ./tests/Pester/Views.Tests.ps1
#>

BeforeAll {
    $manifest = Get-ChildItem -Path (Join-Path $PSScriptRoot '../../out/S3CrossAccount') -Filter S3CrossAccount.psd1 -Recurse | Select-Object -First 1
    Import-Module $manifest.FullName -Force
    if ($PSStyle) {
        $rendering = $PSStyle.OutputRendering
        $PSStyle.OutputRendering = 'PlainText'
    }

    function Get-Rendering($InputObject, [int] $Width) {
        $lines = ($InputObject | Out-String -Width $Width) -split '\r?\n' | ForEach-Object { $_.TrimEnd() }
        ($lines -join "`n").Trim("`n")
    }

    function Get-Pinned([string] $Text) { ($Text -replace "`r", '').Trim("`n") }

    $user = 'arn:aws:iam::222233334444:user/AccountBUserName'
    $withAcl = New-XAccountBucketPolicy -Bucket account-a-bucket -Principal $user -Access ReadWrite -RequireBucketOwnerFullControl
    $noDelete = ConvertFrom-XAccountPolicyJson '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222233334444:user/AccountBUserName"},"Action":["s3:GetObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::account-a-bucket/*"},{"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::222233334444:user/AccountBUserName"},"Action":"s3:DeleteObject","Resource":"arn:aws:s3:::account-a-bucket/*"}]}'
    $userPolicy = New-XAccountIdentityPolicy -Bucket account-a-bucket -Access ReadWrite
    $report = @(
        [S3CrossAccount.Core.Reports.AccessReportEntry]::new('account-a-bucket', '111122223333', $user, 'AWS', '222233334444', 'BucketPolicy', 's3:GetObject, s3:GetObjectVersion, s3:PutObject, s3:PutObjectAcl', 'arn:aws:s3:::account-a-bucket/*', $null, 'statement #1', $false)
        [S3CrossAccount.Core.Reports.AccessReportEntry]::new('account-a-bucket', '111122223333', $user, 'AWS', '222233334444', 'Role', 's3:GetObject', 'arn:aws:s3:::account-a-bucket/*', $null, 'arn:aws:iam::111122223333:role/examplerole', $false)
    )
    $probe = @(
        [S3CrossAccount.Core.Probes.LiveProbeResult]::new('account-a-bucket', 'report.csv', 's3:GetObject', 'Allowed', $null, $null).WithPrediction('Allowed')
        [S3CrossAccount.Core.Probes.LiveProbeResult]::new('account-a-bucket', $null, 's3:GetBucketPolicy', 'Denied', 'AccessDenied', 'Access Denied').WithPrediction('ImplicitDeny')
    )
    $steps = @(
        [S3CrossAccount.Core.Setup.XAccountSetupStep]::new(1, 'BucketAccount', 'BucketPolicy', 'S3 PutBucketPolicy', 'account-a-bucket', 'Changed', 'Added statement XAccountABDE13C2E4BC.', $null)
        [S3CrossAccount.Core.Setup.XAccountSetupStep]::new(2, 'GranteeAccount', 'IdentityPolicy', 'IAM PutUserPolicy', 'user AccountBUserName/S3CrossAccountAccess', 'Unchanged', $null, $null)
    )
    $lintable = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::account-a-bucket/*"},{"Sid":"ReadBucket","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222233334444:user/AccountBUserName"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::account-a-bucket"}]}'
}

AfterAll {
    if ($PSStyle -and $null -ne $rendering) { $PSStyle.OutputRendering = $rendering }
    Remove-Module S3CrossAccount -ErrorAction SilentlyContinue
}

Describe 'Test-XAccountAccess view' -Tag Unit {
    It 'is a list with the principal, resource and reason in full at <Width> columns' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
        Get-Rendering (Test-XAccountAccess -Principal $user -Action s3:PutObject -Resource s3://account-a-bucket/report.csv -BucketAccount 111122223333 -BucketPolicy $withAcl -IdentityPolicy $userPolicy) $Width | Should -BeExactly (Get-Pinned @'
Allowed   : False
Decision  : ExplicitDeny
Principal : arn:aws:iam::222233334444:user/AccountBUserName
Action    : s3:PutObject
Resource  : arn:aws:s3:::account-a-bucket/report.csv
Reason    : explicit Deny in bucket policy 'BucketPolicy' (statement #2) for
            s3:PutObject
Layers    : ObjectOwnership: NotApplicable (BucketOwnerEnforced: ACLs are
            disabled and the bucket owner owns every object)
            IdentityPolicy: Allow
            BucketPolicy: Deny
            Acl: NotApplicable (ACLs are disabled (BucketOwnerEnforced))
'@)
    }

    # -Detailed adds the trace; its statement numbers are the Reason's (from 1), though Index in the data counts from 0.
    It 'shows the trace with -Detailed, numbering statements as the reason does (from 1) at <Width> columns' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
        Get-Rendering (Test-XAccountAccess $user s3:DeleteObject s3://account-a-bucket/report.csv -BucketAccount 111122223333 -BucketPolicy $noDelete -IdentityPolicy $userPolicy -Detailed) $Width | Should -BeExactly (Get-Pinned @'
Allowed   : False
Decision  : ExplicitDeny
Principal : arn:aws:iam::222233334444:user/AccountBUserName
Action    : s3:DeleteObject
Resource  : arn:aws:s3:::account-a-bucket/report.csv
Reason    : explicit Deny in bucket policy 'BucketPolicy' (statement #2) for
            s3:DeleteObject
Layers    : ObjectOwnership: NotApplicable (BucketOwnerEnforced: ACLs are
            disabled and the bucket owner owns every object)
            IdentityPolicy: NoMatch
            BucketPolicy: Deny
            Acl: NotApplicable (ACLs are disabled (BucketOwnerEnforced))
Trace     : IdentityPolicy #1 Allow: action s3:DeleteObject is not in its
            Action
            BucketPolicy #1 Allow: applies
            BucketPolicy #2 Deny: applies
'@)
    }
}

Describe 'Test-XAccountPolicy view' -Tag Unit {
    It 'lists each finding with its message in full and its statement numbered from 1 at <Width> columns' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
        Get-Rendering (Test-XAccountPolicy -Policy $lintable -Kind BucketPolicy) $Width | Should -BeExactly (Get-Pinned @'
Severity  : Warning
Code      : PublicPrincipalWithoutCondition
Statement : #1
Message   : The statement allows everyone ("*") without a condition: anyone,
            including anonymous callers, gets these permissions.

Severity  : Error
Code      : ObjectActionOnBucketArn
Statement : #2 (Sid ReadBucket)
Message   : s3:GetObject acts on objects but the statement names only bucket
            ARNs (arn:aws:s3:::account-a-bucket); use arn:...:s3:::bucket/*
            for objects.
'@)
    }
}

Describe 'policy documents view' -Tag Unit {
    It 'list every statement, Deny included, one element per line at <Width> columns' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
        Get-Rendering ($withAcl) $Width | Should -BeExactly (Get-Pinned @'
Version    : 2012-10-17
Statements : 2 (1 Allow, 1 Deny)
Statement  : #1 Allow s3:GetObject, s3:PutObject, s3:PutObjectAcl
                on arn:aws:s3:::account-a-bucket/*
                to arn:aws:iam::222233334444:user/AccountBUserName
             #2 Deny s3:PutObject
                on arn:aws:s3:::account-a-bucket/*
                to arn:aws:iam::222233334444:user/AccountBUserName
                if StringNotEquals s3:x-amz-acl: bucket-owner-full-control
'@)
    }

    It 'give $policy.Statement (the JSON name) as a table of effect and grant at <Width> columns' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
        Get-Rendering ($withAcl.Statement) $Width | Should -BeExactly (Get-Pinned @'
Sid Effect Statement
--- ------ ---------
    Allow  s3:GetObject, s3:PutObject, s3:PutObjectAcl
           on arn:aws:s3:::account-a-bucket/*
           to arn:aws:iam::222233334444:user/AccountBUserName
    Deny   s3:PutObject
           on arn:aws:s3:::account-a-bucket/*
           to arn:aws:iam::222233334444:user/AccountBUserName
           if StringNotEquals s3:x-amz-acl: bucket-owner-full-control
'@)
    }
}

Describe 'Get-XAccountAccessReport view' -Tag Unit {
    # Two entries for one principal differ by Source (the statement, or the role that reaches the bucket).
    It 'lists each entry with its source and actions in full at <Width> columns' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
        Get-Rendering ($report) $Width | Should -BeExactly (Get-Pinned @'
Bucket    : account-a-bucket
Principal : arn:aws:iam::222233334444:user/AccountBUserName
Path      : BucketPolicy
Public    : False
Actions   : s3:GetObject, s3:GetObjectVersion, s3:PutObject, s3:PutObjectAcl
Resources : arn:aws:s3:::account-a-bucket/*
Source    : statement #1

Bucket    : account-a-bucket
Principal : arn:aws:iam::222233334444:user/AccountBUserName
Path      : Role
Public    : False
Actions   : s3:GetObject
Resources : arn:aws:s3:::account-a-bucket/*
Source    : arn:aws:iam::111122223333:role/examplerole
'@)
    }
}

Describe 'Test-XAccountAccess -Live view' -Tag Unit {
    It 'shows every action name in full, under its bucket at <Width> columns' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
        Get-Rendering ($probe) $Width | Should -BeExactly (Get-Pinned @'
   Bucket: account-a-bucket

Action             Outcome  Predicted    Matches ErrorCode          Key
------             -------  ---------    ------- ---------          ---
s3:GetObject       Allowed  Allowed      True                       report.csv
s3:GetBucketPolicy Denied   ImplicitDeny True    AccessDenied
'@)
    }
}

Describe 'Invoke-XAccountSetup steps view' -Tag Unit {
    It 'list each step with its status second at <Width> columns' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
        Get-Rendering ($steps) $Width | Should -BeExactly (Get-Pinned @'
Order     : 1
Status    : Changed
Side      : BucketAccount
Operation : S3 PutBucketPolicy
Target    : account-a-bucket
Detail    : Added statement XAccountABDE13C2E4BC.

Order     : 2
Status    : Unchanged
Side      : GranteeAccount
Operation : IAM PutUserPolicy
Target    : user AccountBUserName/S3CrossAccountAccess
'@)
    }
}

Describe 'Format-List * of policy objects' -Tag Unit {
    It 'prints each statement and condition in words, never a type name or a C# record dump' {
        $text = Get-Rendering (@($withAcl | Format-List *) + @($withAcl.Statement[1] | Format-List *)) 120
        $text | Should -Match 'Condition +: StringNotEquals s3:x-amz-acl: bucket-owner-full-control'
        $text | Should -Not -Match 'S3CrossAccount\.Core'
        $text | Should -Not -Match 'PolicyStatement \{'
        $withAcl.Statement[1].ToString() | Should -BeExactly 'Deny s3:PutObject on arn:aws:s3:::account-a-bucket/* to arn:aws:iam::222233334444:user/AccountBUserName if StringNotEquals s3:x-amz-acl: bucket-owner-full-control'
    }

    It 'gives the statements under their JSON name, $policy.Statement' {
        $withAcl.Statement.Count | Should -Be 2
        $withAcl.Statement[1].Effect | Should -Be 'Deny'
        [object]::ReferenceEquals($withAcl.Statement, $withAcl.Statements) | Should -BeTrue
    }
}
