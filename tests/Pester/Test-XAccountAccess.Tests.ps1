# Pester 5 tests for users with pwsh or Windows PowerShell: run from the repository root after building
# (the module is packaged into out/). The same behaviour is tested here by xunit hosting the engine.
BeforeAll {
    $manifest = Get-ChildItem -Path (Join-Path $PSScriptRoot '../../out/S3CrossAccount') -Filter S3CrossAccount.psd1 -Recurse | Select-Object -First 1
    Import-Module $manifest.FullName -Force

    # Seed 002, method 1: bucket policy in account A (111122223333) naming account B's user, identity policy in B.
    $bucketPolicy = '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::444455556666:user/AccountBUserName" }, "Action": [ "s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl" ], "Resource": [ "arn:aws:s3:::AccountABucketName/*" ] } ] }'
    $userPolicy = '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl" ], "Resource": "arn:aws:s3:::AccountABucketName/*" } ] }'
    $user = 'arn:aws:iam::444455556666:user/AccountBUserName'
    $common = @{ BucketAccount = '111122223333'; BucketPolicy = $bucketPolicy }
}

Describe 'Test-XAccountAccess' -Tag Unit {
    Context 'Parameter validation' {
        It 'declares the documented parameters' {
            $names = (Get-Command Test-XAccountAccess).Parameters.Keys
            foreach ($p in 'Principal', 'Action', 'Resource', 'BucketAccount', 'ObjectOwnerAccount', 'BucketPolicy', 'IdentityPolicy', 'BucketAcl', 'ObjectAcl', 'ObjectOwnership', 'Context', 'Detailed') {
                $names | Should -Contain $p
            }
        }

        It 'rejects a bucket account that is not 12 digits' {
            { Test-XAccountAccess $user s3:GetObject arn:aws:s3:::AccountABucketName/a -BucketAccount 1234 } | Should -Throw
        }
    }

    Context 'Decisions' {
        It 'allows account B''s user to get and put objects (seed 002, method 1)' {
            (Test-XAccountAccess $user s3:GetObject s3://AccountABucketName/report.csv @common -IdentityPolicy $userPolicy).Allowed | Should -BeTrue
            (Test-XAccountAccess $user s3:PutObject s3://AccountABucketName/report.csv @common -IdentityPolicy $userPolicy).Allowed | Should -BeTrue
        }

        It 'denies without the identity policy in account B, and says why' {
            $d = Test-XAccountAccess $user s3:PutObject s3://AccountABucketName/report.csv @common
            $d.Decision | Should -Be 'ImplicitDeny'
            $d.Reason | Should -Be 'cross-account: bucket policy allows, but no identity policy in 444455556666 allows s3:PutObject'
        }

        It 'gives one decision per piped row' {
            $rows = @(
                [pscustomobject]@{ Principal = $user; Action = 's3:GetObject'; Resource = 'arn:aws:s3:::AccountABucketName/a' }
                [pscustomobject]@{ Principal = $user; Action = 's3:DeleteObject'; Resource = 'arn:aws:s3:::AccountABucketName/a' }
            )
            ($rows | Test-XAccountAccess @common -IdentityPolicy $userPolicy).Allowed | Should -Be @($true, $false)
        }
    }

    Context 'Errors' {
        It 'reports malformed policy JSON with its error id' {
            { Test-XAccountAccess $user s3:GetObject arn:aws:s3:::b/k -BucketAccount 111122223333 -BucketPolicy '{"Version": ' -ErrorAction Stop } |
                Should -Throw -ErrorId 'InvalidPolicyJson,S3CrossAccount.Commands.Evaluation.TestXAccountAccessCommand'
        }
    }
}
