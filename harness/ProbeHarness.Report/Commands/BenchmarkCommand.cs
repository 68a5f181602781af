using System.Diagnostics;
using System.Text;
using ProbeHarness.Reporting.Benchmark;
using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Reporting.Writers;

namespace ProbeHarness.Report.Commands;

/// <summary>
/// <c>benchmark</c>: where each run's time went, per scenario and for the suite, against the "suite speed" targets; writes
/// benchmark.json and benchmark.md per results folder; exit 0 when written, 2 on bad input (naming the file) or a wrong command line.
/// </summary>
public static class BenchmarkCommand
{
    /// <summary>The files written into each output folder.</summary>
    public static IReadOnlyList<string> Outputs { get; } = ["benchmark.json", "benchmark.md"];

    /// <summary>The options without a value the verb takes.</summary>
    public static IReadOnlyList<string> Flags { get; } = ["markdown-section"];

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(CommandArguments arguments, TextWriter stdout, TextWriter stderr)
    {
        arguments.AllowOnly("results", "out", "commit", "markdown-section");
        var folders = arguments.All("results").Select(Path.GetFullPath).ToList();
        if (folders.Count == 0)
        {
            throw new UsageException("benchmark needs --results");
        }

        var output = arguments.Optional("out") is { } given ? Path.GetFullPath(given) : null;
        var commit = arguments.Optional("commit");
        var section = arguments.Flag("markdown-section");

        // With --markdown-section stdout carries the section alone (to append to docs/benchmarks.md); the rest goes to stderr.
        var progress = section ? stderr : stdout;
        var benchmarks = new List<BenchmarkReport>();
        try
        {
            // Every folder is read before anything is written: one bad folder writes nothing.
            foreach (var folder in folders)
            {
                benchmarks.Add(Read(folder, commit, progress));
            }
        }
        catch (ReportInputException failure)
        {
            stderr.WriteLine($"error: {failure.Message}");
            return ReportProgram.UsageError;
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var benchmark in benchmarks)
        {
            var clock = Stopwatch.StartNew();
            var folder = Unique(OutputFolder(benchmark, output, benchmarks.Count), taken);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, Outputs[0]), BenchmarkWriter.Json(benchmark), Utf8);
            File.WriteAllText(Path.Combine(folder, Outputs[1]), BenchmarkWriter.Markdown(benchmark), Utf8);
            Step(progress, $"wrote {string.Join(" and ", Outputs)} to {folder}", clock);
            var label = BenchmarkText.Label(benchmark.Suite);
            progress.WriteLine($"{label}{benchmark.Suite.Summary}");
            foreach (var target in benchmark.Suite.Targets)
            {
                progress.WriteLine($"{label}target {BenchmarkText.Target(target)}");
            }
        }

        if (section)
        {
            stdout.Write(BenchmarkWriter.Section(benchmarks, commit));
        }

        return ReportProgram.Ok;
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static BenchmarkReport Read(string folder, string? commit, TextWriter progress)
    {
        var clock = Stopwatch.StartNew();
        var records = ScenarioRecordReader.ReadFolder(folder);
        if (records.Problems.Count > 0)
        {
            // A benchmark without some of its scenarios would be wrong, not partial.
            throw new ReportInputException(string.Join($"{Environment.NewLine}error: ", records.Problems));
        }

        if (records.Records.Count == 0)
        {
            throw new ReportInputException($"{folder}: the results folder holds no scenario record (*.json).");
        }

        var run = SuiteRunReader.ReadFolder(folder);
        Step(progress, $"read {records.Records.Count} scenario record(s) from {folder}, " +
                       (run is null ? $"no {SuiteRun.RelativePath} (no run span, cap or load)" : $"{SuiteRun.RelativePath} with {(run.Load ?? []).Count} load sample(s)"), clock);
        var benchmark = BenchmarkCalculator.Of(records.Records.Select(r => r.Record).ToList(), run) with { Results = folder, Commit = commit };
        Step(progress, $"computed {benchmark.Scenarios.Count} scenario(s): {benchmark.Suite.Measured} measured, {benchmark.Suite.NotMeasured} not measured, {benchmark.Suite.Skipped} skipped", clock);
        return benchmark;
    }

    // --out as given for one folder, a sub-folder per backend for several; by default beside the results: artifacts/results/<x> → artifacts/benchmarks/<backend>.
    private static string OutputFolder(BenchmarkReport benchmark, string? output, int folders)
    {
        var backend = Slug(benchmark.Suite.Backend);
        if (output is not null)
        {
            return folders == 1 ? output : Path.Combine(output, backend);
        }

        var results = new DirectoryInfo(benchmark.Results!);
        var beside = results.Parent is { Name: "results", Parent: { } artifacts } ? artifacts : results.Parent ?? results;
        return Path.Combine(beside.FullName, "benchmarks", backend);
    }

    // Two runs of one backend get benchmarks/<backend> and benchmarks/<backend>-2, never one file over the other.
    private static string Unique(string folder, HashSet<string> taken)
    {
        var candidate = folder;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{folder}-{n}";
        }

        return candidate;
    }

    private static string Slug(string backend)
    {
        var slug = new StringBuilder();
        foreach (var c in backend.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-') is { Length: > 0 } name ? name : "unknown";
    }

    private static void Step(TextWriter progress, string what, Stopwatch clock)
    {
        progress.WriteLine(FormattableString.Invariant($"benchmark: {what} ({clock.Elapsed.TotalSeconds:0.00} s)"));
        clock.Restart();
    }
}
