namespace ProbeHarness.Reporting.Model;

/// <summary>Scenario counts of a run.</summary>
/// <param name="Total">Scenarios in the report.</param>
/// <param name="Held">Scenarios whose verdict holds (within bound or held).</param>
/// <param name="NotHeld">Judged scenarios whose verdict does not hold (late, missed, false positive, failed).</param>
/// <param name="EnvironmentErrors">Scenarios the environment failed.</param>
/// <param name="Skipped">Scenarios that did not run.</param>
/// <param name="ByVerdict">Scenarios per verdict, by the verdict's stored form.</param>
/// <param name="AuthoringErrors">Scenarios (or feature files) that cannot run as written.</param>
/// <param name="NotRun">Scenarios the run selected that left no result.</param>
public sealed record ReportCounts(
    int Total,
    int Held,
    int NotHeld,
    int EnvironmentErrors,
    int Skipped,
    IReadOnlyDictionary<string, int> ByVerdict,
    int AuthoringErrors = 0,
    int NotRun = 0)
{
    /// <summary>True when nothing failed: every judged scenario held, none was left unrun, no environment or authoring error happened.</summary>
    public bool AllHeld => NotHeld == 0 && EnvironmentErrors == 0 && AuthoringErrors == 0 && NotRun == 0;
}
