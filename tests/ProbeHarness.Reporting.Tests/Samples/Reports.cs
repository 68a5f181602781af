using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Tests.Samples;

/// <summary>Builds reports from sample records, as the CLI would.</summary>
public static class Reports
{
    public static RecordSet Set(params ScenarioRecord[] records) =>
        new(records.Select((r, i) => new LoadedRecord($"{i:000}.json", r)).ToList(), []);

    public static ResilienceReport From(params ScenarioRecord[] records) =>
        new ReportBuilder().Build(new ReportInputs { Records = Set(records) });

    /// <summary>Every kind of result in one k3s report.</summary>
    public static ResilienceReport Mixed() => From(
        SampleRecords.Passed(),
        SampleRecords.FailedLateWithDiagnostics(),
        SampleRecords.Missed(),
        SampleRecords.HeldWithoutTiming(),
        SampleRecords.EnvironmentError(),
        SampleRecords.Skipped());

    /// <summary>The same kinds on the emulated backend.</summary>
    public static ResilienceReport Emulated() => From(
        SampleRecords.Passed("emulated"),
        SampleRecords.FailedLateWithDiagnostics("emulated"));
}
