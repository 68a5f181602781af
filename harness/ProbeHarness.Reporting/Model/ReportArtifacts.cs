namespace ProbeHarness.Reporting.Model;

/// <summary>Files that go with the report, as paths relative to the report folder.</summary>
/// <param name="JUnit">The JUnit XML written from the model.</param>
/// <param name="Trx">The TRX from the test platform, copied in, when given.</param>
/// <param name="Cucumber">Reqnroll's Cucumber HTML and NDJSON outputs, copied in, when found.</param>
public sealed record ReportArtifacts(string JUnit, string? Trx, IReadOnlyList<string> Cucumber);
