using ProbeHarness.Reporting.Model;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Records one wait of <see cref="Expectations"/> when disposed.</summary>
internal readonly struct WaitScope(ScenarioRecorder recorder, ScenarioClock clock, double startSeconds, TimeSpan? window) : IDisposable
{
    /// <summary>Adds the wait, from its start until now, to the scenario's record.</summary>
    public void Dispose() =>
        recorder.AddWait(new WaitRecord(startSeconds, clock.SecondsAt(clock.Now), window?.TotalSeconds));
}
