using ProbeHarness.Kubelet.Runtime;

namespace ProbeHarness.Kubelet.Probing;

/// <summary>What a <see cref="ProbeWorker"/> needs from its pod kubelet: the loop, the clock, the status, the results manager and the prober.</summary>
internal interface IProbeWorkerHost
{
    /// <summary>The kubelet's clock.</summary>
    TimeProvider Time { get; }

    /// <summary>The behaviour profile.</summary>
    KubeletProfile Profile { get; }

    /// <summary>Queues work on the pod's loop.</summary>
    void Post(Action action);

    /// <summary>The current status as the worker sees it for <paramref name="containerName"/>.</summary>
    ProbeTargetView View(string containerName);

    /// <summary>Results manager <c>Set</c>: stores the verdict and reacts only when it changed.</summary>
    void SetResult(ProbeWorker worker, string containerId, ProbeVerdict verdict);

    /// <summary>Results manager <c>Remove</c> for an old container id.</summary>
    void RemoveResult(ProbeWorker worker, string containerId);

    /// <summary>Runs the probe with the prober's retries (up to 3 attempts while it errors) and returns the last outcome.</summary>
    Task<ProbeOutcome> ProbeAsync(ProbeWorker worker, IContainerInstance instance);

    /// <summary>Records the outcome's event and maps it (§1.9): a verdict, or null when a prober error discards it.</summary>
    ProbeVerdict? Interpret(ProbeWorker worker, ProbeOutcome outcome);
}
