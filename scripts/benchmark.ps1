<#
.SYNOPSIS
Runs the conformance suite once on a backend and writes where its time went: per scenario and for the suite.

.DESCRIPTION
Builds the suite and the report tool, runs `dotnet test --project steps/ProbeHarness.Steps.csproj` on -Backend with its
own results folder under -OutDir, then the report tool's benchmark verb on that folder: benchmark.md and benchmark.json
in -OutDir/<backend>/ with, per scenario, setup, floor, reaction, harness overhead and teardown, and for the suite the
wall time, the longest scenario (critical path), the sum, the achieved concurrency, the cap and the machine's load,
with the targets of docs/benchmarks.md stated and judged (recorded, never asserted: a target not met does not change
the exit code).

-Results skips the run and benchmarks records written earlier (a CI artifact, a run-tests.ps1 run). -Record appends a
dated section (date, commit, machine, load) to docs/benchmarks.md.

Run it with `dotnet pwsh scripts/benchmark.ps1` (after `dotnet tool restore`).

.PARAMETER Backend
emulated (default), kubeconfig (HARNESS_KUBECONFIG and HARNESS_TARGET_IMAGE from the environment, as
local-cluster/up.sh prints them) or k3s.

.PARAMETER Tag
Gherkin tags (with or without @, as a list or comma-separated) to narrow the run to.

.PARAMETER Results
A folder of scenario records to benchmark instead of running the suite.

.PARAMETER OutDir
Where the results and the benchmark go (default artifacts/benchmarks).

.PARAMETER Record
Append the dated section to docs/benchmarks.md.

.PARAMETER NoBuild
Use the existing build.

.EXAMPLE
dotnet pwsh scripts/benchmark.ps1

Runs every scenario on the emulated backend and writes artifacts/benchmarks/emulated/benchmark.md.

.EXAMPLE
local-cluster/up.sh; export HARNESS_KUBECONFIG=... HARNESS_TARGET_IMAGE=...; dotnet pwsh scripts/benchmark.ps1 -Backend kubeconfig -Record

The suite on the local v1.20 cluster, with the figures appended to docs/benchmarks.md (local-cluster/stop.sh after).

.EXAMPLE
dotnet pwsh scripts/benchmark.ps1 -Results artifacts/results/kubeconfig

Benchmarks the records of an earlier run without running anything.

.NOTES
Exit codes: 0 the benchmark was written (whatever the suite's verdicts and the targets); 2 it could not be: a build
failure, a bad -Tag, no records, or a report tool error.
#>
[CmdletBinding()]
param(
    [ValidateSet('emulated', 'kubeconfig', 'k3s')]
    [string] $Backend = 'emulated',

    [string[]] $Tag = @(),

    [string] $Results,

    [ValidateNotNullOrEmpty()]
    [string] $OutDir = 'artifacts/benchmarks',

    [switch] $Record,

    [switch] $NoBuild
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$repo = Split-Path -Parent $PSScriptRoot
$suite = Join-Path $repo 'steps/ProbeHarness.Steps.csproj'
$reportTool = Join-Path $repo 'harness/ProbeHarness.Report/ProbeHarness.Report.csproj'
$docs = Join-Path $repo 'docs/benchmarks.md'

function Write-Step([string] $Text) { Write-Host "benchmark: $Text" }

function Resolve-Full([string] $Path) {
    $full = if ([System.IO.Path]::IsPathRooted($Path)) { $Path } else { Join-Path (Get-Location).Path $Path }
    return [System.IO.Path]::GetFullPath($full)
}

$out = Resolve-Full $OutDir
$clock = [System.Diagnostics.Stopwatch]::StartNew()
$tags = @($Tag | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim().TrimStart('@') } | Where-Object { $_ } | Select-Object -Unique)
foreach ($name in $tags) {
    if ($name -notmatch '^[A-Za-z0-9][A-Za-z0-9_.:-]*$') {
        Write-Error "-Tag: '$name' is not a Gherkin tag." -ErrorAction Continue
        exit 2
    }
}

if (-not $NoBuild) {
    New-Item -ItemType Directory -Force -Path $out | Out-Null
    $projects = if ($Results) { @($reportTool) } else { @($suite, $reportTool, (Join-Path $repo 'target-app'), (Join-Path $repo 'examples/own-app/src/OwnApp.csproj')) }
    foreach ($project in $projects) {
        if (-not (Test-Path -LiteralPath $project)) { continue }
        & dotnet build $project --nologo -v quiet *> (Join-Path $out 'build.log')
        if ($LASTEXITCODE -ne 0) {
            Get-Content -LiteralPath (Join-Path $out 'build.log') | Write-Host
            Write-Error "the build failed: $project" -ErrorAction Continue
            exit 2
        }
    }
    Write-Step ('built in {0:0.0} s' -f $clock.Elapsed.TotalSeconds)
}

if ($Results) {
    $resultsPath = Resolve-Full $Results
    if (-not (Test-Path -LiteralPath $resultsPath -PathType Container)) {
        Write-Error "-Results: $resultsPath is not a folder." -ErrorAction Continue
        exit 2
    }
}
else {
    if ($Backend -eq 'kubeconfig' -and -not $env:HARNESS_KUBECONFIG) {
        Write-Error "-Backend kubeconfig needs HARNESS_KUBECONFIG (the cluster's kubeconfig; local-cluster/up.sh prints it)." -ErrorAction Continue
        exit 2
    }

    $resultsPath = Join-Path $out "results/$Backend"
    if (Test-Path -LiteralPath $resultsPath) { Remove-Item -LiteralPath $resultsPath -Recurse -Force }
    $arguments = @('test', '--project', $suite, '--no-build', '--no-ansi')
    if ($tags) { $arguments += @('--filter', (($tags | ForEach-Object { "Category=$_" }) -join '|')) }
    $saved = @{}
    $environment = @{ HARNESS_BACKEND = $Backend; HARNESS_RESULTS_DIR = $resultsPath; HARNESS_REPORT_DIR = (Join-Path $out "report/$Backend") }
    foreach ($name in $environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $environment[$name])
    }
    try {
        Write-Step "running the suite on the $Backend backend (its progress follows)"
        $clock.Restart()
        # The suite's own output is the progress: every scenario's lines with their durations.
        & dotnet @arguments
        $testExit = $LASTEXITCODE
        Write-Step ('the suite ran {0:0.0} s (dotnet test exit code {1}); its verdicts are in its own output' -f $clock.Elapsed.TotalSeconds, $testExit)
    }
    finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
    if ($testExit -eq 8) {
        Write-Error "no scenario has the tags $($tags -join ', ') (dotnet test ran zero tests)." -ErrorAction Continue
        exit 2
    }
}

$commit = (& git -C $repo rev-parse --short HEAD 2>$null)
$verb = @('run', '--project', $reportTool, '--no-build', '--', 'benchmark', '--results', $resultsPath, '--out', (Join-Path $out $Backend))
if ($commit) { $verb += @('--commit', $commit) }
& dotnet @verb
if ($LASTEXITCODE -ne 0) {
    Write-Error "the benchmark could not be written (report tool exit code $LASTEXITCODE)." -ErrorAction Continue
    exit 2
}

if ($Record) {
    $section = @(& dotnet @($verb + @('--markdown-section')) 2>$null)
    if ($LASTEXITCODE -ne 0 -or $section.Count -eq 0) {
        Write-Error "the section for docs/benchmarks.md could not be written (report tool exit code $LASTEXITCODE)." -ErrorAction Continue
        exit 2
    }
    Add-Content -LiteralPath $docs -Value (@('') + $section)
    Write-Step "appended the figures to $docs"
}

exit 0
