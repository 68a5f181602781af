using System.Diagnostics;
using k8s.Models;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Kubelet.Semantics;
using ProbeHarness.Kubelet.Timing;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Deploying, scaling and deleting, each waiting on the watch until the pods are there.</summary>
public sealed partial class WorkloadDriver
{
    // Generous: a real cluster may still pull or start the image; the emulated backend takes a few seconds.
    private static readonly TimeSpan PodsAppearWithin = TimeSpan.FromSeconds(120);

    /// <summary>Deploys the workload and waits until its pods run (and, when <paramref name="untilReady"/>, are Ready).</summary>
    public async Task DeployAsync(bool untilReady, CancellationToken cancellationToken)
    {
        EnsureNotDeployed();
        RefuseProbesEveryKubeletWouldError();
        RefuseSidecarsBefore(cluster.Backend.KubernetesVersion);
        _deployed = true;
        recorder.SetProbes(ProbeSettings());
        AttachProxies();
        var applying = Stopwatch.StartNew();
        log.Write($"deploying {DeploymentName} with {Replicas} replica(s) into namespace {cluster.Namespace.Name}");
        await CheckOwnImagesAsync(cancellationToken);
        await cluster.Namespace.ApplyAsync(_workload, cancellationToken);
        log.Write($"applied Deployment and Service ({applying.Elapsed.TotalSeconds:0.0} s)");
        await WaitForRunningPodsAsync(Replicas, cancellationToken);
        if (untilReady)
        {
            await WaitUntilAllReadyAsync(cancellationToken);
        }

        recorder.MarkSetupDone(clock.SecondsAt(clock.Now));
    }

    /// <summary>Scales the Deployment and waits until that many pods run.</summary>
    public async Task ScaleAsync(int replicas, CancellationToken cancellationToken)
    {
        CheckReplicas(replicas);
        log.Write($"scaling {DeploymentName} to {replicas} replica(s)");
        await cluster.Namespace.ScaleAsync(DeploymentName, replicas, cancellationToken);
        _workload.Deployment.Spec.Replicas = replicas;
        await WaitForRunningPodsAsync(replicas, cancellationToken);
    }

    /// <summary>Deletes pod <paramref name="ordinal"/>, with its own grace period unless <paramref name="gracePeriodSeconds"/> is given.</summary>
    public async Task DeletePodAsync(int ordinal, long? gracePeriodSeconds, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        log.Write($"deleting pod {ordinal} ({name}){(gracePeriodSeconds is { } g ? $" with grace period {g} s" : "")}");
        var sent = clock.Now;
        await cluster.Namespace.DeletePodAsync(name, gracePeriodSeconds, cancellationToken);
        _deletions[name] = MeasuredInstant.Between(sent, clock.Now);
        await expectations.EventuallyAsync(
            $"pod {ordinal} to be terminating",
            TimeSpan.FromSeconds(30),
            state => state.FindPod(name) is { } pod && (pod.Metadata.DeletionTimestamp is not null || state.DeletedPods.ContainsKey(name))
                ? Observation.Holds("deletion accepted")
                : Observation.Not("no deletionTimestamp yet"),
            cancellationToken);
    }

    /// <summary>Waits until every pod of the Deployment is Ready.</summary>
    public async Task WaitUntilAllReadyAsync(CancellationToken cancellationToken)
    {
        await expectations.EventuallyAsync(
            $"all {Replicas} pod(s) to be Ready",
            ReadyWithin(),
            state =>
            {
                var pods = LivePods(state);
                var ready = pods.Count(p => p.IsReady());
                var detail = string.Join("; ", pods.Select(p => $"{roster.Label(p)}: {p.Describe(ContainerName)}"));
                return Observation.If(pods.Count >= Replicas && ready == pods.Count, $"{ready} of {pods.Count} Ready — {detail}");
            },
            cancellationToken);
    }

    /// <summary>The pods that exist and are not being deleted, in ordinal order.</summary>
    public IReadOnlyList<V1Pod> LivePods(ClusterState state) =>
        [.. state.Pods.Values
            .Where(p => p.Metadata.DeletionTimestamp is null)
            .OrderBy(p => roster.OrdinalOf(p.Metadata.Name) ?? int.MaxValue)];

    /// <summary>The names of the selected pods: one by ordinal, or every live pod.</summary>
    public IReadOnlyList<string> PodNames(PodSelection pods, ClusterState state) =>
        pods.Ordinal is { } ordinal ? [roster.NameOf(ordinal)] : [.. LivePods(state).Select(p => p.Metadata.Name)];

    private async Task WaitForRunningPodsAsync(int replicas, CancellationToken cancellationToken)
    {
        await expectations.EventuallyAsync(
            $"{replicas} pod(s) to run",
            PodsAppearWithin,
            state =>
            {
                var pods = LivePods(state);
                var running = pods.Count(p => p.ContainerStatus(ContainerName) is { } s && (s.State?.Running is not null || s.LastState?.Terminated is not null));
                // Each pod's state names why it does not run (ErrImagePull, CrashLoopBackOff, …).
                var states = string.Join("; ", pods.Select(p => $"{p.Metadata.Name}: {p.Describe(ContainerName)}"));
                return Observation.If(running >= replicas, $"{pods.Count} pod(s), {running} with a running container{(pods.Count > 0 ? $" — {states}" : string.Empty)}");
            },
            cancellationToken);
        roster.Enrol(observer.State);
        log.Write($"pods: {string.Join(", ", roster.Names.Select(n => $"{roster.Label(n)} = {n}"))}");
    }

    // The kubelet model's bound for container start → Ready; the rest is slack for slow clusters and image starts.
    private TimeSpan ReadyWithin()
    {
        var slack = TimeSpan.FromSeconds(60.0 + StartDelaySeconds());
        var readiness = Probe(ProbeKind.Readiness);
        var window = Probe(ProbeKind.Startup) is { } startup
            ? ReactionWindow.Predict(new ReactionQuery(ProbeType.Startup, startup, ProbeFault.Recover(), ReactionMeasure.Ready) { ReadinessProbe = readiness })
            : readiness is not null
                ? ReactionWindow.Predict(new ReactionQuery(ProbeType.Readiness, readiness, ProbeFault.Recover(), ReactionMeasure.Ready))
                : null;
        return slack + (window?.Latest ?? TimeSpan.Zero);
    }

    private double StartDelaySeconds() =>
        new[] { "LISTEN_DELAY_SECONDS", "STARTUP_DELAY_SECONDS", "READY_DELAY_SECONDS" }
            .Select(name => Container.Env?.FirstOrDefault(e => e.Name == name)?.Value)
            .Sum(value => double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? seconds : 0);

    // A named probe port that matches no containerPort passes the API server, but the kubelet then errors on every
    // probe and discards the result, so the scenario would silently assert nothing: refuse it, naming the field.
    private void RefuseProbesEveryKubeletWouldError()
    {
        var errors = ProbeSpecValidator.ValidateTemplate(_workload.Deployment.Spec.Template)
            .Where(error => error.Origin == FieldErrorOrigin.Kubelet)
            .ToList();
        if (errors.Count > 0)
        {
            throw new ScenarioInputException(
                "The workload's probes would only ever error on the kubelet: " + string.Join("; ", errors) + ". Fix the probe's port.");
        }
    }
}
