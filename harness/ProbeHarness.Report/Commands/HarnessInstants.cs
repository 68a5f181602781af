using ProbeHarness.Kubelet.KubeletLog;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Report.Commands;

/// <summary>The harness instants a run's scenario records hold, for the timing check.</summary>
public static class HarnessInstants
{
    /// <summary>
    /// Every first failure, kill and Ready change the records measured with the pod and the absolute instant. The records do
    /// not carry absolute instants and deployed pod names yet (the typed timing model adds them), so there are none.
    /// </summary>
    public static IReadOnlyList<HarnessInstant> From(IEnumerable<ScenarioRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return [];
    }
}
