namespace ProbeHarness.Kubelet.Runtime;

/// <summary>The kubelet's raw probe result (<c>pkg/probe</c>: success, warning, failure, unknown).</summary>
public enum ProbeResult
{
    /// <summary>The probe passed.</summary>
    Success,

    /// <summary>Passed with a warning (e.g. a redirect that was not followed); emits ProbeWarning.</summary>
    Warning,

    /// <summary>The probe failed; emits Unhealthy.</summary>
    Failure,

    /// <summary>No verdict; counts as Failure without an event unless an error came with it.</summary>
    Unknown,
}
