<#
.SYNOPSIS
Plants a kubeconfig's key material in scenario records, builds the report from them and scans the report for it.

.DESCRIPTION
End-to-end check of the report's credential scrubbing (harness/ProbeHarness.Reporting/Scrubbing): writes a
kubeconfig with random key material (client-key-data holding a PEM key, a bearer token, a password), then scenario
records that carry it the ways a failing run could: the whole kubeconfig in a pod log, an "Authorization: Bearer"
header in a message, the PEM key in an event, a token field in the pods' YAML, and - unless -NoBareToken - the bare
token inside a sentence with no field name. It builds the report with the report tool
(harness/ProbeHarness.Report build) and runs scripts/scan-report-for-secrets.sh on the output.

The bare-token case is a deliberate probe of the scrubber's limits: it recognises credentials by their shape and
field names (it never sees the kubeconfig), so a token without a recognisable prefix is expected to get through;
the check reports it as such instead of failing.

Run it with `dotnet pwsh scripts/check-report-scrubbing.ps1` (after `dotnet tool restore`).

.PARAMETER OutDir
Work folder (default artifacts/reliability/report-scrubbing); emptied first.

.PARAMETER NoBuild
Use the existing build of the report tool.

.PARAMETER NoBareToken
Leave out the bare-token record, so the check passes only when nothing at all gets through.

.NOTES
Exit codes: 0 no planted key material reached the report (apart from the bare token, reported on its own); 1 some
did (listed by the scanner); 2 the check could not run.
#>
[CmdletBinding()]
param(
    [ValidateNotNullOrEmpty()]
    [string] $OutDir = 'artifacts/reliability/report-scrubbing',

    [switch] $NoBuild,

    [switch] $NoBareToken
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$repo = Split-Path -Parent $PSScriptRoot
$tool = Join-Path $repo 'harness/ProbeHarness.Report/ProbeHarness.Report.csproj'
$scanner = Join-Path $repo 'scripts/scan-report-for-secrets.sh'
$out = [System.IO.Path]::GetFullPath($(if ([System.IO.Path]::IsPathRooted($OutDir)) { $OutDir } else { Join-Path (Get-Location).Path $OutDir }))

function Write-Step([string] $Text) { Write-Host "check-report-scrubbing: $Text" }

function New-RandomBase64([int] $Bytes) {
    return [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes($Bytes))
}

function New-Record([string] $Name, [string] $Message, [hashtable] $Logs, [string[]] $Events, [string] $PodsYaml) {
    return [ordered]@{
        featureFile = "features/reliability/$Name.feature"; feature = 'Report scrubbing'; scenario = $Name
        tags = @('reliability'); backend = 'kubeconfig'; emulated = $false; kubernetesVersion = 'v1.35.3'
        outcome = 'failed'; message = $Message; startedAt = (Get-Date).ToUniversalTime().ToString('o'); durationSeconds = 1.0
        probes = @(); faults = @(); expectations = @(@{ text = 'pod 1 is restarted'; held = $false; detail = $Message }); timings = @()
        timeline = @(@{ at = 0.5; lane = 'event'; pod = 'pod 1'; value = 'Warning'; detail = $Message })
        diagnostics = [ordered]@{ logs = $Logs; events = $Events; podsYaml = $PodsYaml; endpointSlicesYaml = '' }
    }
}

if (Test-Path -LiteralPath $out) { Remove-Item -LiteralPath $out -Recurse -Force }
New-Item -ItemType Directory -Force -Path $out | Out-Null

# The kubeconfig: a PEM key in client-key-data, a bearer token and a password.
$body = ((New-RandomBase64 600) -split '(.{64})' | Where-Object { $_ }) -join "`n"
$pem = "-----BEGIN RSA PRIVATE KEY-----`n$body`n-----END RSA PRIVATE KEY-----`n"
$keyData = [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes($pem))
$token = (New-RandomBase64 48).Replace('+', '-').Replace('/', '_').TrimEnd('=')
$password = 'pw-' + (New-RandomBase64 18).TrimEnd('=')
$kubeconfig = Join-Path $out 'kubeconfig.yaml'
@"
apiVersion: v1
kind: Config
clusters:
- cluster:
    server: https://127.0.0.1:6443
  name: reliability
users:
- name: admin
  user:
    client-key-data: $keyData
    token: $token
    password: $password
contexts:
- context:
    cluster: reliability
    user: admin
  name: reliability
current-context: reliability
"@ | Set-Content -LiteralPath $kubeconfig -Encoding utf8NoBOM

$planted = [ordered]@{
    'kubeconfig-in-a-log' = New-Record 'kubeconfig-in-a-log' 'the pod crashed' @{ 'target-app-0/target-app' = "dumping config:`n$(Get-Content -LiteralPath $kubeconfig -Raw)" } @() ''
    'bearer-in-a-message' = New-Record 'bearer-in-a-message' "request failed: Authorization: Bearer $token was refused" @{} @() ''
    'pem-in-an-event'     = New-Record 'pem-in-an-event' 'event' @{} @("Warning Failed: key`n$pem") ''
    'token-field-in-yaml' = New-Record 'token-field-in-yaml' 'yaml' @{} @() "env:`n- name: TOKEN`n  token: $token`n- name: PASSWORD`n  password: $password"
}
$bare = New-Record 'bare-token' "the client sent $token and was refused" @{} @() ''

if (-not $NoBuild) {
    & dotnet build $tool --nologo -v quiet *> (Join-Path $out 'build.log')
    if ($LASTEXITCODE -ne 0) { Get-Content -LiteralPath (Join-Path $out 'build.log') | Write-Host; Write-Error 'the report tool did not build' -ErrorAction Continue; exit 2 }
}

# Writes the records, builds their report and scans it; returns the scanner's exit code (-1: the tool failed).
function Test-Report([string] $Name, [System.Collections.IDictionary] $Records) {
    $recordDir = Join-Path $out "$Name/records"
    $reportDir = Join-Path $out "$Name/report"
    New-Item -ItemType Directory -Force -Path $recordDir, $reportDir | Out-Null
    foreach ($key in $Records.Keys) {
        $Records[$key] | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath (Join-Path $recordDir "$key.json") -Encoding utf8NoBOM
    }
    & dotnet run --project $tool --no-build -- build --results $recordDir --out $reportDir --backend kubeconfig *> (Join-Path $out "$Name/report-tool.log")
    if ($LASTEXITCODE -ne 0 -or -not (Test-Path -LiteralPath (Join-Path $reportDir 'report.json'))) {
        Get-Content -LiteralPath (Join-Path $out "$Name/report-tool.log") | Write-Host
        return -1
    }
    $files = @(Get-ChildItem -LiteralPath $reportDir -Recurse -File).Count
    Write-Step "$Name`: report of $($Records.Count) record(s) written ($files file(s)); scanning"
    & bash $scanner $reportDir $kubeconfig 2>&1 | ForEach-Object { Write-Host "  $_" }
    return $LASTEXITCODE
}

$shaped = Test-Report 'shaped' $planted
if ($shaped -lt 0 -or $shaped -eq 2) { Write-Error 'the check could not run' -ErrorAction Continue; exit 2 }
if ($NoBareToken) {
    if ($shaped -eq 0) { Write-Step 'no planted key material reached the report'; exit 0 }
    Write-Step 'the report leaks key material (see the findings above)'
    exit 1
}

$bareExit = Test-Report 'bare-token' ([ordered]@{ 'bare-token' = $bare })
if ($bareExit -lt 0 -or $bareExit -eq 2) { Write-Error 'the check could not run' -ErrorAction Continue; exit 2 }
$bareText = if ($bareExit -eq 0) { 'the bare token was scrubbed too' } else { 'the bare token (no field name, no Bearer prefix) got through: the scrubber recognises credentials by shape and field name, not by the kubeconfig''s values' }
if ($shaped -eq 0) {
    Write-Step "no key material written in a recognisable form reached the report; $bareText"
    exit 0
}
Write-Step "the report leaks key material written in a recognisable form (see the findings above); $bareText"
exit 1
