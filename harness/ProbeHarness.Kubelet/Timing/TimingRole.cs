namespace ProbeHarness.Kubelet.Timing;

/// <summary>What a timing tells about the kubelet: how fast it noticed, how fast it acted, how fast it took the pod back.</summary>
public enum TimingRole
{
    /// <summary>The fault noticed: first failure, Ready=False, started.</summary>
    Detection,

    /// <summary>The kubelet or a controller acting on it: kill, exit, restart, endpoint change, back-off.</summary>
    Action,

    /// <summary>The pod taken back after the fault ended: Ready again, endpoint ready again.</summary>
    Recovery,
}
