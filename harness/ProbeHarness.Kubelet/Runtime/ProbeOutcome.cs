namespace ProbeHarness.Kubelet.Runtime;

/// <summary>The raw result of one probe attempt, before thresholds (kubelet <c>probe.Result</c> plus its output or error).</summary>
/// <param name="Result">Success, Warning, Failure or Unknown.</param>
/// <param name="Output">The prober's output, e.g. <c>HTTP probe failed with statuscode: 500</c>.</param>
/// <param name="Error">A prober error (the kubelet discards such a result); null otherwise.</param>
public sealed record ProbeOutcome(ProbeResult Result, string Output, string? Error = null);
