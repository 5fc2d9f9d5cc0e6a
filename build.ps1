#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests and packages S3CrossAccount. Every task only calls the dotnet CLI, so the same
    commands work on machines without PowerShell (see README.md).
.EXAMPLE
    ./build.ps1 -Task Package
    Builds and packages the module into out/S3CrossAccount/<version>/.
.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Bench')]
    [string] $Task = 'Package',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Push-Location $PSScriptRoot
try {
    switch ($Task) {
        # Building the module project packages it (MSBuild target PackageModule).
        'Build'   { dotnet build src/S3CrossAccount/S3CrossAccount.csproj -c $Configuration }
        'Package' { dotnet build src/S3CrossAccount/S3CrossAccount.csproj -c $Configuration }
        'Test'    { dotnet build S3CrossAccount.sln -c $Configuration; if ($LASTEXITCODE -eq 0) { dotnet test S3CrossAccount.sln -c $Configuration --no-build } }
        'Bench'   { bash bench/run.sh }
    }
    if ($LASTEXITCODE -ne 0) { throw "dotnet exited with $LASTEXITCODE" }
}
finally {
    Pop-Location
}
