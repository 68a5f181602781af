using ProbeHarness.Kubelet.Timing;
using System.Text;
using ProbeHarness.Reporting.Benchmark;
using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Reporting.Scrubbing;

namespace ProbeHarness.Reporting.Building;

/// <summary>Builds the one <see cref="ResilienceReport"/> model from scenario records, a TRX summary and earlier history.</summary>
public sealed partial class ReportBuilder(TimeProvider time)
{
    /// <summary>How many runs report.json keeps in its history.</summary>
    public const int MaxHistoryRuns = 100;

    /// <summary>A builder on the system clock.</summary>
    public ReportBuilder()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Builds the report.</summary>
    public ResilienceReport Build(ReportInputs inputs)
    {
        var records = inputs.Records.Records
            .Select(r => r.Record)
            .OrderBy(r => r.FeatureFile, StringComparer.Ordinal)
            .ThenBy(r => r.StartedAt)
            .ToList();
        var problems = inputs.Records.Problems.Select(CredentialScrubber.Scrub).ToList();
        if (inputs.Trx?.PassedTests.Where(name => !records.Any(r => Covers(r, name))).ToList() is { Count: > 0 } unrecorded)
        {
            // A passed test without a record is not a failure, but the report cannot show it: say so rather than hide it.
            problems.Add(CredentialScrubber.Scrub(
                $"{unrecorded.Count} passed test(s) left no scenario record, so the report does not show them: {string.Join("; ", unrecorded.Take(5))}{(unrecorded.Count > 5 ? "; …" : string.Empty)}"));
        }

        var rows = records.Select((record, index) => ToRow(record, index + 1)).ToList();
        rows.AddRange(RowsForFailedTestsWithoutRecord(inputs, records, rows.Count));
        rows.AddRange(RowsForSelectedTestsWithoutResult(inputs, records, rows));

        var current = HistoryEntryFor(rows, StartOf(inputs, records));
        var history = (inputs.PreviousHistory ?? []).Append(current).TakeLast(MaxHistoryRuns).ToList();
        if (inputs.PreviousHistory is not null)
        {
            rows = rows.Select(row => row with { Trend = TrendCalculator.For(row, history) }).ToList();
        }

        return new ResilienceReport
        {
            Header = HeaderFor(inputs, records, rows, problems),
            Scores = ScoreCalculator.For(rows),
            Scenarios = rows,
            Artifacts = inputs.Artifacts,
            History = history,
        };
    }

    private static ScenarioRow ToRow(ScenarioRecord record, int index)
    {
        var (verdict, reason) = VerdictRules.Decide(record);
        var timings = (record.Timings ?? []).Select(t => t with { Formula = CredentialScrubber.ScrubOrNull(t.Formula) }).ToList();
        return new ScenarioRow
        {
            Key = KeyOf(record.FeatureFile, record.Scenario),
            Feature = record.Feature,
            FeatureFile = record.FeatureFile,
            Line = record.Line,
            Scenario = record.Scenario,
            Tags = record.Tags ?? [],
            Backend = record.Backend,
            Emulated = record.Emulated || string.Equals(record.Backend, "emulated", StringComparison.OrdinalIgnoreCase),
            Outcome = record.Outcome,
            Message = CredentialScrubber.ScrubOrNull(record.Message),
            Verdict = verdict,
            VerdictReason = CredentialScrubber.Scrub(reason),
            StartedAt = record.StartedAt,
            DurationSeconds = record.DurationSeconds,
            Probes = record.Probes ?? [],
            Faults = (record.Faults ?? []).Select(f => f with { Description = CredentialScrubber.Scrub(f.Description) }).ToList(),
            Expectations = (record.Expectations ?? [])
                .Select(e => e with { Text = CredentialScrubber.Scrub(e.Text), Detail = CredentialScrubber.ScrubOrNull(e.Detail) })
                .ToList(),
            Timings = timings,
            Detection = FirstOf(timings, TimingRole.Detection),
            Action = FirstOf(timings, TimingRole.Action),
            Recovery = FirstOf(timings, TimingRole.Recovery),
            Timeline = (record.Timeline ?? [])
                .Select(t => t with { Value = CredentialScrubber.Scrub(t.Value), Detail = CredentialScrubber.ScrubOrNull(t.Detail) })
                .OrderBy(t => t.At)
                .ToList(),
            TimelineImage = TimelineImageFor(index, record.Scenario),
            Diagnostics = verdict.Holds() || verdict == ScenarioVerdict.Skipped ? null : Scrub(record.Diagnostics),
            OwnApp = record.OwnApp,
        };
    }

    /// <summary>A failed test the TRX names but no record covers (e.g. a hook failed first) still becomes a row, so no failure is lost.</summary>
    private static IEnumerable<ScenarioRow> RowsForFailedTestsWithoutRecord(ReportInputs inputs, List<ScenarioRecord> records, int rowsSoFar)
    {
        if (inputs.Trx is null)
        {
            yield break;
        }

        var backend = records.FirstOrDefault()?.Backend ?? inputs.Backend ?? "unknown";
        var start = inputs.Trx.Start ?? DateTimeOffset.MinValue;
        var index = rowsSoFar;
        foreach (var failed in inputs.Trx.FailedTests)
        {
            if (records.Any(r => Covers(r, failed.Name)))
            {
                continue;
            }

            index++;
            yield return RowWithoutRecord(failed.Name, "(no scenario record)", backend, start, index, ScenarioVerdict.EnvironmentError, "environment-error",
                "the test failed before it wrote a scenario record") with { Message = CredentialScrubber.ScrubOrNull(failed.Message) };
        }
    }

    /// <summary>A test the run selected that neither a record nor the TRX covers never ran: a "not run" row, so a killed run is never green.</summary>
    private static IEnumerable<ScenarioRow> RowsForSelectedTestsWithoutResult(ReportInputs inputs, List<ScenarioRecord> records, List<ScenarioRow> rows)
    {
        var backend = records.FirstOrDefault()?.Backend ?? inputs.Backend ?? "unknown";
        var start = inputs.Trx?.Start ?? (records.Count == 0 ? DateTimeOffset.MinValue : records.Min(r => r.StartedAt));
        var index = rows.Count;
        var trxNames = inputs.Trx is null ? [] : inputs.Trx.PassedTests.Concat(inputs.Trx.SkippedTests).Concat(inputs.Trx.FailedTests.Select(f => f.Name)).ToHashSet(StringComparer.Ordinal);
        var left = inputs.Selected
            .Where(name => !trxNames.Contains(name) && !records.Any(r => r.TestName is { } test ? test == name : Covers(r, name)))
            .ToList();
        foreach (var name in left)
        {
            index++;
            yield return RowWithoutRecord(name, "(not run)", backend, start, index, ScenarioVerdict.NotRun, "not-run",
                "the run selected this test but it left no record and no test result (was the test host killed?)");
        }
    }

    // A row for a test that left no scenario record: only the test's name, its fate and why are known.
    private static ScenarioRow RowWithoutRecord(
        string testName, string feature, string backend, DateTimeOffset start, int index, ScenarioVerdict verdict, string outcome, string reason) => new()
    {
        Key = KeyOf(string.Empty, testName),
        Feature = feature,
        FeatureFile = string.Empty,
        Scenario = testName,
        Tags = [],
        Backend = backend,
        Emulated = string.Equals(backend, "emulated", StringComparison.OrdinalIgnoreCase),
        Outcome = outcome,
        Verdict = verdict,
        VerdictReason = reason,
        StartedAt = start,
        DurationSeconds = 0,
        Probes = [],
        Faults = [],
        Expectations = [],
        Timings = [],
        Timeline = [],
        TimelineImage = TimelineImageFor(index, testName),
    };

    // The test's display name is "Feature: Scenario [example]" while an outline's record says "Scenario (name=value, ...)":
    // the title before the example part is what both share.
    private static bool Covers(ScenarioRecord record, string testName)
    {
        var title = record.Scenario;
        var examples = title.LastIndexOf(" (", StringComparison.Ordinal);
        if (title.EndsWith(')') && examples > 0)
        {
            title = title[..examples];
        }

        return testName.Contains(title, StringComparison.OrdinalIgnoreCase);
    }

    private ReportHeader HeaderFor(ReportInputs inputs, List<ScenarioRecord> records, List<ScenarioRow> rows, List<string> problems)
    {
        var backends = rows.Select(r => r.Backend).Distinct().Order(StringComparer.Ordinal).ToList();
        if (backends.Count == 0)
        {
            backends.Add(inputs.Backend ?? "unknown");
        }

        var start = StartOf(inputs, records);
        var end = records.Count == 0 ? start : records.Max(r => r.StartedAt.AddSeconds(r.DurationSeconds));
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (image, digest) in records.SelectMany(r => r.ImageDigests ?? new Dictionary<string, string>()))
        {
            digests[image] = digest;
        }

        return new ReportHeader
        {
            Backends = backends,
            Emulated = rows.Any(r => r.Emulated) || backends.Contains("emulated", StringComparer.OrdinalIgnoreCase),
            KubernetesVersions = records.Select(r => r.KubernetesVersion).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(),
            ImageDigests = digests,
            Host = records.Select(r => r.Host).OfType<string>().FirstOrDefault() ?? Environment.MachineName,
            StartedAt = start,
            DurationSeconds = inputs.SuiteWallSeconds ?? inputs.Trx?.DurationSeconds ?? Math.Max(0, (end - start).TotalSeconds),
            Counts = CountsOf(rows),
            Benchmark = inputs.Suite is not null || records.Any(r => r.Phases is not null) ? BenchmarkCalculator.ForSuite(records, inputs.Suite) : null,
            Problems = problems,
        };
    }

    private DateTimeOffset StartOf(ReportInputs inputs, List<ScenarioRecord> records) =>
        inputs.Trx?.Start ?? (records.Count == 0 ? time.GetUtcNow() : records.Min(r => r.StartedAt));

    private static ReportCounts CountsOf(List<ScenarioRow> rows) => new(
        Total: rows.Count,
        Held: rows.Count(r => r.Verdict.Holds()),
        NotHeld: rows.Count(r => r.Verdict.IsJudged() && !r.Verdict.Holds()),
        EnvironmentErrors: rows.Count(r => r.Verdict == ScenarioVerdict.EnvironmentError),
        Skipped: rows.Count(r => r.Verdict == ScenarioVerdict.Skipped),
        ByVerdict: Enum.GetValues<ScenarioVerdict>().ToDictionary(v => v.ToKey(), v => rows.Count(r => r.Verdict == v)),
        AuthoringErrors: rows.Count(r => r.Verdict == ScenarioVerdict.AuthoringError),
        NotRun: rows.Count(r => r.Verdict == ScenarioVerdict.NotRun));

    private static RunHistoryEntry HistoryEntryFor(List<ScenarioRow> rows, DateTimeOffset start) => new(
        start,
        string.Join(",", rows.Select(r => r.Backend).Distinct().Order(StringComparer.Ordinal)),
        rows.Any(r => r.Emulated),
        rows.Select(r => new HistoryScenario(r.Key, r.Verdict.ToKey(), RatiosOf(r))).ToList());

    /// <summary>Measured over upper bound for each timing that has both; the first of a name wins.</summary>
    internal static IReadOnlyDictionary<string, double> RatiosOf(ScenarioRow row)
    {
        var ratios = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var timing in row.Timings)
        {
            if (timing is { MeasuredSeconds: { } measured, BoundMaxSeconds: > 0 and var max })
            {
                ratios.TryAdd(timing.Name, measured / max);
            }
        }

        return ratios;
    }

    // The first judged timing of the role, else the first of the role.
    private static TimingRecord? FirstOf(IReadOnlyList<TimingRecord> timings, TimingRole role) =>
        timings.FirstOrDefault(t => t.Role == role && t.IsBounded) ?? timings.FirstOrDefault(t => t.Role == role);

    private static ScenarioDiagnostics? Scrub(ScenarioDiagnostics? diagnostics) => diagnostics is null
        ? null
        : new ScenarioDiagnostics(
            (diagnostics.Logs ?? new Dictionary<string, string>()).ToDictionary(l => l.Key, l => CredentialScrubber.Scrub(AnsiEscape().Replace(l.Value, string.Empty))),
            (diagnostics.Events ?? []).Select(CredentialScrubber.Scrub).ToList(),
            CredentialScrubber.Scrub(diagnostics.PodsYaml ?? string.Empty),
            CredentialScrubber.Scrub(diagnostics.EndpointSlicesYaml ?? string.Empty));

    // Colour codes in container logs are noise in every output.
    [System.Text.RegularExpressions.GeneratedRegex(@"\u001b\[[0-9;?]*[A-Za-z]")]
    private static partial System.Text.RegularExpressions.Regex AnsiEscape();

    /// <summary>The scenario's identity across runs and backends.</summary>
    public static string KeyOf(string featureFile, string scenario) => $"{featureFile} :: {scenario}";

    private static string TimelineImageFor(int index, string scenario)
    {
        var slug = new StringBuilder();
        foreach (var c in scenario.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length >= 60)
            {
                break;
            }
        }

        return $"timelines/{index:000}-{slug.ToString().Trim('-')}.svg";
    }
}
