using ProbeHarness.Cluster;
using ProbeHarness.Emulated.Containers;
using ProbeHarness.Emulated.Network;
using ProbeHarness.Emulated.Probing;
using ProbeHarness.Emulated.Processes;
using ProbeHarness.Kubelet;

namespace ProbeHarness.Emulated.Api;

/// <summary>What every namespace of an emulated run shares: the runtime, the prober, the address pool and the kubelet settings.</summary>
/// <param name="Backend">The backend's identity.</param>
/// <param name="Runtime">Starts containers as process groups.</param>
/// <param name="Prober">Runs probe attempts.</param>
/// <param name="Addresses">Hands out pod and Service IPs.</param>
/// <param name="Kubelet">The kubelet settings every pod's kubelet uses.</param>
/// <param name="Ledger">The run's process group records (for <c>keep</c>).</param>
/// <param name="Progress">Where diagnostics go.</param>
/// <param name="OnKept">Called when a namespace is kept, so the run directory (logs, pod directories) stays.</param>
internal sealed record EmulatedNamespaceContext(
    BackendInfo Backend,
    ProcessContainerRuntime Runtime,
    EmulatedProbeRunner Prober,
    LoopbackAddressPool Addresses,
    KubeletOptions Kubelet,
    ProcessGroupLedger Ledger,
    IProgress<string> Progress,
    Action OnKept);
