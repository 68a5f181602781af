using k8s.Models;

namespace ProbeHarness.Kubelet.Containers;

/// <summary>The kubelet's knowledge of one container of the pod: its spec, its instances (newest last) and what is in progress.</summary>
internal sealed class ContainerRecord
{
    private readonly List<ContainerInstanceRecord> _instances = [];

    /// <summary>Creates the record of container <paramref name="spec"/>, an app container unless <paramref name="kind"/> says otherwise.</summary>
    public ContainerRecord(V1Container spec, ContainerKind kind = ContainerKind.App)
    {
        Spec = spec;
        Kind = kind;
    }

    /// <summary>App container, init container or sidecar.</summary>
    public ContainerKind Kind { get; }

    /// <summary>The container spec.</summary>
    public V1Container Spec { get; }

    /// <summary>The container's name.</summary>
    public string Name => Spec.Name;

    /// <summary>The newest instance, running or exited; null before the first start completes.</summary>
    public ContainerInstanceRecord? Latest => _instances.Count == 0 ? null : _instances[^1];

    /// <summary>True while the newest instance runs.</summary>
    public bool IsRunning => Latest is { Exit: null };

    /// <summary>The newest exited instance (kubelet <c>doBackOff</c>'s "most recent Exited"); null if none exited.</summary>
    public ContainerInstanceRecord? MostRecentExited => _instances.LastOrDefault(i => i.Exit is not null);

    /// <summary>The exited instance before the newest one (the status' lastState); null if none.</summary>
    public ContainerInstanceRecord? BeforeLatest => _instances.Count < 2 ? null : _instances[^2];

    /// <summary>True while a start is in progress.</summary>
    public bool Starting { get; set; }

    /// <summary>True while the kubelet is stopping the newest instance.</summary>
    public bool Stopping { get; set; }

    /// <summary>The waiting reason a failed start left (kubelet <c>reasonCache</c>), e.g. CrashLoopBackOff; null when none.</summary>
    public string? WaitingReason { get; set; }

    /// <summary>The waiting message that goes with <see cref="WaitingReason"/>.</summary>
    public string? WaitingMessage { get; set; }

    /// <summary>
    /// The instance the published status still shows running while the sync that kills it for a failed probe restarts it: the
    /// status manager publishes once per sync, before its actions (reference §4.6), so the kill and the restart are not seen.
    /// </summary>
    public ContainerInstanceRecord? Held { get; private set; }

    /// <summary>Whether the held instance was started when its sync began.</summary>
    public bool HeldStarted { get; private set; }

    /// <summary>Whether the held instance was ready when its sync began.</summary>
    public bool HeldReady { get; private set; }

    /// <summary>Holds the newest instance as published (running, <paramref name="started"/>, <paramref name="ready"/>) until <see cref="Release"/>.</summary>
    public void Hold(bool started, bool ready)
    {
        Held = Latest;
        HeldStarted = started;
        HeldReady = ready;
    }

    /// <summary>Ends the hold: the next status shows what the runtime has.</summary>
    public void Release() => Held = null;

    /// <summary>Appends a new instance; only the newest two are kept, as container GC keeps at least one dead container.</summary>
    public void Add(ContainerInstanceRecord instance)
    {
        _instances.Add(instance);
        if (_instances.Count > 2)
        {
            _instances.RemoveAt(0);
        }
    }
}
