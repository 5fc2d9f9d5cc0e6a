# Pester 5 tests for users with pwsh or Windows PowerShell: run from the repository root after building
# (the module is packaged into out/). The same behaviour is tested by xunit hosting the engine
# (tests/S3CrossAccount.Engine.Tests/Acls) and against radosgw (tests/S3CrossAccount.IntegrationTests).
BeforeAll {
    $manifest = Get-ChildItem -Path (Join-Path $PSScriptRoot '../../out/S3CrossAccount') -Filter S3CrossAccount.psd1 -Recurse | Select-Object -First 1
    Import-Module $manifest.FullName -Force

    # Nothing below reaches AWS: every case is refused before the first call (port 9 discards anyway).
    $offline = @{ AccessKey = 'AKIAIOSFODNN7EXAMPLE'; SecretKey = 'not-a-real-secret'; Region = 'us-east-1'; EndpointUrl = 'http://127.0.0.1:9' }

    function Get-ErrorId([scriptblock] $Command) {
        try { & $Command -ErrorAction Stop; return $null } catch { return $_.FullyQualifiedErrorId }
    }
}

Describe 'Grant-XAccountAcl' -Tag Unit {
    Context 'Parameter validation' {
        It 'declares the documented parameters' {
            $names = (Get-Command Grant-XAccountAcl).Parameters.Keys
            foreach ($p in 'Bucket', 'Key', 'Prefix', 'Permission', 'CanonicalId', 'AccountId', 'GranteeProfileName', 'GranteeCredential', 'Group', 'AllowPublic', 'ThrottleLimit', 'WhatIf', 'Confirm') {
                $names | Should -Contain $p
            }
        }

        It 'binds CanonicalUserId (Get-XAccountCanonicalId output) to -CanonicalId' {
            (Get-Command Grant-XAccountAcl).Parameters['CanonicalId'].Aliases | Should -Contain 'CanonicalUserId'
        }
    }

    Context 'Errors' {
        It 'refuses a public group without -AllowPublic' {
            Get-ErrorId { Grant-XAccountAcl -Bucket AccountABucketName -Permission READ -Group AllUsers @offline } |
                Should -Be 'PublicPrincipalNotAllowed,S3CrossAccount.Commands.Acls.GrantXAccountAclCommand'
        }

        It 'refuses an account ID given as a canonical ID' {
            Get-ErrorId { Grant-XAccountAcl -Bucket AccountABucketName -Permission READ -CanonicalId 222233334444 @offline } |
                Should -Be 'InvalidCanonicalUserId,S3CrossAccount.Commands.Acls.GrantXAccountAclCommand'
        }

        It 'needs the grantee''s credentials to look up a canonical ID from an account ID' {
            Get-ErrorId { Grant-XAccountAcl -Bucket AccountABucketName -Permission WRITE -AccountId 222233334444 @offline } |
                Should -Be 'InvalidParameterCombination,S3CrossAccount.Commands.Acls.GrantXAccountAclCommand'
        }

        It 'refuses WRITE on an object ACL (a bucket permission)' {
            Get-ErrorId { Grant-XAccountAcl -Bucket AccountABucketName -Key report.csv -Permission WRITE -CanonicalId abc @offline } |
                Should -Be 'InvalidAclGrant,S3CrossAccount.Commands.Acls.GrantXAccountAclCommand'
        }
    }
}

Describe 'Set-XAccountObjectOwnership' -Tag Unit {
    It 'accepts only the three Object Ownership settings' {
        { Set-XAccountObjectOwnership -Bucket AccountABucketName -ObjectOwnership Disabled @offline } | Should -Throw
    }

    It 'is a Medium-impact cmdlet that supports -WhatIf' {
        $command = Get-Command Set-XAccountObjectOwnership
        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.Parameters.Keys | Should -Contain 'Force'
    }
}
