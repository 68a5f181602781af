namespace ProbeHarness.Preflight.Findings;

/// <summary>How bad a finding is, in ascending order, so <c>--fail-on</c> compares with <c>&gt;=</c>.</summary>
public enum Severity
{
    /// <summary>Information: nothing is wrong (e.g. the detection and recovery times of a probe).</summary>
    Note,

    /// <summary>Works, but likely misbehaves at runtime (one of the article's common mistakes).</summary>
    Warning,

    /// <summary>The API server rejects the object, or the kubelet can never run the probe.</summary>
    Error,
}
