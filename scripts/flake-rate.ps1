<#
.SYNOPSIS
Runs the conformance suite several times in a row (emulated backend, or a real cluster through a kubeconfig) and reports the flake rate per scenario.

.DESCRIPTION
Builds the suite once, then runs `dotnet test --project steps/ProbeHarness.Steps.csproj` -Runs times on -Backend
(HARNESS_BACKEND=emulated by default; kubeconfig takes HARNESS_KUBECONFIG and HARNESS_TARGET_IMAGE from the
environment, as local-cluster/up.sh prints them), each run with its own results folder, and reads every run's per-scenario records
(the JSON files the suite writes, see harness/ProbeHarness.Reporting/Model/ScenarioRecord.cs) and its TRX. A test in
the TRX without a record counts as a failed run of that scenario ("no record").

For each scenario it counts passed, failed, environment-error and skipped runs. A scenario that passed at least once
and failed at least once is flaky; its flake rate is its failed runs over its runs. One that never passed is broken
(a real failure, not a flake) and is listed apart. The suite's flake rate is the failed runs of flaky scenarios over
all runs of scenarios that are not broken.

Writes flake-rate.md (a markdown table, with each run's duration, exit code and the machine's load) and
flake-rate.json into -OutDir, and prints progress with durations. Runs of other people on the machine are not
disturbed: each run has its own HARNESS_RESULTS_DIR and HARNESS_REPORT_DIR under -OutDir.

Run it with `dotnet pwsh scripts/flake-rate.ps1` (after `dotnet tool restore`).

.PARAMETER Backend
emulated (default) or kubeconfig (a real cluster: HARNESS_KUBECONFIG must name its kubeconfig).

.PARAMETER Runs
How many times the suite runs, in a row (default 10).

.PARAMETER Tag
Gherkin tags (with or without @, as a list or comma-separated) to narrow the runs to; a scenario runs when it has
any of them. Without -Tag every scenario runs.

.PARAMETER OutDir
Where the runs' records, TRX files, flake-rate.md and flake-rate.json go (default
artifacts/reliability/flake-rate). Emptied first.

.PARAMETER RunTimeoutSeconds
How long one run may take before it is stopped and counted as incomplete (default 3600).

.PARAMETER NoBuild
Use the existing build of the suite and the target app.

.EXAMPLE
dotnet pwsh scripts/flake-rate.ps1 -Runs 3

Runs the whole suite three times and writes artifacts/reliability/flake-rate/flake-rate.md.

.EXAMPLE
local-cluster/up.sh; export HARNESS_KUBECONFIG=... HARNESS_TARGET_IMAGE=...; dotnet pwsh scripts/flake-rate.ps1 -Backend kubeconfig -Runs 3

Three runs of the whole suite on the local v1.20 cluster (up.sh prints the exports; local-cluster/stop.sh after).

.EXAMPLE
dotnet pwsh scripts/flake-rate.ps1 -Runs 20 -Tag liveness,readiness

Twenty runs of the @liveness and @readiness scenarios.

.NOTES
Exit codes: 0 no scenario was flaky or broken; 1 at least one was (listed in the table); 2 the measurement could
not be made (build failed, a tag no scenario has, a run without any record).
#>
[CmdletBinding()]
param(
    [ValidateSet('emulated', 'kubeconfig')]
    [string] $Backend = 'emulated',

    [ValidateRange(1, 1000)]
    [int] $Runs = 10,

    [string[]] $Tag = @(),

    [ValidateNotNullOrEmpty()]
    [string] $OutDir = 'artifacts/reliability/flake-rate',

    [ValidateRange(10, 86400)]
    [int] $RunTimeoutSeconds = 3600,

    [switch] $NoBuild
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$repo = Split-Path -Parent $PSScriptRoot
$suite = Join-Path $repo 'steps/ProbeHarness.Steps.csproj'
$out = if ([System.IO.Path]::IsPathRooted($OutDir)) { $OutDir } else { Join-Path (Get-Location).Path $OutDir }
$out = [System.IO.Path]::GetFullPath($out)

function Write-Step([string] $Text) { Write-Host "flake-rate: $Text" }

function Format-Duration([double] $Seconds) {
    $span = [TimeSpan]::FromSeconds($Seconds)
    if ($span.TotalMinutes -ge 1) { return '{0}m{1:00}s' -f [int][Math]::Floor($span.TotalMinutes), $span.Seconds }
    return '{0:0.0}s' -f $Seconds
}

function Get-Load {
    if (Test-Path -LiteralPath '/proc/loadavg') { return ((Get-Content -LiteralPath '/proc/loadavg' -Raw) -split ' ')[0] }
    return 'n/a'
}

# Markdown table cells may not hold pipes or line breaks.
function Format-Cell([string] $Text) {
    if (-not $Text) { return '' }
    return ($Text -replace '\r?\n', ' ' -replace '\|', '\|').Trim()
}

function Invoke-Run([string[]] $Arguments, [hashtable] $Environment, [string] $LogFile) {
    $saved = @{}
    foreach ($name in $Environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Environment[$name])
    }
    try {
        $process = Start-Process -FilePath 'dotnet' -ArgumentList $Arguments -WorkingDirectory $repo -NoNewWindow -PassThru `
            -RedirectStandardOutput $LogFile -RedirectStandardError "$LogFile.stderr"
        try {
            if (-not $process.WaitForExit($RunTimeoutSeconds * 1000)) {
                Write-Step "the run did not end within $RunTimeoutSeconds s; interrupting it"
                & kill -s INT $process.Id 2>$null | Out-Null
                if (-not $process.WaitForExit(120000)) { $process.Kill($true) }
                return -1
            }
            $process.WaitForExit()
            return $process.ExitCode
        }
        finally {
            if (-not $process.HasExited) {
                # Ctrl+C here: the run gets one interrupt so it can clean up (a second one makes the test platform
                # abort without cleaning up). At a terminal it got the Ctrl+C already, as run-tests.ps1 also checks.
                $fields = @((& ps -o pgid= -o tpgid= -p $process.Id 2>$null) -split '\s+' | Where-Object { $_ })
                $interruptedWithUs = $fields.Count -eq 2 -and $fields[1] -ne '-1' -and $fields[0] -eq $fields[1]
                if (-not $interruptedWithUs) { & kill -s INT $process.Id 2>$null | Out-Null }
                if (-not $process.WaitForExit(120000)) { $process.Kill($true) }
            }
        }
    }
    finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
}

# The sum of a property over rows; 0 for none (Measure-Object gives no Sum for an empty input).
function Get-Sum([object[]] $Rows, [string] $Property) {
    $total = 0
    foreach ($row in $Rows) { $total += $row.$Property }
    return $total
}

function Read-Trx([string] $Path) {
    $results = @{}
    if (-not (Test-Path -LiteralPath $Path)) { return $results }
    [xml] $trx = Get-Content -LiteralPath $Path -Raw
    foreach ($result in $trx.GetElementsByTagName('UnitTestResult')) {
        # The test name shows an outline's examples row as "[k=v, ...]", the record's scenario title as "(k=v, ...)".
        $name = $result.GetAttribute('testName') -replace '\s\[([^\[\]]*)\]$', ' ($1)'
        $results[$name] = $result.GetAttribute('outcome')
    }
    return $results
}

$tags = @($Tag | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim().TrimStart('@') } | Where-Object { $_ } | Select-Object -Unique)
foreach ($name in $tags) {
    if ($name -notmatch '^[A-Za-z0-9][A-Za-z0-9_.:-]*$') {
        Write-Error "-Tag: '$name' is not a Gherkin tag." -ErrorAction Continue
        exit 2
    }
}
$filter = ($tags | ForEach-Object { "Category=$_" }) -join '|'
$scope = if ($tags) { 'scenarios tagged ' + (($tags | ForEach-Object { "@$_" }) -join ' or ') } else { 'every scenario' }

if (Test-Path -LiteralPath $out) { Remove-Item -LiteralPath $out -Recurse -Force }
New-Item -ItemType Directory -Force -Path $out | Out-Null
if ($Backend -eq 'kubeconfig' -and -not $env:HARNESS_KUBECONFIG) {
    Write-Error "-Backend kubeconfig needs HARNESS_KUBECONFIG (the cluster's kubeconfig; local-cluster/up.sh prints it)." -ErrorAction Continue
    exit 2
}

Write-Step "$Runs run(s) of $scope on the $Backend backend; output in $out"

$clock = [System.Diagnostics.Stopwatch]::StartNew()
if (-not $NoBuild) {
    foreach ($project in @($suite, (Join-Path $repo 'target-app'))) {
        & dotnet build $project --nologo -v quiet *> (Join-Path $out 'build.log')
        if ($LASTEXITCODE -ne 0) {
            Get-Content -LiteralPath (Join-Path $out 'build.log') | Write-Host
            Write-Error "the build failed: $project" -ErrorAction Continue
            exit 2
        }
    }
    Write-Step ('built in {0}' -f (Format-Duration $clock.Elapsed.TotalSeconds))
}

$runsInfo = [System.Collections.Generic.List[object]]::new()
$byScenario = [ordered]@{}
for ($run = 1; $run -le $Runs; $run++) {
    $runDir = Join-Path $out ('run-{0:000}' -f $run)
    New-Item -ItemType Directory -Force -Path $runDir | Out-Null
    $trxName = 'run.trx'
    $arguments = @('test', '--project', $suite, '--no-build', '--no-progress', '--no-ansi',
        '--report-trx', '--report-trx-filename', $trxName, '--results-directory', $runDir)
    if ($filter) { $arguments += @('--filter', $filter) }
    $environment = @{
        HARNESS_BACKEND             = $Backend
        HARNESS_RESULTS_DIR         = (Join-Path $runDir 'records')
        HARNESS_REPORT_DIR          = (Join-Path $runDir 'report')
        HARNESS_KEEP_ON_FAILURE     = '0'
        DOTNET_CLI_TELEMETRY_OPTOUT = '1'
    }
    $loadBefore = Get-Load
    $clock.Restart()
    $exit = Invoke-Run $arguments $environment (Join-Path $runDir 'dotnet-test.log')
    $seconds = $clock.Elapsed.TotalSeconds
    $loadAfter = Get-Load

    if ($exit -eq 8) {
        Write-Error "no scenario is tagged $scope (dotnet test ran zero tests)." -ErrorAction Continue
        exit 2
    }

    $records = @(Get-ChildItem -LiteralPath (Join-Path $runDir 'records') -Filter '*.json' -File -ErrorAction SilentlyContinue |
        ForEach-Object { Get-Content -LiteralPath $_.FullName -Raw | ConvertFrom-Json })
    $trx = Read-Trx (Join-Path $runDir $trxName)
    if ($records.Count -eq 0) {
        Write-Error "run $run wrote no scenario record (dotnet test exit code $exit); see $(Join-Path $runDir 'dotnet-test.log')." -ErrorAction Continue
        exit 2
    }

    $seen = [System.Collections.Generic.HashSet[string]]::new()
    foreach ($record in $records) {
        $key = "$($record.feature): $($record.scenario)"
        [void] $seen.Add($key)
        if (-not $byScenario.Contains($key)) {
            $byScenario[$key] = [ordered]@{ Feature = $record.featureFile; Scenario = $key; Outcomes = [System.Collections.Generic.List[string]]::new(); Durations = [System.Collections.Generic.List[double]]::new(); Messages = [System.Collections.Generic.List[string]]::new() }
        }
        $entry = $byScenario[$key]
        $entry.Outcomes.Add([string] $record.outcome)
        $entry.Durations.Add([double] $record.durationSeconds)
        if ($record.outcome -ne 'passed' -and $record.outcome -ne 'skipped' -and $record.message) {
            $entry.Messages.Add("run ${run}: $($record.message)")
        }
    }
    # Tests the TRX has but no record names: a crash before the record was written counts as a failed run.
    $missing = 0
    foreach ($name in $trx.Keys) {
        if ($seen.Contains($name) -or $trx[$name] -eq 'NotExecuted') { continue }
        $missing++
        if (-not $byScenario.Contains($name)) {
            $byScenario[$name] = [ordered]@{ Feature = ''; Scenario = $name; Outcomes = [System.Collections.Generic.List[string]]::new(); Durations = [System.Collections.Generic.List[double]]::new(); Messages = [System.Collections.Generic.List[string]]::new() }
        }
        $byScenario[$name].Outcomes.Add('no record')
        $byScenario[$name].Messages.Add("run ${run}: no scenario record (TRX outcome $($trx[$name]))")
    }

    $counts = $records | Group-Object -Property outcome | ForEach-Object { "$($_.Count) $($_.Name)" }
    $info = [ordered]@{
        Run = $run; ExitCode = $exit; Seconds = [Math]::Round($seconds, 1); Records = $records.Count; TrxTests = $trx.Count
        Missing = $missing; Outcomes = ($counts -join ', '); LoadBefore = $loadBefore; LoadAfter = $loadAfter
    }
    $runsInfo.Add($info)
    Write-Step ("run {0}/{1}: {2}{3}; dotnet test exit {4}; {5} (load {6} → {7})" -f $run, $Runs, $info.Outcomes,
        $(if ($missing) { ", $missing without record" } else { '' }), $exit, (Format-Duration $seconds), $loadBefore, $loadAfter)
}

# Per scenario: counts, flake rate, verdict.
$rows = foreach ($entry in $byScenario.Values) {
    $outcomes = $entry.Outcomes
    $passed = @($outcomes | Where-Object { $_ -eq 'passed' }).Count
    $skipped = @($outcomes | Where-Object { $_ -eq 'skipped' }).Count
    $environmentErrors = @($outcomes | Where-Object { $_ -eq 'environment-error' }).Count
    $failed = $outcomes.Count - $passed - $skipped
    $counted = $outcomes.Count - $skipped
    $verdict = if ($counted -eq 0) { 'skipped' } elseif ($failed -eq 0) { 'stable' } elseif ($passed -eq 0) { 'broken' } else { 'flaky' }
    [pscustomobject]@{
        Scenario = $entry.Scenario; Feature = $entry.Feature; Runs = $outcomes.Count; Passed = $passed; Failed = $failed
        EnvironmentErrors = $environmentErrors; Skipped = $skipped
        Rate = if ($counted) { [Math]::Round($failed / $counted, 4) } else { 0 }
        Verdict = $verdict
        MeanSeconds = if ($entry.Durations.Count) { [Math]::Round(($entry.Durations | Measure-Object -Average).Average, 1) } else { 0 }
        MaxSeconds = if ($entry.Durations.Count) { [Math]::Round(($entry.Durations | Measure-Object -Maximum).Maximum, 1) } else { 0 }
        Messages = @($entry.Messages | Select-Object -First 3)
    }
}
$rows = @($rows | Sort-Object -Property @{ Expression = { switch ($_.Verdict) { 'broken' { 0 } 'flaky' { 1 } 'stable' { 2 } default { 3 } } } }, @{ Expression = 'Rate'; Descending = $true }, Scenario)

$flaky = @($rows | Where-Object Verdict -eq 'flaky')
$broken = @($rows | Where-Object Verdict -eq 'broken')
$stable = @($rows | Where-Object Verdict -eq 'stable')
$notBroken = @($rows | Where-Object { $_.Verdict -in 'flaky', 'stable' })
$notBrokenRuns = (Get-Sum $notBroken 'Runs') - (Get-Sum $notBroken 'Skipped')
$flakyFailures = Get-Sum $flaky 'Failed'
$suiteRate = if ($notBrokenRuns) { $flakyFailures / $notBrokenRuns } else { 0 }
$scenarioRuns = Get-Sum $rows 'Runs'
$failedRuns = Get-Sum $rows 'Failed'
$cores = [Environment]::ProcessorCount

$md = [System.Text.StringBuilder]::new()
[void] $md.AppendLine("# Flake rate ($Backend backend)")
[void] $md.AppendLine()
[void] $md.AppendLine("Measured $((Get-Date).ToUniversalTime().ToString('yyyy-MM-dd HH:mm')) UTC on $([Environment]::MachineName) ($cores cores): $Runs run(s) in a row of $scope.")
[void] $md.AppendLine()
[void] $md.AppendLine("- scenarios: $($rows.Count) ($($stable.Count) stable, $($flaky.Count) flaky, $($broken.Count) broken, $(@($rows | Where-Object Verdict -eq 'skipped').Count) skipped)")
[void] $md.AppendLine("- scenario runs: $scenarioRuns, of which $failedRuns did not pass")
[void] $md.AppendLine(('- suite flake rate: {0:P2} ({1} flaky failure(s) in {2} runs of scenarios that are not broken)' -f $suiteRate, $flakyFailures, $notBrokenRuns))
[void] $md.AppendLine()
[void] $md.AppendLine('| run | dotnet test exit | duration | records | outcomes | load before → after |')
[void] $md.AppendLine('| --- | --- | --- | --- | --- | --- |')
foreach ($info in $runsInfo) {
    [void] $md.AppendLine("| $($info.Run) | $($info.ExitCode) | $(Format-Duration $info.Seconds) | $($info.Records)$(if ($info.Missing) { " (+$($info.Missing) without record)" }) | $($info.Outcomes) | $($info.LoadBefore) → $($info.LoadAfter) |")
}
[void] $md.AppendLine()
[void] $md.AppendLine('| scenario | verdict | runs | passed | failed | env. errors | skipped | flake rate | mean / max s | failures (first 3) |')
[void] $md.AppendLine('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
foreach ($row in $rows) {
    $messages = ($row.Messages | ForEach-Object { Format-Cell ($(if ($_.Length -gt 200) { $_.Substring(0, 200) + '…' } else { $_ })) }) -join '<br>'
    [void] $md.AppendLine(('| {0} | {1} | {2} | {3} | {4} | {5} | {6} | {7:P1} | {8} / {9} | {10} |' -f (Format-Cell $row.Scenario), $row.Verdict,
        $row.Runs, $row.Passed, $row.Failed, $row.EnvironmentErrors, $row.Skipped, $row.Rate, $row.MeanSeconds, $row.MaxSeconds, $messages))
}

$mdPath = Join-Path $out 'flake-rate.md'
Set-Content -LiteralPath $mdPath -Value $md.ToString() -Encoding utf8
[ordered]@{
    runs = $runsInfo; scope = $scope; suiteFlakeRate = $suiteRate; scenarioRuns = $scenarioRuns; failedRuns = $failedRuns
    scenarios = $rows
} | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath (Join-Path $out 'flake-rate.json') -Encoding utf8

Write-Step ("{0} scenario(s): {1} stable, {2} flaky, {3} broken; suite flake rate {4:P2}; table: {5}" -f $rows.Count, $stable.Count, $flaky.Count, $broken.Count, $suiteRate, $mdPath)
foreach ($row in @($flaky + $broken)) {
    Write-Step ("  {0}: {1} {2}/{3} failed" -f $row.Verdict, $row.Scenario, $row.Failed, ($row.Runs - $row.Skipped))
}
if ($flaky.Count -or $broken.Count) { exit 1 }
exit 0
