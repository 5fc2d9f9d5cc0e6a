<#
.SYNOPSIS
Regenerates src/S3CrossAccount.Core/Policies/Lint/ActionCatalog.txt, the action list Test-XAccountPolicy
checks against, from the AWS service reference information (machine-readable JSON published by AWS):
https://docs.aws.amazon.com/service-authorization/latest/reference/service-reference.html
#>
[CmdletBinding()]
param(
    [string[]] $Service = @('iam', 'kms', 's3', 'sts'),
    [string] $OutFile = (Join-Path $PSScriptRoot '../src/S3CrossAccount.Core/Policies/Lint/ActionCatalog.txt')
)

$ErrorActionPreference = 'Stop'
$lines = [System.Collections.Generic.List[string]]::new()
$lines.Add('# Action catalog for Test-XAccountPolicy: one service:Action per line.')
$lines.Add('# Regenerate with tools/Update-ActionCatalog.ps1 from the AWS service reference')
$lines.Add('# (https://servicereference.us-east-1.amazonaws.com/v1/<service>/<service>.json,')
$lines.Add('#  documented at https://docs.aws.amazon.com/service-authorization/latest/reference/service-reference.html).')
foreach ($svc in ($Service | Sort-Object)) {
    $reference = Invoke-RestMethod -Uri "https://servicereference.us-east-1.amazonaws.com/v1/$svc/$svc.json"
    $reference.Actions.Name | Sort-Object -Unique -CaseSensitive | ForEach-Object { $lines.Add("${svc}:$_") }
}

[System.IO.File]::WriteAllLines((Resolve-Path -LiteralPath (Split-Path $OutFile)).Path + [System.IO.Path]::DirectorySeparatorChar + (Split-Path $OutFile -Leaf), $lines)
Write-Verbose "Wrote $($lines.Count) lines to $OutFile"
