#Requires -Version 5.1
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Checks the packaged module the way a user meets it: the manifest, the import, and the help of
    every exported cmdlet. Build the package first (dotnet build src/S3CrossAccount -c Release), then:
        Invoke-Pester ./tests/Pester
    Runs in pwsh 7 and in Windows PowerShell 5.1.
#>

BeforeDiscovery {
    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Version = (Import-PowerShellDataFile (Join-Path $RepoRoot 'S3CrossAccount.psd1')).ModuleVersion
    $script:ManifestPath = Join-Path $RepoRoot "out/S3CrossAccount/$Version/S3CrossAccount.psd1"

    # Discovery imports the module only to list the cmdlets; each one gets its own help tests.
    Import-Module $ManifestPath -Force -ErrorAction Stop
    $script:Cmdlets = @(Get-Command -Module S3CrossAccount -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
    Remove-Module S3CrossAccount
}

BeforeAll {
    $RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $Version = (Import-PowerShellDataFile (Join-Path $RepoRoot 'S3CrossAccount.psd1')).ModuleVersion
    $ManifestPath = Join-Path $RepoRoot "out/S3CrossAccount/$Version/S3CrossAccount.psd1"
    Import-Module $ManifestPath -Force -ErrorAction Stop
}

AfterAll {
    Remove-Module S3CrossAccount -ErrorAction SilentlyContinue
}

Describe 'S3CrossAccount package' -Tag Unit {
    It 'has a manifest that passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $ManifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'is packaged under its own version folder' {
        $info = Test-ModuleManifest -Path $ManifestPath
        $info.Version.ToString(3) | Should -Be (Split-Path (Split-Path $ManifestPath -Parent) -Leaf)
    }

    It 'supports Windows PowerShell 5.1 and PowerShell 7' {
        $info = Test-ModuleManifest -Path $ManifestPath
        $info.CompatiblePSEditions | Should -Contain 'Core'
        $info.CompatiblePSEditions | Should -Contain 'Desktop'
        $info.PowerShellVersion | Should -Be ([version] '5.1')
    }

    It 'exports exactly the cmdlets its manifest lists, by name' {
        $listed = @((Test-ModuleManifest -Path $ManifestPath).ExportedCmdlets.Keys | Sort-Object)
        $listed | Where-Object { $_ -like '*[*?]*' } | Should -BeNullOrEmpty
        $exported = @((Get-Command -Module S3CrossAccount -CommandType Cmdlet).Name | Sort-Object)
        $exported | Should -Be $listed
    }

    It 'has gallery metadata' {
        $data = (Import-PowerShellDataFile $ManifestPath).PrivateData.PSData
        $data.Tags | Should -Not -BeNullOrEmpty
        $data.ProjectUri | Should -Not -BeNullOrEmpty
        $data.LicenseUri | Should -Not -BeNullOrEmpty
    }

    It 'ships the help topic, the MAML help and the format file' {
        $root = Split-Path $ManifestPath -Parent
        Join-Path $root 'en-US/about_S3CrossAccount.help.txt' | Should -Exist
        Join-Path $root 'en-US/S3CrossAccount.dll-Help.xml' | Should -Exist
        Join-Path $root 'S3CrossAccount.Format.ps1xml' | Should -Exist
    }

    It 'answers Get-Help about_S3CrossAccount' {
        (Get-Help about_S3CrossAccount | Out-String) | Should -Match 'CREDENTIALS AND REGION'
    }
}

Describe '<Name> help' -Tag Unit -ForEach $Cmdlets {
    BeforeAll {
        $help = Get-Help $Name -Full
        $common = @([System.Management.Automation.Cmdlet]::CommonParameters) +
            @([System.Management.Automation.Cmdlet]::OptionalCommonParameters) | Where-Object { $_ -notin 'WhatIf', 'Confirm' }
        $parameters = (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common }
    }

    It 'has the synopsis from docs/<Name>.md' {
        $markdown = Get-Content (Join-Path $RepoRoot "docs/$Name.md") -Raw
        $expected = ([regex]::Match($markdown, '(?ms)^## SYNOPSIS\s*\r?\n(.+?)\r?\n##').Groups[1].Value -split '\r?\n' |
            ForEach-Object { $_.Trim() } | Where-Object { $_ }) -join ' '
        $help.Synopsis.Trim() | Should -Be $expected
    }

    It 'has a description' {
        ($help.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples, each of which parses' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $errors = $null
            $null = [System.Management.Automation.Language.Parser]::ParseInput($example.code, [ref] $null, [ref] $errors)
            $errors | Should -BeNullOrEmpty -Because $example.title
        }
    }

    It 'describes every parameter' {
        foreach ($parameter in $parameters) {
            ((Get-Help $Name -Parameter $parameter).description.Text -join '').Trim() |
                Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }
}
