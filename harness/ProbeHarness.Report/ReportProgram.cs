using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Report.Commands;
using ProbeHarness.Reporting.Input;

namespace ProbeHarness.Report;

/// <summary>The <c>ProbeHarness.Report</c> command line: <c>build</c> a report folder, <c>compare</c> two backends, check timings against a <c>kubelet-log</c>, <c>preflight</c> manifests, <c>advise</c> probe settings from recorded runs, or <c>benchmark</c> a run's speed.</summary>
public static class ReportProgram
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>compare: a scenario that ran on both backends got different verdicts.</summary>
    public const int Disagreement = 1;

    /// <summary>kubelet-log: a harness instant is further from the kubelet's log line than <c>--max-error</c>, or a measure could not be checked.</summary>
    public const int TimingError = 1;

    /// <summary>The command line is wrong (preflight: or its input is bad, <see cref="Preflight.PreflightResult.BadInput"/>; advise and benchmark: or their input is bad).</summary>
    public const int UsageError = 2;

    /// <summary>An input (records, TRX, previous report) could not be read, or compare had nothing to compare.</summary>
    public const int InputError = 3;

    /// <summary>The usage text.</summary>
    public const string Usage = """
        usage:
          ProbeHarness.Report build --results <dir> --out <dir> [--previous <dir|report.json>] [--trx <file>]
                                    [--cucumber <file>]... [--backend <name>] [--suite-seconds <n>] [--selected <file>]
              Reads the scenario records in --results and writes report.json, report.md, index.html, junit.xml
              and timelines/ to --out (index.html with a probe advice section when the records allow it); a test
              --selected lists (one display name a line) that left no record and no TRX result is a "not run" row.
              Exit 0 when written, 3 when an input could not be read.
          ProbeHarness.Report compare --left <dir> --right <dir> [--out <file.md or folder>]
              Prints the agreement table of two runs (results or report folders). Exit 1 when a scenario that
              ran on both got different verdicts, 3 when nothing ran on both.
          ProbeHarness.Report kubelet-log --log <kubelet.log> --results <dir> [--max-error <s>] [--time-zone <id>]
                                    [--out <file.md or folder>]
              The timing check: pairs each first failed probe, kill and Ready change the records measured with the
              kubelet's own log line for the same pod (klog, --v=2 with status_manager at 3; times in --time-zone,
              default UTC) and prints pairs, max and p95 error per measure. Exit 0 when every error is at most
              --max-error (default 0.1 s), 1 when one is larger or a measure has no line to pair with, 3 when an
              input cannot be read or nothing paired.
          ProbeHarness.Report preflight <file|folder>... [--format human|json|sarif|junit] [--out <file>]
                                    [--sarif <file>] [--fail-on error|warning|note]
              Lints the probes of every workload in the manifests (no cluster). Exit 0 when nothing is at or above
              --fail-on (default warning), 1 when something is, 2 on bad input. `preflight --help` says more.
          ProbeHarness.Report advise --results <dir|report.json> [--manifest <file>] [--out <dir>]
                                    [--container <name>] [--max-risk-per-day <p>]
              Recommends liveness, readiness and startup settings from recorded runs, with their worst-case
              detection time and false-restart risk. Exit 0 when advised, 2 on bad input. `advise --help` says more.
          ProbeHarness.Report benchmark --results <dir> [--results <dir>]... [--out <dir>] [--commit <sha>]
                                    [--markdown-section]
              Where each run's time went (per scenario setup, floor, reaction, harness overhead, teardown; the suite's
              wall, critical path, concurrency and load) against the suite-speed targets; writes benchmark.json and
              benchmark.md (default artifacts/benchmarks/<backend>/). Exit 0 when written, 2 on bad input.
              `benchmark --help` says more.
        """;

    /// <summary>The advise verb's help text.</summary>
    public const string AdviseUsage = """
        usage: ProbeHarness.Report advise --results <dir|report.json> [--manifest <file>] [--out <dir>]
                                          [--container <name>] [--max-risk-per-day <p>]

        Learns the target app's probe latencies (its JSON log lines, "kind":"probe", durationMs, in the records'
        diagnostics.logs) and start times (app log, start→ready timings, timelines) from recorded runs, and recommends
        periodSeconds, timeoutSeconds, failureThreshold and the startup budget for the liveness, readiness and startup
        probes of the manifest's container, each with its worst-case detection time (the kubelet model's ReactionWindow)
        and its false-restart risk (p^failureThreshold per period, 1-(1-p^fT)^(86400/period) per day, p = the share of
        latencies above timeoutSeconds). A figure the records do not hold is printed as "not recorded". The Advisor
        section of docs/preflight.md has the formulas.

          --results           a results folder of scenario records (artifacts/results/<backend>), or a report.json
          --manifest          the manifest whose probes are advised (default: manifests/target-app.yaml)
          --container         the container to advise (default: the first workload container with a probe)
          --out               also write advise.md, advise.json and advise.svg (the trade-off chart) into this folder
          --max-risk-per-day  the daily false-restart risk a recommendation may have (default 0.001)

        The advice (Markdown) goes to stdout.

        exit codes:
          0  advised (also when figures are missing: the output says which)
          2  bad input (a missing results folder, a folder without records, a file that is not a scenario record or
             report.json, a missing or invalid manifest, no container with a probe; each error names the file) or a
             wrong command line
        """;

    /// <summary>The benchmark verb's help text.</summary>
    public const string BenchmarkUsage = """
        usage: ProbeHarness.Report benchmark --results <dir> [--results <dir>]... [--out <dir>] [--commit <sha>]
                                             [--markdown-section]

        Where a suite run's time went, from its scenario records (their phases: setup, steps, waits, teardown) and its
        run/suite.json (span, concurrency cap, backend start and stop, load samples). Per scenario: duration, setup, floor
        (the earliest the last expectation could have been met), reaction (the cluster's wait beyond the floor), harness
        overhead (steps − max(wait, floor)) and teardown; a record without phases is "not measured". For the suite: wall
        (first scenario start → last end), the run's span, the longest scenario (critical path), the sum of durations,
        the achieved concurrency, median/p95/max of overhead, setup and teardown, the load average, and the targets
        (emulated: wall ≤ 1.5 × longest + 20 s, overhead p95 ≤ 1 s; real clusters: wall < 180 s, overhead p95 ≤ 3 s),
        each with the measured value and whether it is met: recorded, never asserted. docs/benchmarks.md has the
        definitions.

          --results           a results folder of scenario records (artifacts/results/<backend>); repeat for several runs
          --out               the folder to write benchmark.json and benchmark.md into (several --results: a sub-folder
                              per backend); default beside the results: artifacts/benchmarks/<backend>/
          --commit            the commit the run was of, for benchmark.json and the dated section
          --markdown-section  print a dated section (date, commit, machine: host, cores, load; the summary and the
                              targets) to stdout, to append to docs/benchmarks.md; progress then goes to stderr

        exit codes:
          0  written (also when targets are not met, or records have no phases: the output says so)
          2  bad input (a missing results folder, a folder without records, a record or run/suite.json that does not
             read; each error names the file) or a wrong command line
        """;

    /// <summary>The preflight verb's help text.</summary>
    public const string PreflightUsage = """
        usage: ProbeHarness.Report preflight <file|folder>... [--format human|json|sarif|junit] [--out <file>]
                                             [--sarif <file>] [--fail-on error|warning|note]

        Lints the liveness, readiness and startup probes of every container and init container of every Deployment,
        StatefulSet, DaemonSet, Job, CronJob and Pod in the given files and folders (folders: every *.yaml and *.yml,
        recursively; multi-document files such as `helm template` output are fine). No cluster is needed. Rules PH001..PH010
        are described in docs/preflight.md.

          --format    human (default: a table), json, sarif (SARIF 2.1.0) or junit (JUnit XML); written to stdout
          --out       write the --format output to this file instead of stdout
          --sarif     also write SARIF 2.1.0 to this file (e.g. for code scanning), whatever --format is
          --fail-on   the lowest severity that fails the run: error, warning (default) or note

        exit codes:
          0  no finding at or above --fail-on
          1  a finding at or above --fail-on
          2  bad input (a missing or unreadable file, invalid YAML, a document without apiVersion/kind, an unknown kind,
             a field the kind does not have; each error names the file and line) or a wrong command line
        """;

    /// <summary>Runs the command in <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            if (args is ["preflight", .. var rest] && rest.Any(a => a is "--help" or "-h"))
            {
                stdout.WriteLine(PreflightUsage);
                return Ok;
            }

            if (args is ["advise", .. var options] && options.Any(a => a is "--help" or "-h"))
            {
                stdout.WriteLine(AdviseUsage);
                return Ok;
            }

            if (args is ["benchmark", .. var given] && given.Any(a => a is "--help" or "-h"))
            {
                stdout.WriteLine(BenchmarkUsage);
                return Ok;
            }

            var arguments = CommandArguments.Parse(args, operands: args is ["preflight", ..], flags: args is ["benchmark", ..] ? BenchmarkCommand.Flags : null);
            return arguments.Command switch
            {
                "build" => BuildCommand.Run(arguments, stdout, stderr),
                "compare" => CompareCommand.Run(arguments, stdout),
                "kubelet-log" => KubeletLogCommand.Run(arguments, stdout, stderr),
                "preflight" => PreflightCommand.Run(arguments, stdout, stderr),
                "advise" => AdviseCommand.Run(arguments, stdout, stderr),
                "benchmark" => BenchmarkCommand.Run(arguments, stdout, stderr),
                "help" or "--help" or "-h" => Help(stdout),
                _ => throw new UsageException($"unknown command '{arguments.Command}'"),
            };
        }
        catch (UsageException failure)
        {
            stderr.WriteLine($"error: {failure.Message}");
            stderr.WriteLine(Usage);
            return UsageError;
        }
        catch (ReportInputException failure)
        {
            stderr.WriteLine($"error: {failure.Message}");
            return InputError;
        }
    }

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(Usage);
        return Ok;
    }
}
