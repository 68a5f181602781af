using ProbeHarness.Kubelet.KubeletLog;
using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Report.Commands;

/// <summary>
/// <c>kubelet-log</c>: the timing check. Reads a kubelet log and a run's scenario records, pairs each harness instant of first
/// failed probe, kill and Ready change with the kubelet's line for the same pod, and prints max and p95 error per measure.
/// </summary>
public static class KubeletLogCommand
{
    /// <summary>The file written into an <c>--out</c> folder.</summary>
    public const string OutputFile = "timing-check.md";

    /// <summary>Runs the command; returns 0 when every error is within <c>--max-error</c>, 1 when one is not (or a measure could not be checked), 3 when an input cannot be read or nothing paired.</summary>
    public static int Run(CommandArguments arguments, TextWriter stdout, TextWriter stderr)
    {
        arguments.AllowOnly("log", "results", "max-error", "time-zone", "out");
        var logFile = Path.GetFullPath(arguments.Required("log"));
        var results = Path.GetFullPath(arguments.Required("results"));
        var maxError = arguments.Number("max-error") ?? KubeletLogComparison.DefaultMaxErrorSeconds;
        var zone = Zone(arguments.Optional("time-zone"));
        if (!File.Exists(logFile))
        {
            throw new ReportInputException($"{logFile}: the kubelet log does not exist.");
        }

        var records = ScenarioRecordReader.ReadFolder(results);
        foreach (var problem in records.Problems)
        {
            stderr.WriteLine($"warning: {problem}");
        }

        // klog has no year: the run's first scenario (else the log's last write) says which one.
        var reference = records.Records.Count > 0 ? records.Records.Min(r => r.Record.StartedAt) : new DateTimeOffset(File.GetLastWriteTimeUtc(logFile));
        var log = KubeletLogReader.ReadFile(logFile, new KubeletLogClock(zone, reference));
        var instants = HarnessInstants.From(records.Records.Select(r => r.Record));
        var check = KubeletLogComparison.Of(instants, log, maxError);
        var markdown = check.ToMarkdown($"{Path.GetFileName(results)} records vs {logFile} ({log.Entries.Count} kubelet line(s) of {log.Lines})");
        stdout.Write(markdown);
        if (arguments.Optional("out") is { } output)
        {
            var file = Directory.Exists(output) || output.EndsWith('/') ? Path.Combine(output, OutputFile) : output;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            File.WriteAllText(file, markdown);
            stdout.WriteLine($"timing check written to {Path.GetFullPath(file)}");
        }

        if (check.PairCount == 0)
        {
            stderr.WriteLine(instants.Count == 0
                ? $"error: the records in {results} hold no harness instant of a first failure, kill or Ready change with its pod (TimingRecord.OccurredAt, Pod, Namespace); nothing was checked."
                : $"error: none of the {instants.Count} harness instant(s) has a kubelet line for its pod in {logFile}; nothing was checked.");
            return ReportProgram.InputError;
        }

        return check.Passed ? ReportProgram.Ok : ReportProgram.TimingError;
    }

    private static TimeZoneInfo Zone(string? id)
    {
        if (id is null)
        {
            return TimeZoneInfo.Utc; // the local cluster starts its kubelet with TZ=UTC
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception failure) when (failure is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new UsageException($"--time-zone '{id}' is not a time zone this machine knows (e.g. UTC, Europe/Berlin)");
        }
    }
}
