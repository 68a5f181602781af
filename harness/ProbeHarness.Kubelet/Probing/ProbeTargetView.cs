using ProbeHarness.Kubelet.Runtime;

namespace ProbeHarness.Kubelet.Probing;

/// <summary>What a probe worker reads from the pod status before probing (kubelet <c>worker.doProbe</c> steps 1–9).</summary>
/// <param name="PodTerminal">The pod phase is Succeeded or Failed.</param>
/// <param name="DeletionRequested">The pod has a deletionTimestamp.</param>
/// <param name="ContainerId">The status' container id; null before the first start.</param>
/// <param name="Running">The container is running.</param>
/// <param name="WillRestart">A non-running container will be started again.</param>
/// <param name="StartedAt">The running instance's start, truncated to whole seconds as the status manager stores it.</param>
/// <param name="Started">The status' <c>started</c> flag.</param>
/// <param name="Instance">The running instance, for the prober.</param>
internal sealed record ProbeTargetView(
    bool PodTerminal,
    bool DeletionRequested,
    string? ContainerId,
    bool Running,
    bool WillRestart,
    DateTimeOffset? StartedAt,
    bool Started,
    IContainerInstance? Instance);
