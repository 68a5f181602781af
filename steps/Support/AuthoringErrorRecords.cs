using System.Text.Json;
using ProbeHarness.Gherkin.Execution;
using ProbeHarness.Gherkin.Scenarios;
using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Model;
using Reqnroll;

namespace ProbeHarness.Steps.Support;

/// <summary>
/// Writes a scenario record for each test the adapter fails itself (a file that does not parse, a table it cannot
/// read, a duplicate scenario name): Reqnroll's hooks never see those, and the report must not lose them.
/// </summary>
[Binding]
public sealed class AuthoringErrorRecords
{
    private static readonly JsonSerializerOptions RecordJson = new(ScenarioRecordReader.Options) { WriteIndented = true };

    /// <summary>Starts listening to the adapter, before any other test-run hook.</summary>
    [BeforeTestRun(Order = -1000)]
    public static void Listen() => AuthoringErrorReports.Listen(Write);

    /// <summary>Stops listening.</summary>
    [AfterTestRun]
    public static void StopListening() => AuthoringErrorReports.Stop(Write);

    /// <summary>The record of <paramref name="report"/>; an adapter failure is a failed scenario, anything else an authoring error.</summary>
    public static ScenarioRecord RecordOf(AuthoringErrorReport report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        var info = TestRun.FailedToStart ? null : TestRun.Backend.Info;
        return new ScenarioRecord
        {
            ScenarioId = report.RowId,
            TestName = TestContext.Current.Test?.TestDisplayName,
            FeatureFile = report.FeaturePath,
            Line = report.Errors.Count > 0 ? report.Errors[0].Line : null,
            Feature = report.FeatureTitle,
            Scenario = report.Scenario,
            Tags = report.Tags,
            Backend = info?.Name ?? "none",
            Emulated = info?.IsEmulated ?? false,
            KubernetesVersion = info?.KubernetesVersion,
            Host = Environment.MachineName,
            Outcome = report.Errors.All(e => e.Kind == AuthoringErrorKind.AdapterFailure) ? "failed" : AuthoringOutcome.Word,
            Message = report.Message,
            StartedAt = now,
            DurationSeconds = 0,
        };
    }

    private static void Write(AuthoringErrorReport report)
    {
        var record = RecordOf(report, DateTimeOffset.UtcNow);
        Directory.CreateDirectory(TestRun.ResultsDirectory);
        var file = Path.Combine(TestRun.ResultsDirectory, RecordFileName.For(report.RowId));
        File.WriteAllText(file, JsonSerializer.Serialize(record, RecordJson));
        RunOutput.Write($"{record.Outcome}: {report.Message.ReplaceLineEndings(" ")} (record {file})");
    }
}
