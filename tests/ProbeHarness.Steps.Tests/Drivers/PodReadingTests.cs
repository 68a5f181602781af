using k8s.Models;
using ProbeHarness.Steps.Drivers;

namespace ProbeHarness.Steps.Tests.Drivers;

/// <summary>Reading a pod's container statuses and conditions.</summary>
public sealed class PodReadingTests
{
    private static readonly DateTime Start = new(2026, 12, 3, 4, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_sidecar_or_init_container_is_found_among_the_init_container_statuses()
    {
        // Given a pod with an app container and a sidecar that restarted twice
        var pod = new V1Pod
        {
            Status = new V1PodStatus
            {
                ContainerStatuses = [new V1ContainerStatus { Name = "app", RestartCount = 0 }],
                InitContainerStatuses = [new V1ContainerStatus { Name = "shipper", RestartCount = 2 }],
            },
        };

        // When both are read by name
        var (app, shipper) = (pod.RestartCount("app"), pod.RestartCount("shipper"));

        // Then each has its own restart count
        Assert.Equal((0, 2), (app, shipper));
    }

    [Fact]
    public void A_container_that_ended_in_a_pod_nobody_deleted_ended_outside_a_deletion()
    {
        // Given
        var pod = Pod(Terminated(exitCode: 137), deletedAt: null);

        // When
        var ended = pod.EndedOutsideDeletion("app");

        // Then
        Assert.True(ended);
    }

    [Fact]
    public void A_container_that_ended_because_its_pod_is_being_deleted_did_not()
    {
        // Given: the deletion's SIGTERM ended the app with 0 before the grace period ran out (seen on v1.20)
        var pod = Pod(Terminated(exitCode: 0), deletedAt: Start.AddSeconds(20));

        // When
        var ended = pod.EndedOutsideDeletion("app");

        // Then
        Assert.False(ended);
    }

    [Fact]
    public void A_running_container_has_not_ended()
    {
        // Given
        var pod = Pod(new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = Start } }, deletedAt: null);

        // When
        var ended = pod.EndedOutsideDeletion("app");

        // Then
        Assert.False(ended);
    }

    private static V1ContainerState Terminated(int exitCode) =>
        new() { Terminated = new V1ContainerStateTerminated { ExitCode = exitCode, StartedAt = Start, FinishedAt = Start.AddSeconds(9) } };

    private static V1Pod Pod(V1ContainerState state, DateTime? deletedAt) => new()
    {
        Metadata = new V1ObjectMeta { Name = "pod-1", DeletionTimestamp = deletedAt },
        Status = new V1PodStatus { ContainerStatuses = [new V1ContainerStatus { Name = "app", State = state, RestartCount = 0 }] },
    };
}
