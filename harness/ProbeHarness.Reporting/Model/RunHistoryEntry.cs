namespace ProbeHarness.Reporting.Model;

/// <summary>One run as the history in report.json keeps it, for trends across runs.</summary>
/// <param name="StartedAt">When the run started.</param>
/// <param name="Backend">The backend(s) of the run, comma-separated.</param>
/// <param name="Emulated">True when the run was emulated.</param>
/// <param name="Scenarios">Each scenario's verdict and timing ratios.</param>
public sealed record RunHistoryEntry(DateTimeOffset StartedAt, string Backend, bool Emulated, IReadOnlyList<HistoryScenario> Scenarios);

/// <summary>One scenario in a <see cref="RunHistoryEntry"/>.</summary>
/// <param name="Key">The scenario's identity across runs and backends (<see cref="ScenarioRow.Key"/>).</param>
/// <param name="Verdict">The verdict's stored form; kept as text so older and newer reports still read.</param>
/// <param name="Ratios">Measured over upper bound, by timing name, for timings that have both.</param>
public sealed record HistoryScenario(string Key, string Verdict, IReadOnlyDictionary<string, double> Ratios);
