namespace ProbeHarness.Steps.Drivers;

/// <summary>Where the kubelet published a container run's end; a real kubelet may publish it in one place, both, or neither.</summary>
[Flags]
public enum TerminationPublication
{
    /// <summary>Not published (the run still runs, or the kubelet left <c>lastState</c> empty).</summary>
    None = 0,

    /// <summary>As <c>state.terminated</c>, seen on the watch between the end and the restart.</summary>
    State = 1,

    /// <summary>As <c>lastState.terminated</c> after the restart.</summary>
    LastState = 2,
}
