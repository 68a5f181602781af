namespace ProbeHarness.TargetApp.Faults;

/// <summary>How a probe endpoint misbehaves.</summary>
public enum FaultMode
{
    /// <summary>Healthy: the endpoint answers from the app's own state.</summary>
    Ok,

    /// <summary>Answers <c>status</c> (default 500).</summary>
    Fail,

    /// <summary>Never answers; the client must time out.</summary>
    Hang,

    /// <summary>Answers after <c>delayMs</c>.</summary>
    Slow,

    /// <summary>Every <c>every</c>-th probe fails with <c>status</c>; the others answer normally.</summary>
    Flap,

    /// <summary>Answers <c>status</c> (default 302) with a <c>Location</c> header.</summary>
    Redirect,
}
