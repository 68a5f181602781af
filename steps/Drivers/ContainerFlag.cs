namespace ProbeHarness.Steps.Drivers;

/// <summary>The two flags the kubelet publishes per container.</summary>
public enum ContainerFlag
{
    /// <summary><c>started</c>: running, and its startup probe (if any) succeeded.</summary>
    Started,

    /// <summary><c>ready</c>: started, and its readiness probe (if any) succeeded.</summary>
    Ready,
}
