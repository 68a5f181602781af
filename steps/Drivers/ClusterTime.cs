namespace ProbeHarness.Steps.Drivers;

/// <summary>Server timestamps as UTC instants; most are RFC 3339 with whole seconds, so a measured time can be up to 1 s early.</summary>
public static class ClusterTime
{
    /// <summary>The coarsest server timestamp resolution (pod status, conditions, core events): one second.</summary>
    public static readonly TimeSpan Resolution = TimeSpan.FromSeconds(1);

    /// <summary>A server timestamp as a UTC instant (KubernetesClient gives UTC or unspecified kinds).</summary>
    public static DateTimeOffset ToInstant(DateTime time) =>
        new(DateTime.SpecifyKind(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time, DateTimeKind.Utc));

    /// <summary>A nullable server timestamp as a UTC instant.</summary>
    public static DateTimeOffset? ToInstant(DateTime? time) => time is { } t ? ToInstant(t) : null;
}
