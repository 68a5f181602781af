using ProbeHarness.Kubelet.Runtime;

namespace ProbeHarness.Kubelet.Containers;

/// <summary>One start of a container: its runtime instance (null when the start itself failed), id, start time, restart count and exit.</summary>
internal sealed class ContainerInstanceRecord
{
    /// <summary>Creates the record of an instance that started (or failed to start) at <paramref name="startedAt"/>.</summary>
    public ContainerInstanceRecord(IContainerInstance? instance, string containerId, DateTimeOffset startedAt, int restartCount)
    {
        Instance = instance;
        ContainerId = containerId;
        StartedAt = startedAt;
        RestartCount = restartCount;
    }

    /// <summary>The runtime's instance; null when the runtime could not start it.</summary>
    public IContainerInstance? Instance { get; }

    /// <summary>The container id shown in the status.</summary>
    public string ContainerId { get; }

    /// <summary>When the instance started running.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The status' restartCount while this instance is the latest.</summary>
    public int RestartCount { get; }

    /// <summary>How it ended; null while it runs.</summary>
    public ContainerExit? Exit { get; set; }
}
