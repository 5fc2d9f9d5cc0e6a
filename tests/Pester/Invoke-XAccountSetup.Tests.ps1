# Pester 5 tests for users with pwsh or Windows PowerShell: run from the repository root after building
# (the module is packaged into out/). The same behaviour is tested by xunit hosting the engine
# (tests/S3CrossAccount.Engine.Tests/Setup) and against radosgw (tests/S3CrossAccount.IntegrationTests, SetupMethodTests).
BeforeAll {
    $manifest = Get-ChildItem -Path (Join-Path $PSScriptRoot '../../out/S3CrossAccount') -Filter S3CrossAccount.psd1 -Recurse | Select-Object -First 1
    Import-Module $manifest.FullName -Force

    # Nothing below reaches AWS: method BucketPolicy plans without any call, and every error case is refused first.
    $offline = @{ AccessKey = 'AKIAIOSFODNN7EXAMPLE'; SecretKey = 'not-a-real-secret'; Region = 'us-east-1'; EndpointUrl = 'http://127.0.0.1:9' }
    $other = [pscustomobject]@{ AccessKey = 'AKIAI44QH8DHBEXAMPLE'; SecretKey = 'not-a-real-secret' }

    function Get-ErrorId([scriptblock] $Command) {
        try { & $Command -ErrorAction Stop; return $null } catch { return $_.FullyQualifiedErrorId }
    }
}

Describe 'Invoke-XAccountSetup' -Tag Unit {
    Context 'Parameter validation' {
        It 'declares the documented parameters' {
            $names = (Get-Command Invoke-XAccountSetup).Parameters.Keys
            foreach ($p in 'Method', 'Bucket', 'Grantee', 'Prefix', 'Access', 'Action', 'GranteeIdentityName', 'RoleName', 'GranteeProfileName', 'GranteeCredential', 'VerifyProfileName', 'VerifyCredential', 'PropagationTimeout', 'ProfileName', 'WhatIf', 'Confirm') {
                $names | Should -Contain $p
            }
        }

        It 'accepts only the three seed methods' {
            { Invoke-XAccountSetup -Method Email -Bucket AccountABucketName -Grantee 222233334444 -GranteeCredential $other @offline } | Should -Throw
        }
    }

    Context 'Errors' {
        It 'needs the other account''s credentials' {
            Get-ErrorId { Invoke-XAccountSetup -Method BucketPolicy -Bucket AccountABucketName -Grantee 222233334444 @offline } |
                Should -Be 'InvalidParameterCombination,S3CrossAccount.Commands.Setup.InvokeXAccountSetupCommand'
        }

        It 'refuses a user as the grantee of ACLs (they grant to accounts)' {
            Get-ErrorId { Invoke-XAccountSetup -Method Acl -Bucket accountabucketname -Grantee arn:aws:iam::222233334444:user/Dave -GranteeCredential $other @offline } |
                Should -Be 'InvalidSetupGrantee,S3CrossAccount.Commands.Setup.InvokeXAccountSetupCommand'
        }
    }

    Context 'WhatIf' {
        It 'plans method BucketPolicy step by step, writing nothing' {
            $plan = Invoke-XAccountSetup -Method BucketPolicy -Bucket accountabucketname -Grantee arn:aws:iam::222233334444:user/Dave -GranteeCredential $other -WhatIf @offline
            $plan.Steps.Status | Should -Be @('Planned', 'Planned')
            $plan.Steps.Operation | Should -Be @('S3 PutBucketPolicy', 'IAM PutUserPolicy')
            $plan.Completed | Should -BeFalse
        }
    }
}

Describe 'Remove-XAccountSetup' -Tag Unit {
    It 'is a High-impact cmdlet that supports -WhatIf' {
        $attribute = (Get-Command Remove-XAccountSetup).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
        $attribute.SupportsShouldProcess | Should -BeTrue
    }
}
