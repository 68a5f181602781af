namespace ProbeHarness.Steps.Drivers;

/// <summary>How a fault makes its target misbehave (or stop misbehaving).</summary>
public enum FaultMode
{
    /// <summary>Healthy again: the endpoint answers ok, the port opens, the dependency returns, faults are cleared.</summary>
    Heal,

    /// <summary>Every answer fails at once (a status, a refused connection, a missing dependency).</summary>
    Fail,

    /// <summary>No answer until the probe gives up.</summary>
    Hang,

    /// <summary>Each answer comes after a delay.</summary>
    Slow,

    /// <summary>Every n-th answer fails.</summary>
    Flap,

    /// <summary>The endpoint redirects.</summary>
    Redirect,

    /// <summary>The process exits.</summary>
    Crash,

    /// <summary>The process allocates memory and keeps it.</summary>
    Leak,
}
