using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Emulated.Api;

namespace ProbeHarness.Emulated.Tests.Api;

public sealed class ContainerLogSelectionTests
{
    [Fact]
    public void A_running_container_serves_its_own_log_and_the_last_terminated_one_as_previous()
    {
        // Given
        var pod = Pod(new V1ContainerStatus
        {
            Name = "app",
            ContainerID = "emulated://second",
            State = new V1ContainerState { Running = new V1ContainerStateRunning() },
            LastState = new V1ContainerState { Terminated = Terminated("emulated://first") },
        });

        // When
        var current = ContainerLogSelection.ContainerIdFor(pod, "app", previous: false);
        var previous = ContainerLogSelection.ContainerIdFor(pod, "app", previous: true);

        // Then
        Assert.Equal("emulated://second", current);
        Assert.Equal("emulated://first", previous);
    }

    [Fact]
    public void In_back_off_current_and_previous_both_name_the_instance_that_just_ended()
    {
        // Given
        var pod = Pod(new V1ContainerStatus
        {
            Name = "app",
            ContainerID = "emulated://second",
            State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "CrashLoopBackOff" } },
            LastState = new V1ContainerState { Terminated = Terminated("emulated://second") },
        });

        // When
        var current = ContainerLogSelection.ContainerIdFor(pod, "app", previous: false);
        var previous = ContainerLogSelection.ContainerIdFor(pod, "app", previous: true);

        // Then
        Assert.Equal("emulated://second", current);
        Assert.Equal("emulated://second", previous);
    }

    [Fact]
    public void A_terminated_container_serves_its_log_and_the_one_before_as_previous()
    {
        // Given
        var pod = Pod(new V1ContainerStatus
        {
            Name = "app",
            ContainerID = "emulated://second",
            State = new V1ContainerState { Terminated = Terminated("emulated://second") },
            LastState = new V1ContainerState { Terminated = Terminated("emulated://first") },
        });

        // When
        var current = ContainerLogSelection.ContainerIdFor(pod, "app", previous: false);
        var previous = ContainerLogSelection.ContainerIdFor(pod, "app", previous: true);

        // Then
        Assert.Equal("emulated://second", current);
        Assert.Equal("emulated://first", previous);
    }

    [Fact]
    public void A_container_that_never_ended_has_no_previous_log_and_one_still_creating_no_log_at_all()
    {
        // Given
        var running = Pod(new V1ContainerStatus
        {
            Name = "app",
            ContainerID = "emulated://first",
            State = new V1ContainerState { Running = new V1ContainerStateRunning() },
            LastState = new V1ContainerState(),
        });
        var creating = Pod(new V1ContainerStatus
        {
            Name = "app",
            State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "ContainerCreating" } },
            LastState = new V1ContainerState(),
        });

        // When
        var noPrevious = Assert.Throws<NoPreviousContainerException>(() => ContainerLogSelection.ContainerIdFor(running, "app", previous: true));
        var notStarted = Assert.Throws<InvalidOperationException>(() => ContainerLogSelection.ContainerIdFor(creating, "app", previous: false));
        var unknown = Assert.Throws<InvalidOperationException>(() => ContainerLogSelection.ContainerIdFor(running, "sidecar", previous: false));

        // Then
        Assert.Equal("previous terminated container \"app\" in pod \"pod-1\" not found", noPrevious.Message);
        Assert.Equal("container \"app\" in pod \"pod-1\" is waiting to start: ContainerCreating", notStarted.Message);
        Assert.Equal("container \"sidecar\" in pod \"pod-1\" is not available", unknown.Message);
    }

    private static V1ContainerStateTerminated Terminated(string containerId) => new() { ContainerID = containerId, ExitCode = 1, Reason = "Error" };

    private static V1Pod Pod(V1ContainerStatus status) => new()
    {
        Metadata = new V1ObjectMeta { Name = "pod-1", NamespaceProperty = "ns" },
        Status = new V1PodStatus { ContainerStatuses = [status] },
    };
}
