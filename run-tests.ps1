<#
.SYNOPSIS
Runs the probe conformance suite on one backend and writes the resilience report.

.DESCRIPTION
Builds the conformance suite (steps/ProbeHarness.Steps.csproj), the report tool and the target app, runs the scenarios chosen by
-Tag on the backend chosen by -Backend, then writes every report into -ReportDir:
index.html (self-contained, with a timeline picture per scenario), report.md (fits a GitHub job summary),
report.json (machine-readable, with the run history for trends), junit.xml, the TRX of the test platform,
Reqnroll's Cucumber HTML and NDJSON, and benchmark/ (where the time went: docs/benchmarks.md). It ends with a short
summary and the report's path.

Scenario records go to artifacts/results/<backend>/ (emptied first), so each report shows this run only.
The emulated backend has no real kubelet: every output says EMULATED.

Ctrl+C stops the test run: the child dotnet process is interrupted too (once: a second interrupt would make the
test platform abort without cleaning up), so it can release its namespaces (or the K3s cluster); it is killed only
if it has not ended two minutes later.

On Linux run it as `dotnet tool restore; dotnet pwsh ./run-tests.ps1 ...`; elsewhere plain `pwsh ./run-tests.ps1`.

.PARAMETER Tag
One or more Gherkin tags (with or without @, as a list or comma-separated) choosing the scenarios; a scenario runs
when it has any of them.
Without -Tag every scenario runs. A tag no scenario has is an error (exit code 8), not an empty green run.

.PARAMETER Backend
auto (k3s when Docker can run it, else emulated), k3s, kubeconfig (an existing cluster) or emulated (no cluster:
a kubelet emulator on loopback). Sets HARNESS_BACKEND.

.PARAMETER Kubeconfig
The kubeconfig file of an existing cluster (kubeconfig backend). Sets HARNESS_KUBECONFIG. Its content never
reaches the report.

.PARAMETER Context
The kubeconfig context to use; the file's current context when not given. Sets HARNESS_KUBE_CONTEXT.

.PARAMETER ReportDir
Where the reports are written (default artifacts/report). Created when missing; the Cucumber formatters write
into it too (HARNESS_REPORT_DIR).

.PARAMETER Previous
A previous report.json, or a folder holding one (such as last night's downloaded artifact), for per-scenario
trends and flags on changed verdicts. A folder without a report.json is a first run: no trend.

.PARAMETER KeepOnFailure
Keep the namespace of each failed scenario (and, for k3s, the cluster) for inspection; the run prints how to reach
it. Sets HARNESS_KEEP_ON_FAILURE=1.

.PARAMETER Preflight
Lint manifests instead of running the suite: one or more files or folders (folders: every *.yaml/*.yml, recursively;
as a list or comma-separated). No cluster is used. Builds the report tool, runs its preflight verb (rules PH001..PH010,
docs/preflight.md) and exits with its code: 0 nothing at warning or above, 1 findings at warning or above, 2 bad input
(each error names the file and line) or a build error.

.PARAMETER Sarif
With -Preflight: also write the findings as SARIF 2.1.0 to this file (e.g. for GitHub code scanning).

.EXAMPLE
dotnet pwsh ./run-tests.ps1 -Backend emulated -Tag liveness

Runs the @liveness scenarios on the emulated backend and writes artifacts/report/index.html.

.EXAMPLE
pwsh ./run-tests.ps1 -Backend kubeconfig -Kubeconfig ~/.kube/v120.yaml -Context local -Tag readiness,startup

Runs the @readiness and @startup scenarios on an existing cluster.

.EXAMPLE
pwsh ./run-tests.ps1 -Backend k3s -Previous previous/ -WhatIf

Prints the commands and settings a nightly run would use, without building or running anything.

.NOTES
Exit codes:
  0  every scenario held (its expectations and timing windows)
  1  at least one scenario did not hold (late, missed, false positive or failed)
  2  the run could not happen or is incomplete: a bad -Tag or -Kubeconfig, a build error, a backend that did not
     start, scenario environment errors, authoring errors (bad Gherkin, an unbound step, a bad table or manifest),
     a test host that crashed or was interrupted, or a report that could not be written
A parameter PowerShell itself rejects (e.g. -Backend outside its set) stops the script before anything runs, with
PowerShell's message and its exit code 1.
  8  no scenario is tagged with any of -Tag
  130  interrupted (Ctrl+C) while dotnet ran; dotnet was interrupted too
Set HARNESS_DOTNET to run another dotnet executable (the script's tests use this to stand in a fake one).
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string[]] $Tag = @(),

    [ValidateSet('auto', 'k3s', 'kubeconfig', 'emulated')]
    [string] $Backend = 'auto',

    [string] $Kubeconfig,

    [string] $Context,

    [ValidateNotNullOrEmpty()]
    [string] $ReportDir = 'artifacts/report',

    [string] $Previous,

    [switch] $KeepOnFailure,

    [string[]] $Preflight = @(),

    [string] $Sarif
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$ExitHeld = 0
$ExitNotHeld = 1
$ExitEnvironment = 2
$ExitNoScenario = 8
$ExitInterrupted = 130

$repo = $PSScriptRoot
$dotnet = if ($env:HARNESS_DOTNET) { $env:HARNESS_DOTNET } else { 'dotnet' }
$suite = Join-Path $repo 'steps/ProbeHarness.Steps.csproj'
$reportTool = Join-Path $repo 'harness/ProbeHarness.Report/ProbeHarness.Report.csproj'
$targetApp = Join-Path $repo 'target-app/ProbeHarness.TargetApp.csproj'
$ownApp = Join-Path $repo 'examples/own-app/src/OwnApp.csproj'

function Write-Step([string] $Text) {
    Write-Host "run-tests: $Text"
}

function Resolve-RepoPath([string] $Path) {
    if ([System.IO.Path]::IsPathRooted($Path)) { return [System.IO.Path]::GetFullPath($Path) }
    return [System.IO.Path]::GetFullPath((Join-Path (Get-Location).Path $Path))
}

# True when the child is in the terminal's foreground process group, so a Ctrl+C at the terminal reached it already.
# Read from /proc/<pid>/stat (fields 5 and 8 after the command name: pgrp and tpgid), so no `ps` is needed.
function Test-InterruptedWithUs([int] $Id) {
    try { $stat = [System.IO.File]::ReadAllText("/proc/$Id/stat") } catch { return $false }
    $fields = @($stat.Substring($stat.LastIndexOf(')') + 2) -split ' ')
    return $fields.Count -gt 5 -and $fields[5] -ne '-1' -and $fields[2] -eq $fields[5]
}

# Interrupts the child once (a second interrupt makes the test platform abort without cleaning up), gives it time to
# release its namespaces or cluster, and kills it only when it does not end.
function Stop-Child([System.Diagnostics.Process] $Process) {
    if (-not $IsWindows -and -not (Test-InterruptedWithUs $Process.Id)) {
        [Console]::Error.WriteLine("run-tests: interrupting dotnet (pid $($Process.Id)) so it can clean up")
        # The shell's builtin kill: a minimal machine has /bin/sh but not always a kill program.
        & /bin/sh -c "kill -INT $($Process.Id)" 2>$null | Out-Null
    }
    if ($Process.WaitForExit(120000)) { return }
    [Console]::Error.WriteLine("run-tests: dotnet (pid $($Process.Id)) did not stop within 120 s; killing it")
    $Process.Kill($true)
}

# Prints the lines appended to the suite's progress file since the last call (dotnet test shows a test's output
# only when it ends, so scenario phases such as "waiting for restart, 12 s of 35 s" come through this file).
function Write-NewProgress([string] $Path, [ref] $Offset) {
    if (-not $Path -or -not (Test-Path -LiteralPath $Path)) { return }
    $stream = [System.IO.File]::Open($Path, 'Open', 'Read', 'ReadWrite')
    try {
        if ($stream.Length -lt $Offset.Value) { $Offset.Value = 0 }
        $null = $stream.Seek($Offset.Value, 'Begin')
        $reader = [System.IO.StreamReader]::new($stream)
        while ($null -ne ($line = $reader.ReadLine())) { Write-Host "  $line" }
        $Offset.Value = $stream.Length
    }
    finally { $stream.Dispose() }
}

function Invoke-Dotnet([string[]] $Arguments, [string] $Follow) {
    $start = [System.Diagnostics.ProcessStartInfo]::new($dotnet)
    foreach ($argument in $Arguments) { $start.ArgumentList.Add($argument) }
    $start.UseShellExecute = $false
    $start.WorkingDirectory = $repo
    $process = [System.Diagnostics.Process]::Start($start)
    $offset = 0L
    $completed = $false
    try {
        # Short waits keep the script responsive to Ctrl+C while the child runs.
        while (-not $process.WaitForExit(250)) { Write-NewProgress $Follow ([ref] $offset) }
        $process.WaitForExit()
        Write-NewProgress $Follow ([ref] $offset)
        $completed = $true
        return $process.ExitCode
    }
    finally {
        # Only an interrupt (Ctrl+C stops the script) gets here without completing; at a terminal the child got the
        # same Ctrl+C and may have exited already. Either way 130 says so, as shells do.
        if (-not $completed) {
            if (-not $process.HasExited) { Stop-Child $process }
            [Console]::Error.WriteLine("run-tests: interrupted")
            [Environment]::Exit($ExitInterrupted)
        }
    }
}

function Format-Command([string[]] $Arguments) {
    $quoted = $Arguments | ForEach-Object { if ($_ -match '[\s|"]') { "'$_'" } else { $_ } }
    return "$dotnet $($quoted -join ' ')"
}

# -Preflight: lint manifests with the report tool's preflight verb (no cluster, no suite) and exit with its exit code.
$preflightPaths = @($Preflight | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })
if ($Sarif -and $preflightPaths.Count -eq 0) {
    Write-Error "-Sarif is written by -Preflight; give -Preflight <files or folders> too." -ErrorAction Continue
    exit $ExitEnvironment
}
if ($preflightPaths.Count -gt 0) {
    $preflightBuild = @('build', $reportTool, '--nologo', '-v', 'minimal')
    $preflightRun = @('run', '--project', $reportTool, '--no-build', '--', 'preflight') + @($preflightPaths | ForEach-Object { Resolve-RepoPath $_ })
    if ($Sarif) { $preflightRun += @('--sarif', (Resolve-RepoPath $Sarif)) }
    if (-not $PSCmdlet.ShouldProcess((Format-Command $preflightRun), 'run preflight')) {
        Write-Step "would run: $(Format-Command $preflightBuild)"
        Write-Step "would run: $(Format-Command $preflightRun)"
        exit $ExitHeld
    }
    Write-Step (Format-Command $preflightBuild)
    $code = Invoke-Dotnet $preflightBuild
    if ($code -ne 0) {
        Write-Error "the build failed (exit code $code): $(Format-Command $preflightBuild)" -ErrorAction Continue
        exit $ExitEnvironment
    }
    Write-Step (Format-Command $preflightRun)
    exit (Invoke-Dotnet $preflightRun)
}

# `pwsh -File` passes "a,b" as one string, so commas separate tags too.
$tags = @($Tag | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim().TrimStart('@') } | Where-Object { $_ } | Select-Object -Unique)
foreach ($name in $tags) {
    if ($name -notmatch '^[A-Za-z0-9][A-Za-z0-9_.:-]*$') {
        Write-Error "-Tag: '$name' is not a Gherkin tag (letters, digits, and _ . : - after the first character)." -ErrorAction Continue
        exit $ExitEnvironment
    }
}
$filter = ($tags | ForEach-Object { "Category=$_" }) -join '|'
$tagText = ($tags | ForEach-Object { "@$_" }) -join ' or '

if ($Kubeconfig) {
    $Kubeconfig = Resolve-RepoPath $Kubeconfig
    if (-not (Test-Path -LiteralPath $Kubeconfig -PathType Leaf)) {
        Write-Error "-Kubeconfig: the file '$Kubeconfig' does not exist." -ErrorAction Continue
        exit $ExitEnvironment
    }
}

$reportPath = Resolve-RepoPath $ReportDir
$resultsPath = Join-Path $repo "artifacts/results/$Backend"
$trxFolder = Join-Path $repo "artifacts/test-results/$Backend"
$trxName = 'conformance.trx'
$previousPath = if ($Previous) { Resolve-RepoPath $Previous } else { $null }
if ($previousPath -and -not (Test-Path -LiteralPath $previousPath)) {
    Write-Warning "-Previous '$previousPath' does not exist: no trend this time."
    $previousPath = $null
}

$environment = [ordered]@{
    HARNESS_BACKEND         = $Backend
    HARNESS_RESULTS_DIR     = $resultsPath
    HARNESS_REPORT_DIR      = $reportPath
    HARNESS_KEEP_ON_FAILURE = if ($KeepOnFailure) { '1' } else { '0' }
    HARNESS_PROGRESS_LOG    = Join-Path $repo 'artifacts/progress.log'
}
if ($Kubeconfig) { $environment.HARNESS_KUBECONFIG = $Kubeconfig }
if ($Context) { $environment.HARNESS_KUBE_CONTEXT = $Context }

# Everything the run executes: the suite, the report tool, and the apps that the emulated backend runs as local
# processes, the target app and the own-app example (a fresh clone has none of them built).
$build = @(
    @('build', $suite, '--nologo', '-v', 'minimal'),
    @('build', $reportTool, '--nologo', '-v', 'minimal'),
    @('build', $targetApp, '--nologo', '-v', 'minimal'),
    @('build', $ownApp, '--nologo', '-v', 'minimal'))
$test = @('test', '--project', $suite, '--no-build', '--report-trx', '--report-trx-filename', $trxName, '--results-directory', $trxFolder)
if ($filter) { $test += @('--filter', $filter) }

Write-Step "backend $Backend$(if ($Backend -eq 'emulated') { ' (EMULATED: no real kubelet)' }), scenarios $(if ($tagText) { "tagged $tagText" } else { 'all' })"
foreach ($name in $environment.Keys) { Write-Step "  $name=$($environment[$name])" }

if (-not $PSCmdlet.ShouldProcess((Format-Command $test), 'run the conformance suite')) {
    foreach ($command in $build) { Write-Step "would run: $(Format-Command $command)" }
    Write-Step "would run: $(Format-Command $test)"
    Write-Step "would write the report to $reportPath$(if ($previousPath) { " with trends from $previousPath" })"
    exit $ExitHeld
}

foreach ($name in $environment.Keys) { Set-Item -Path "env:$name" -Value $environment[$name] }

$clock = [System.Diagnostics.Stopwatch]::StartNew()
foreach ($command in $build) {
    Write-Step (Format-Command $command)
    $one = [System.Diagnostics.Stopwatch]::StartNew()
    $code = Invoke-Dotnet $command
    if ($code -ne 0) {
        Write-Error "the build failed (exit code $code): $(Format-Command $command)" -ErrorAction Continue
        exit $ExitEnvironment
    }
    Write-Step ('built {0} in {1:0.0} s' -f [System.IO.Path]::GetFileNameWithoutExtension($command[1]), $one.Elapsed.TotalSeconds)
}
Write-Step ('built the suite, the report tool and the target app in {0:0.0} s' -f $clock.Elapsed.TotalSeconds)

# Stale records from an earlier run would pass for this run's results.
if (Test-Path -LiteralPath $resultsPath) { Remove-Item -LiteralPath $resultsPath -Recurse -Force }
New-Item -ItemType Directory -Force -Path $resultsPath, $reportPath | Out-Null
# The report folder holds one run only: an earlier run's report must not pass for this one if this one writes none.
Get-ChildItem -LiteralPath $reportPath -Filter 'cucumber.*' -File | Remove-Item -Force
foreach ($name in @('report.json', 'report.md', 'index.html', 'junit.xml', $trxName, 'timelines', 'cucumber', 'benchmark')) {
    $old = Join-Path $reportPath $name
    if (Test-Path -LiteralPath $old) { Remove-Item -LiteralPath $old -Recurse -Force }
}
$trxPath = Join-Path $trxFolder $trxName
if (Test-Path -LiteralPath $trxPath) { Remove-Item -LiteralPath $trxPath -Force }
# The follower shows this run's lines only: the last run's file goes before the suite starts writing a new one.
if (Test-Path -LiteralPath $environment.HARNESS_PROGRESS_LOG) { Remove-Item -LiteralPath $environment.HARNESS_PROGRESS_LOG -Force }

# The tests this run selects, listed first: a test host killed midway then leaves "not run" rows, never a green report.
$selectedPath = Join-Path $trxFolder 'selected-tests.txt'
if (Test-Path -LiteralPath $selectedPath) { Remove-Item -LiteralPath $selectedPath -Force }
$list = @('test', '--project', $suite, '--no-build', '--list-tests')
if ($filter) { $list += @('--filter', $filter) }
Write-Step "listing the selected tests: $(Format-Command $list)"
$listed = @(& $dotnet @list 2>$null)
if ($LASTEXITCODE -eq 0) {
    New-Item -ItemType Directory -Force -Path $trxFolder | Out-Null
    $selected = @($listed | Where-Object { $_ -match '^  \S' } | ForEach-Object { $_.Trim() })
    $selected | Set-Content -LiteralPath $selectedPath
    Write-Step "$($selected.Count) test(s) selected (listed in $selectedPath)"
}
else {
    Write-Warning "listing the selected tests failed (exit code $LASTEXITCODE): tests that do not run cannot be named in the report."
}

$clock.Restart()
Write-Step (Format-Command $test)
$testExit = Invoke-Dotnet $test $environment.HARNESS_PROGRESS_LOG
$suiteSeconds = $clock.Elapsed.TotalSeconds
Write-Step ('the suite ran {0:0.0} s (dotnet test exit code {1})' -f $suiteSeconds, $testExit)

if ($testExit -eq 8) {
    Write-Error "no scenario is tagged $tagText$(if (-not $tagText) { ' (no scenario at all)' }): dotnet test ran zero tests. Check the tags in features/." -ErrorAction Continue
    exit $ExitNoScenario
}

$reportArguments = @('run', '--project', $reportTool, '--no-build', '--', 'build',
    '--results', $resultsPath, '--out', $reportPath, '--trx', $trxPath, '--backend', $Backend,
    '--suite-seconds', $suiteSeconds.ToString('0.###', [System.Globalization.CultureInfo]::InvariantCulture))
if ($previousPath) { $reportArguments += @('--previous', $previousPath) }
if (Test-Path -LiteralPath $selectedPath) { $reportArguments += @('--selected', $selectedPath) }
$reportExit = Invoke-Dotnet $reportArguments

$reportJson = Join-Path $reportPath 'report.json'
if (-not (Test-Path -LiteralPath $reportJson)) {
    Write-Error "the report was not written (report tool exit code $reportExit)." -ErrorAction Continue
    exit $ExitEnvironment
}

# Where the time went (per scenario: setup, floor, reaction, overhead, teardown; the suite's wall, critical path and
# concurrency; docs/benchmarks.md) goes beside the report. Figures are recorded, never judged: a failure only warns.
$benchmarkPath = Join-Path $reportPath 'benchmark'
$benchmarkExit = Invoke-Dotnet @('run', '--project', $reportTool, '--no-build', '--', 'benchmark', '--results', $resultsPath, '--out', $benchmarkPath)
if ($benchmarkExit -ne 0) {
    Write-Warning "the benchmark was not written (report tool exit code $benchmarkExit); the report was."
}

# The report tool printed the counts, scores and path; this line says what the exit code means.
$report = Get-Content -LiteralPath $reportJson -Raw | ConvertFrom-Json
$counts = $report.header.counts
$label = if ($report.header.emulated) { '[emulated] ' } else { '' }
$index = Join-Path $reportPath 'index.html'
# A test host that crashed or was stopped (anything but 0 = all passed, 2 = some failed) left the run incomplete.
# An authoring error (bad Gherkin, an unbound step, a bad table or manifest) is a scenario that never ran.
if ($reportExit -ne 0 -or $counts.environmentErrors -gt 0 -or $counts.authoringErrors -gt 0 -or $counts.notRun -gt 0 -or ($testExit -ne 0 -and $testExit -ne 2)) {
    Write-Step "$($label)exit $ExitEnvironment, the run is incomplete: $($counts.environmentErrors) environment error(s), $($counts.authoringErrors) authoring error(s), $($counts.notRun) not run, dotnet test exit code $testExit, report tool exit code $reportExit; see $index"
    exit $ExitEnvironment
}
if ($counts.notHeld -gt 0 -or $testExit -eq 2) {
    Write-Step "$($label)exit $ExitNotHeld, $($counts.notHeld) scenario(s) did not hold; see $index"
    exit $ExitNotHeld
}
Write-Step "$($label)exit $ExitHeld, every scenario held; see $index"
exit $ExitHeld
