# Pester 5 tests for users with pwsh or Windows PowerShell: run from the repository root after building
# (the module is packaged into out/). No AWS call is made: every case fails or stops before one (the
# endpoint, port 9, is never reached). The same behaviour is tested by xunit hosting the engine
# (tests/S3CrossAccount.Engine.Tests/Buckets) and end to end on radosgw (IntegrationTests/Scenarios).
BeforeAll {
    $manifest = Get-ChildItem -Path (Join-Path $PSScriptRoot '../../out/S3CrossAccount') -Filter S3CrossAccount.psd1 -Recurse | Select-Object -First 1
    Import-Module $manifest.FullName -Force
    $offline = @{ AccessKey = 'AKIAIOSFODNN7EXAMPLE'; SecretKey = 'not-a-real-secret'; Region = 'us-east-1'; EndpointUrl = 'http://127.0.0.1:9' }
    $public = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports-bucket/*"}]}'
}

Describe 'Set-XAccountBucketPolicy' -Tag Unit {
    Context 'Parameter validation' {
        It 'declares the documented parameters' {
            $names = (Get-Command Set-XAccountBucketPolicy).Parameters.Keys
            foreach ($p in 'Bucket', 'Policy', 'Replace', 'AllowPublic', 'BackupPath', 'PassThru', 'WhatIf', 'Confirm') {
                $names | Should -Contain $p
            }
        }

        It 'refuses a public Allow without -AllowPublic' {
            Set-XAccountBucketPolicy -Bucket reports-bucket -Policy $public @offline -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -Be 'PublicPrincipalNotAllowed,S3CrossAccount.Commands.Buckets.SetXAccountBucketPolicyCommand'
        }

        It 'binds BucketName and Policy by property name' {
            $policy = New-XAccountBucketPolicy -Bucket reports-bucket -Principal 222233334444
            [pscustomobject]@{ BucketName = 'Bad_Bucket'; Policy = $policy } | Set-XAccountBucketPolicy @offline -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -Be 'InvalidBucketName,S3CrossAccount.Commands.Buckets.SetXAccountBucketPolicyCommand'
            $err[0].TargetObject | Should -Be 'Bad_Bucket'
        }
    }
}

Describe 'Remove-XAccountBucketPolicyStatement' -Tag Unit {
    It 'has ConfirmImpact High' {
        $type = (Get-Command Remove-XAccountBucketPolicyStatement).ImplementingType
        $type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }

    It 'rejects a principal that is not an account ID or ARN before any call (a terminating error: it is the command''s own argument)' {
        { Remove-XAccountBucketPolicyStatement -Bucket reports-bucket -Principal 12345 -Confirm:$false @offline } |
            Should -Throw -ErrorId 'InvalidAccountId,S3CrossAccount.Commands.Buckets.RemoveXAccountBucketPolicyStatementCommand'
    }
}

Describe 'Send-XAccountObject' -Tag Unit {
    It 'reports a missing file (a terminating error: it is the command''s own argument)' {
        { Send-XAccountObject -Bucket reports-bucket -File (Join-Path $TestDrive 'missing.csv') @offline } |
            Should -Throw -ErrorId 'InputFileNotFound,S3CrossAccount.Commands.Buckets.SendXAccountObjectCommand'
    }

    It 'uploads nothing with -WhatIf' {
        Set-Content -Path (Join-Path $TestDrive 'report.csv') -Value 'a,b'
        Get-ChildItem $TestDrive -Filter report.csv | Send-XAccountObject -Bucket reports-bucket @offline -WhatIf | Should -BeNullOrEmpty
    }
}
