using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Compare;

/// <summary>One scenario in the agreement table.</summary>
/// <param name="Key">The scenario's identity (feature file and title).</param>
/// <param name="Left">The left run's row, when it has the scenario.</param>
/// <param name="Right">The right run's row, when it has the scenario.</param>
/// <param name="Agreement">How the verdicts relate.</param>
public sealed record AgreementRow(string Key, ScenarioRow? Left, ScenarioRow? Right, Agreement Agreement);
