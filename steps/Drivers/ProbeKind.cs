namespace ProbeHarness.Steps.Drivers;

/// <summary>The three kubelet probes a container can have.</summary>
public enum ProbeKind
{
    /// <summary>Restarts the container when it fails.</summary>
    Liveness,

    /// <summary>Takes the pod out of Service traffic when it fails.</summary>
    Readiness,

    /// <summary>Holds the other probes back until the app has started; restarts it when it never does.</summary>
    Startup,
}
