namespace ProbeHarness.Kubelet.Probing;

/// <summary>A cached probe result as the kubelet's results manager holds it (<c>prober/results.Result</c>).</summary>
internal enum ProbeVerdict
{
    /// <summary>The probe type's state is healthy / ready / started.</summary>
    Success,

    /// <summary>The probe type's state is failed / not ready.</summary>
    Failure,

    /// <summary>No verdict yet (the startup probe's initial value).</summary>
    Unknown,
}
