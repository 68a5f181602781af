using ProbeHarness.Kubelet.Timing;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Server timestamps as UTC instants; most are RFC 3339 with whole seconds, so the instant they stand for is an interval.</summary>
public static class ClusterTime
{
    /// <summary>The coarsest server timestamp resolution (pod status, conditions, core events): one second.</summary>
    public static readonly TimeSpan Resolution = MeasuredInstant.ServerResolution;

    /// <summary>A server timestamp as a UTC instant (KubernetesClient gives UTC or unspecified kinds).</summary>
    public static DateTimeOffset ToInstant(DateTime time) =>
        new(DateTime.SpecifyKind(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time, DateTimeKind.Utc));

    /// <summary>A nullable server timestamp as a UTC instant.</summary>
    public static DateTimeOffset? ToInstant(DateTime? time) => time is { } t ? ToInstant(t) : null;

    /// <summary>
    /// What a server timestamp says of the instant: a whole-second value stands for [t, t + 1 s), capped by when the watch
    /// delivered it; one with a fraction (micro-time, or an emulator that keeps sub-second precision) is exact.
    /// </summary>
    public static MeasuredInstant Measured(DateTimeOffset timestamp, DateTimeOffset? seenAt = null) =>
        timestamp.Ticks % TimeSpan.TicksPerSecond != 0
            ? MeasuredInstant.Exact(timestamp, InstantSource.ServerSeconds)
            : MeasuredInstant.FromServer(timestamp, seenAt);
}
