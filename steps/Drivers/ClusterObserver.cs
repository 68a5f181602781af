using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Drivers;

/// <summary>The scenario's one watch on its namespace, started before anything is deployed; keeps every change in order and wakes waiters on each.</summary>
public sealed class ClusterObserver(ScenarioCluster cluster, ScenarioLog log) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(cluster.Aborted);
    private ClusterState _state = ClusterState.Empty;
    private TaskCompletionSource _changed = NewSignal();
    private Exception? _failure;
    private Task? _watching;

    /// <summary>The latest state; throws when the watch has failed, so no expectation judges stale data.</summary>
    public ClusterState State
    {
        get
        {
            lock (_gate)
            {
                return _failure is null
                    ? _state
                    : throw new ClusterUnavailableException($"The watch on namespace {cluster.Namespace.Name} failed: {_failure.Message}", _failure);
            }
        }
    }

    /// <summary>Starts watching pods, EndpointSlices and events of the scenario's namespace.</summary>
    public void Start() => _watching ??= Task.Run(WatchAsync);

    /// <summary>Completes when a change newer than <paramref name="version"/> has arrived, or after <paramref name="timeout"/>.</summary>
    public async Task WaitForChangeAsync(long version, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_gate)
        {
            if (_state.Version > version || _failure is not null)
            {
                return;
            }

            changed = _changed.Task;
        }

        if (timeout > TimeSpan.Zero)
        {
            await Task.WhenAny(changed, Task.Delay(timeout, cancellationToken));
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Stops the watch.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_watching is not null)
        {
            try
            {
                await _watching.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                log.Write($"the watch on namespace {cluster.Namespace.Name} did not stop within 10 s of its cancellation; left behind");
            }
        }

        _stop.Dispose();
    }

    private async Task WatchAsync()
    {
        try
        {
            await foreach (var change in cluster.Namespace.WatchAsync(_stop.Token))
            {
                if (change.Object is V1Pod { Metadata.Labels: var labels } && ImageCheck.IsCheckPod(labels))
                {
                    // An image check before the deployment is no pod of the workload.
                    continue;
                }

                TaskCompletionSource changed;
                lock (_gate)
                {
                    _state = _state.Apply(change);
                    changed = _changed;
                    _changed = NewSignal();
                }

                changed.TrySetResult();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The scenario is over.
        }
        catch (Exception e)
        {
            log.Write($"the watch on namespace {cluster.Namespace.Name} failed: {e.Message}");
            lock (_gate)
            {
                _failure = e;
            }

            _changed.TrySetResult();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
