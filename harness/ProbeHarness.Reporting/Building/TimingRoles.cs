using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Building;

/// <summary>Sorts a scenario's timings into detection, action and recovery by their names.</summary>
/// <remarks>The step library names timings like <c>fault→kill</c>, <c>fault→not-ready</c>, <c>heal→ready</c>.</remarks>
public static class TimingRoles
{
    private static readonly string[] ActionWords = ["kill", "restart", "endpoint", "terminat", "evict"];
    private static readonly string[] RecoveryWords = ["recover", "heal", "clear", "back", "resum"];

    /// <summary>True when the timing measures recovery (after the fault ends).</summary>
    public static bool IsRecovery(TimingRecord timing)
    {
        var name = timing.Name.ToLowerInvariant();
        return RecoveryWords.Any(name.Contains);
    }

    /// <summary>True when the timing measures the kubelet's action: a kill, a restart or an endpoint change.</summary>
    public static bool IsAction(TimingRecord timing)
    {
        var name = timing.Name.ToLowerInvariant();
        return !IsRecovery(timing) && ActionWords.Any(name.Contains);
    }

    /// <summary>The detection timing: the first bounded one that is neither action nor recovery, else the first bounded one, else the first.</summary>
    public static TimingRecord? Detection(IReadOnlyList<TimingRecord> timings) =>
        timings.FirstOrDefault(t => VerdictRules.IsBounded(t) && !IsAction(t) && !IsRecovery(t))
        ?? timings.FirstOrDefault(VerdictRules.IsBounded)
        ?? timings.FirstOrDefault(t => !IsRecovery(t));

    /// <summary>The first action timing.</summary>
    public static TimingRecord? Action(IReadOnlyList<TimingRecord> timings) => timings.FirstOrDefault(IsAction);

    /// <summary>The first recovery timing.</summary>
    public static TimingRecord? Recovery(IReadOnlyList<TimingRecord> timings) => timings.FirstOrDefault(IsRecovery);
}
