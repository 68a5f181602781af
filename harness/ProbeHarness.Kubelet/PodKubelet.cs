using k8s;
using k8s.Models;
using ProbeHarness.Kubelet.Containers;
using ProbeHarness.Kubelet.Events;
using ProbeHarness.Kubelet.Internal;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Kubelet.Runtime;
using ProbeHarness.Kubelet.Semantics;

namespace ProbeHarness.Kubelet;

/// <summary>
/// The emulated kubelet's work for one pod (reference §1): starts its containers through an <see cref="IContainerRuntime"/>, runs a
/// probe worker per (container, probe type), kills and restarts containers on liveness/startup failure with CrashLoopBackOff,
/// terminates the pod on deletion, and keeps the pod's <c>status</c> and the kubelet's events as a real kubelet would.
/// All work runs on one serial loop (timer, runtime and prober callbacks included), so every timeline is reproducible with a
/// <c>FakeTimeProvider</c>. Init containers run in order before the app containers, sidecars (restartable init containers,
/// v1.32 profile) start in order, gate what follows on their startup probe and stop after the app containers
/// (reference notes: harness/ProbeHarness.Emulated/README.md). preStop hooks and the PLEG relist delay are not modelled.
/// </summary>
public sealed partial class PodKubelet : IAsyncDisposable
{
    private readonly V1Pod _pod;
    private readonly string _podIp;
    private readonly IContainerRuntime _runtime;
    private readonly IProbeRunner _prober;
    private readonly TimeProvider _time;
    private readonly KubeletOptions _options;
    private readonly KubeletLoop _loop;
    private readonly KubeletEventRecorder _events;
    private readonly CrashLoopBackOff _backOff;
    private readonly List<ContainerRecord> _containers;
    private readonly List<ProbeWorker> _workers = [];
    private readonly List<IContainerInstance> _allInstances = [];
    private readonly CancellationTokenSource _disposal = new();
    private readonly TaskCompletionSource _startCompleted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _terminationCompleted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _disposed;

    /// <summary>Creates the kubelet for <paramref name="pod"/>; nothing runs until <see cref="StartAsync"/>.</summary>
    /// <param name="pod">The pod as the API server holds it (metadata and spec; the status is this kubelet's). It is copied.</param>
    /// <param name="podIp">The pod's address, written to <c>status.podIP</c> and used by probes.</param>
    /// <param name="runtime">Starts container instances.</param>
    /// <param name="prober">Runs single probe attempts.</param>
    /// <param name="time">The clock every delay and timestamp comes from.</param>
    /// <param name="options">Kubelet settings and behaviour profile.</param>
    /// <exception cref="ArgumentException">The pod has no containers or a probe the API server would reject (the message names the field path).</exception>
    public PodKubelet(V1Pod pod, string podIp, IContainerRuntime runtime, IProbeRunner prober, TimeProvider time, KubeletOptions options)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentException.ThrowIfNullOrEmpty(podIp);
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(prober);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        if (pod.Spec?.Containers is not { Count: > 0 })
        {
            throw new ArgumentException("spec.containers: Required value: the pod has no containers", nameof(pod));
        }

        if (options.Profile == KubeletProfile.V120 && (pod.Spec.InitContainers ?? []).ToList().FindIndex(c => c.RestartPolicy == "Always") is var sidecar and >= 0)
        {
            throw new ArgumentException(
                $"spec.initContainers[{sidecar}].restartPolicy: restartable init containers (sidecars) need Kubernetes 1.28 or later; a v1.20 API server " +
                "drops the field and the container would run as a plain init container that blocks the pod",
                nameof(pod));
        }

        var errors = ProbeSpecValidator.Validate(pod.Spec, "spec").Where(e => e.Origin == FieldErrorOrigin.ApiServer).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                $"pod {pod.Metadata?.NamespaceProperty}/{pod.Metadata?.Name} is invalid: {string.Join("; ", errors)}",
                nameof(pod));
        }

        _pod = KubernetesJson.Deserialize<V1Pod>(KubernetesJson.Serialize(pod));
        _pod.Metadata ??= new V1ObjectMeta();
        _podIp = podIp;
        _runtime = runtime;
        _prober = prober;
        _time = time;
        _options = options;
        _loop = new KubeletLoop(AfterEachAction, OnLoopError);
        _events = new KubeletEventRecorder(_pod, options.NodeName, time, RaiseEvent);
        _backOff = new CrashLoopBackOff(options.BackOffInitial, options.BackOffMax);
        // Init containers first, in spec order: they start (and sidecars stop) in that order.
        _containers = [
            .. (_pod.Spec.InitContainers ?? []).Select(c => new ContainerRecord(c, c.RestartPolicy == "Always" ? ContainerKind.Sidecar : ContainerKind.Init)),
            .. _pod.Spec.Containers.Select(c => new ContainerRecord(c)),
        ];
        RefreshStatus(raise: false);
    }

    /// <summary>Raised with a fresh deep copy of the pod and its current status on every status change (on the kubelet's loop: do not block).</summary>
    public event Action<V1Pod>? StatusChanged;

    /// <summary>
    /// Raised for every kubelet event (Pulled, Created, Started, Unhealthy, ProbeWarning, Killing, BackOff, Failed), a fresh copy each
    /// time. A repeat of an identical event carries the same name with <c>count</c> + 1, as client-go's correlator patches it.
    /// </summary>
    public event Action<Corev1Event>? EventRecorded;

    /// <summary>The behaviour profile in use.</summary>
    public KubeletProfile Profile => _options.Profile;

    /// <summary>A deep copy of the pod with its current status (thread-safe).</summary>
    public V1Pod Snapshot() => KubernetesJson.Deserialize<V1Pod>(Volatile.Read(ref _published)!);

    /// <summary>Admits the pod: status, probe workers, then the containers; completes when every container's first start attempt is over.</summary>
    /// <param name="ct">Cancels waiting (not the admission).</param>
    public Task StartAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _loop.Post(Admit);
        return _startCompleted.Task.WaitAsync(ct);
    }

    /// <summary>
    /// Deletes the pod (§1.8): sets deletionTimestamp (now + grace) and deletionGracePeriodSeconds, stops liveness and startup probing
    /// (readiness goes on), sends every container SIGTERM then SIGKILL at the grace deadline (at least 2 s), and completes when all
    /// containers have exited and the final status is published.
    /// </summary>
    /// <param name="gracePeriodSeconds">The deletion grace period; null uses <c>metadata.deletionGracePeriodSeconds</c>, else the pod's <c>terminationGracePeriodSeconds</c> (default 30).</param>
    /// <param name="ct">Cancels waiting (not the termination itself).</param>
    public Task TerminateAsync(long? gracePeriodSeconds, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _loop.Post(() => BeginTermination(gracePeriodSeconds));
        return _terminationCompleted.Task.WaitAsync(ct);
    }

    /// <summary>Stops all workers and timers, SIGKILLs any container still running and disposes the instances this kubelet started.</summary>
    public async ValueTask DisposeAsync()
    {
        var shutdown = new TaskCompletionSource<IReadOnlyList<IContainerInstance>>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_loop.Post(() => shutdown.TrySetResult(Shutdown())))
        {
            return; // already disposed
        }

        if (!shutdown.Task.IsCompleted)
        {
            // The loop is busy on another thread and runs the shutdown next; the bound only guards against a handler that hangs.
            await Task.WhenAny(shutdown.Task, Task.Delay(TimeSpan.FromSeconds(5), TimeProvider.System)).ConfigureAwait(false);
        }

        _loop.Close();
        await _disposal.CancelAsync().ConfigureAwait(false);
        var instances = shutdown.Task.IsCompletedSuccessfully ? shutdown.Task.Result : [];
        foreach (var instance in instances)
        {
            try
            {
                if (!instance.Exited.IsCompleted)
                {
                    await instance.StopAsync(TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
                }

                await instance.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _options.Log?.Invoke($"{Describe()}: disposing container {instance.ContainerId} failed: {ex.Message}");
            }
        }

        _startCompleted.TrySetCanceled();
        _terminationCompleted.TrySetCanceled();
        _disposal.Dispose();
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private string Describe() => $"pod {_pod.Metadata.NamespaceProperty}/{_pod.Metadata.Name}";

    private IReadOnlyList<IContainerInstance> Shutdown()
    {
        _disposed = true;
        foreach (var worker in _workers)
        {
            worker.Stop();
        }

        _syncTimer?.Dispose();
        _syncTimer = null;
        return _allInstances.ToList();
    }

    private void OnLoopError(Exception ex) =>
        _options.Log?.Invoke($"{Describe()}: kubelet loop action failed: {ex}");

    private void RaiseEvent(Corev1Event recorded)
    {
        try
        {
            EventRecorded?.Invoke(recorded);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _options.Log?.Invoke($"{Describe()}: EventRecorded handler failed: {ex.Message}");
        }
    }

    // One-shot timer whose callback runs on the loop; a non-positive delay posts at once.
    private ITimer? After(TimeSpan delay, Action action)
    {
        if (delay <= TimeSpan.Zero)
        {
            _loop.Post(action);
            return null;
        }

        return _time.CreateTimer(_ => _loop.Post(action), null, delay, Timeout.InfiniteTimeSpan);
    }

    // ContinueWith that lands on the loop; runs inline when the task is already complete, so fakes stay synchronous.
    private void OnLoop<T>(Task<T> task, Action<Task<T>> action) =>
        _ = task.ContinueWith(
            t => _loop.Post(() => action(t)),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
}
