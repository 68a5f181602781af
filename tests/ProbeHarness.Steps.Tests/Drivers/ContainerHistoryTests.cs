using k8s;
using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Steps.Drivers;

namespace ProbeHarness.Steps.Tests.Drivers;

public sealed class ContainerHistoryTests
{
    private static readonly DateTime Start = new(2026, 12, 2, 6, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_run_whose_end_was_seen_only_on_the_watch_keeps_its_exit_code_when_lastState_stays_empty()
    {
        // Given: the kubelet published the old container as terminated, then restarted it with lastState {} (seen on v1.20)
        var state = StateOf(
            Pod(restarts: 0, state: Running(Start)),
            Pod(restarts: 0, state: Terminated("c1", Start, Start.AddSeconds(5), 137)),
            Pod(restarts: 1, state: Running(Start.AddSeconds(6))));

        // When
        var runs = ContainerHistory.Of(state, "pod-1", "app");

        // Then
        Assert.Equal(2, runs.Count);
        Assert.Equal(137, runs[0].ExitCode);
        Assert.Equal(TerminationPublication.State, runs[0].EndPublishedAs);
        Assert.Null(runs[1].FinishedAt);
    }

    [Fact]
    public void A_run_published_on_the_watch_and_in_lastState_says_both()
    {
        // Given
        var state = StateOf(
            Pod(restarts: 0, state: Running(Start)),
            Pod(restarts: 0, state: Terminated("c1", Start, Start.AddSeconds(5), 143)),
            Pod(restarts: 1, state: Running(Start.AddSeconds(6)), last: Ended("c1", Start, Start.AddSeconds(5), 143)),
            Pod(restarts: 1, state: Running(Start.AddSeconds(6)), last: Ended("c1", Start, Start.AddSeconds(5), 143)));

        // When
        var runs = ContainerHistory.Of(state, "pod-1", "app");

        // Then
        Assert.Equal(2, runs.Count);
        Assert.Equal(TerminationPublication.State | TerminationPublication.LastState, runs[0].EndPublishedAs);
        Assert.Equal(TerminationPublication.None, runs[1].EndPublishedAs);
    }

    [Fact]
    public void A_restart_the_kubelet_published_nowhere_leaves_no_ended_run()
    {
        // Given: restartCount went up, but neither the terminated state nor lastState was ever published
        var state = StateOf(
            Pod(restarts: 0, state: Running(Start)),
            Pod(restarts: 1, state: Running(Start.AddSeconds(6))));

        // When
        var runs = ContainerHistory.Of(state, "pod-1", "app");

        // Then
        Assert.DoesNotContain(runs, run => run.FinishedAt is not null);
    }

    private static ClusterState StateOf(params V1Pod[] updates) =>
        updates.Aggregate(ClusterState.Empty, (state, pod) => state.Apply(new ClusterChange(DateTimeOffset.UtcNow, WatchEventType.Modified, pod)));

    private static V1Pod Pod(int restarts, V1ContainerState state, V1ContainerStateTerminated? last = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "pod-1" },
        Status = new V1PodStatus
        {
            ContainerStatuses =
            [
                new V1ContainerStatus
                {
                    Name = "app",
                    RestartCount = restarts,
                    ContainerID = state.Running is not null ? state.Running.StartedAt == Start ? "containerd://c1" : "containerd://c2" : state.Terminated.ContainerID,
                    State = state,
                    LastState = last is null ? new V1ContainerState() : new V1ContainerState { Terminated = last },
                },
            ],
        },
    };

    // The container ID of a running state follows from its start: c1 for the first run, c2 for the restart.
    private static V1ContainerState Running(DateTime startedAt) => new() { Running = new V1ContainerStateRunning { StartedAt = startedAt } };

    private static V1ContainerState Terminated(string id, DateTime startedAt, DateTime finishedAt, int exitCode) =>
        new() { Terminated = Ended(id, startedAt, finishedAt, exitCode) };

    private static V1ContainerStateTerminated Ended(string id, DateTime startedAt, DateTime finishedAt, int exitCode) =>
        new() { ContainerID = $"containerd://{id}", StartedAt = startedAt, FinishedAt = finishedAt, ExitCode = exitCode, Reason = "Error" };
}
