#Requires -Version 5.1
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    How to test YOUR runbook that uses S3CrossAccount without touching AWS: Pester's Mock replaces
    this module's cmdlets for the duration of a test. The runbook below is an example of user code;
    the tests show the pattern (mock, run, assert which cmdlets ran with which arguments).
    Build the package first (dotnet build src/S3CrossAccount -c Release), then:
        Invoke-Pester ./tests/Pester/Runbook.Mocking.Tests.ps1
#>

BeforeDiscovery {
    # Mock can only replace a command that exists: the tests are skipped until the module exports it.
    $repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $ver = (Import-PowerShellDataFile (Join-Path $repo 'S3CrossAccount.psd1')).ModuleVersion
    Import-Module (Join-Path $repo "out/S3CrossAccount/$ver/S3CrossAccount.psd1") -Force -ErrorAction Stop
    $script:HasUseRole = [bool](Get-Command Use-XAccountRole -Module S3CrossAccount -ErrorAction SilentlyContinue)
    Remove-Module S3CrossAccount
}

BeforeAll {
    $RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $Version = (Import-PowerShellDataFile (Join-Path $RepoRoot 'S3CrossAccount.psd1')).ModuleVersion
    Import-Module (Join-Path $RepoRoot "out/S3CrossAccount/$Version/S3CrossAccount.psd1") -Force -ErrorAction Stop

    # The user's runbook: assume the partner account's role, then copy a report with AWS Tools.
    function Copy-PartnerReport {
        param(
            [Parameter(Mandatory)] [string] $RoleArn,
            [Parameter(Mandatory)] [string] $Bucket,
            [Parameter(Mandatory)] [string] $Key
        )
        $credential = Use-XAccountRole -RoleArn $RoleArn
        if (-not $credential) { throw "could not assume $RoleArn" }
        [pscustomobject]@{ Bucket = $Bucket; Key = $Key; AccessKey = $credential.AccessKey }
    }
}

AfterAll {
    Remove-Module S3CrossAccount -ErrorAction SilentlyContinue
}

Describe 'Copy-PartnerReport (a user runbook)' -Tag Unit {
    It 'assumes the given role and uses the temporary credentials' -Skip:(-not $HasUseRole) {
        Mock Use-XAccountRole {
            [pscustomobject]@{ AccessKey = 'ASIAEXAMPLE'; SecretKey = 'not-real'; SessionToken = 'not-real'; Expiration = (Get-Date).AddHours(1) }
        }

        $result = Copy-PartnerReport -RoleArn 'arn:aws:iam::111122223333:role/ReportReader' -Bucket 'amzn-s3-demo-bucket' -Key 'reports/today.csv'

        $result.AccessKey | Should -Be 'ASIAEXAMPLE'
        Should -Invoke Use-XAccountRole -Times 1 -Exactly -ParameterFilter {
            $RoleArn -eq 'arn:aws:iam::111122223333:role/ReportReader'
        }
    }

    It 'stops when the role cannot be assumed' -Skip:(-not $HasUseRole) {
        Mock Use-XAccountRole { $null }

        { Copy-PartnerReport -RoleArn 'arn:aws:iam::111122223333:role/Missing' -Bucket 'b' -Key 'k' } |
            Should -Throw '*could not assume*'
    }
}
