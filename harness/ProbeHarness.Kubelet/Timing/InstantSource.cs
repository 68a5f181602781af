namespace ProbeHarness.Kubelet.Timing;

/// <summary>Where a measured instant comes from, best first.</summary>
public enum InstantSource
{
    /// <summary>The target app's own event log, in milliseconds, seen from inside the pod.</summary>
    AppLog,

    /// <summary>A server timestamp with whole seconds: the instant lies in [t, t + 1 s).</summary>
    ServerSeconds,

    /// <summary>When the watch delivered the change: an upper bound.</summary>
    Watch,

    /// <summary>The harness's own clock around a request it sent (the fault API call).</summary>
    HarnessClock,

    /// <summary>Several sources combined: the intersection of their intervals.</summary>
    Combined,
}
