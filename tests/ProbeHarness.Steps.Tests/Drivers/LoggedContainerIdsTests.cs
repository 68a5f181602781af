using k8s.Models;
using ProbeHarness.Steps.Drivers;

namespace ProbeHarness.Steps.Tests.Drivers;

public sealed class LoggedContainerIdsTests
{
    [Fact]
    public void The_ids_follow_the_kubelet_running_terminated_and_waiting_in_back_off()
    {
        // Given
        var running = Pod(new V1ContainerState { Running = new V1ContainerStateRunning() }, "c2", last: "c1");
        var terminated = Pod(new V1ContainerState { Terminated = new V1ContainerStateTerminated { ContainerID = "c2" } }, "c2", last: "c1");
        var backingOff = Pod(new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "CrashLoopBackOff" } }, "c2", last: "c2");
        var creating = Pod(new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "ContainerCreating" } }, null, last: null);

        // When
        var ids = new[] { running, terminated, backingOff, creating }.Select(pod => LoggedContainerIds.Of(pod, "app")).ToList();

        // Then
        Assert.Equal(new LoggedContainerIds("c2", "c1"), ids[0]);
        Assert.Equal(new LoggedContainerIds("c2", "c1"), ids[1]);
        Assert.Equal(new LoggedContainerIds("c2", "c2"), ids[2]);
        Assert.True(ids[2].Same);
        Assert.Equal(LoggedContainerIds.Unknown, ids[3]);
        Assert.Equal(LoggedContainerIds.Unknown, LoggedContainerIds.Of(null, "app"));
        Assert.Equal(LoggedContainerIds.Unknown, LoggedContainerIds.Of(running, "sidecar"));
    }

    private static V1Pod Pod(V1ContainerState state, string? containerId, string? last) => new()
    {
        Metadata = new V1ObjectMeta { Name = "pod-1" },
        Status = new V1PodStatus
        {
            ContainerStatuses =
            [
                new V1ContainerStatus
                {
                    Name = "app",
                    ContainerID = containerId,
                    State = state,
                    LastState = new V1ContainerState { Terminated = last is null ? null : new V1ContainerStateTerminated { ContainerID = last } },
                },
            ],
        },
    };
}
