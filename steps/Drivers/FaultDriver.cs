using ProbeHarness.Kubelet.Timing;
using System.Net.Http.Json;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Injects faults through the target app's fault API into one pod or every pod, now or scheduled, and records each with its time.</summary>
public sealed class FaultDriver(
    ClusterObserver observer,
    PodRoster roster,
    WorkloadDriver workload,
    PodRequests requests,
    ScenarioClock clock,
    ScenarioRecorder recorder,
    ScenarioLog log,
    AppEventLog appLog)
{
    // The app may still be starting (LISTEN_DELAY_SECONDS) or restarting.
    private static readonly TimeSpan DeliveryWithin = TimeSpan.FromSeconds(60);

    // How long a fault waits for the pod's probes to recover from a slow start.
    private static readonly TimeSpan StartFailuresWithin = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private readonly List<InjectedFault> _injected = [];

    /// <summary>Every fault injected so far, in order.</summary>
    public IReadOnlyList<InjectedFault> Injected
    {
        get
        {
            lock (_gate)
            {
                return [.. _injected];
            }
        }
    }

    /// <summary>The last fault injected into <paramref name="podName"/>, or null.</summary>
    public InjectedFault? LastFaultOf(string podName) => Injected.LastOrDefault(f => f.Pod == podName);

    /// <summary>The last fault (not a healing request) injected into <paramref name="podName"/>, or null.</summary>
    public InjectedFault? ActiveFaultOf(string podName) => Injected.LastOrDefault(f => f.Pod == podName && !f.Request.Heals);

    /// <summary>When the last fault of <paramref name="podName"/> began (the reference of a detection bound), or null.</summary>
    public MeasuredInstant? FaultStartOf(string podName) => ActiveFaultOf(podName)?.Active;

    /// <summary>When the pod's last fault ended (a healing request, or the end of a timed fault), or null while it lasts.</summary>
    public MeasuredInstant? FaultEndOf(string podName) => LastFaultOf(podName) is { } last ? EndOf(last) : null;

    /// <summary>When <paramref name="fault"/> ended: its own duration ran out, or the pod's next fault call changed it; null while it lasts.</summary>
    public MeasuredInstant? EndOf(InjectedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (fault.Request.Heals)
        {
            return fault.Active;
        }

        var timed = fault.Request.ActiveForSeconds is { } duration ? fault.Active.Plus(TimeSpan.FromSeconds(duration)) : null;
        var next = Injected.FirstOrDefault(f => f.Pod == fault.Pod && f.Active.Earliest > fault.Active.Latest && Overrides(f.Request, fault.Request))?.Active;
        return (timed, next) switch
        {
            ({ } t, { } n) => t.Latest <= n.Earliest ? t : n,
            _ => timed ?? next,
        };
    }

    // A later call ends a fault when it changes the same target (or clears everything).
    private static bool Overrides(FaultRequest later, FaultRequest earlier) =>
        later.Target == earlier.Target || later.Target == FaultTarget.All;

    /// <summary>Sends <paramref name="fault"/> to container <paramref name="container"/> (null: the target app's) of the selected pods and records it, per pod, at the moment that pod's app accepted it.</summary>
    public async Task InjectAsync(PodSelection pods, FaultRequest fault, CancellationToken cancellationToken, string? container = null)
    {
        RefuseWhatTheAppCannotTake(fault);
        var names = workload.PodNames(pods, observer.State);
        var spec = workload.ContainerNamed(container);
        var waitedFrom = clock.Now;
        await Task.WhenAll(names.Select(name => UntilProbesRecoveredAsync(name, spec, fault, cancellationToken)));
        var state = observer.State;
        var sentAt = clock.Now;
        var port = workload.FaultApiPortOf(container);
        var lastAttempt = sentAt;
        var accepted = await Task.WhenAll(names.Select(async name =>
        {
            var status = state.FindPod(name)?.ContainerStatus(spec.Name);
            var attempt = await SendAsync(name, port, fault, cancellationToken);
            lock (_gate)
            {
                lastAttempt = attempt > lastAttempt ? attempt : lastAttempt;
            }

            // The app applies the fault just before it answers, so it became active between the last attempt's send and its answer.
            var active = MeasuredInstant.Between(attempt, clock.Now).Plus(TimeSpan.FromSeconds(fault.ActiveAfterSeconds));
            return new InjectedFault(fault, active, name, status?.RestartCount ?? 0, status?.ContainerID ?? "")
            {
                Container = container,
                ContainerStartedAt = ClusterTime.ToInstant(status?.State?.Running?.StartedAt),
            };
        }));
        lock (_gate)
        {
            _injected.AddRange(accepted);
        }

        // Until the apps could take the fault (their probes recovered from a slow start, their fault API listened), the
        // step waited on the pods, not on the harness.
        recorder.AddWait(new WaitRecord(clock.SecondsAt(waitedFrom), clock.SecondsAt(lastAttempt), null));

        var first = accepted.Min(f => f.Active.Mid);
        recorder.AddFault(new FaultRecord(clock.SecondsAt(first), pods.Ordinal is null ? "*" : roster.Label(names[0]), fault.Description));
        log.Write($"fault injected into {(container is null ? "" : $"container \"{container}\" of ")}{pods}: {fault.Description} ({(clock.Now - sentAt).TotalSeconds:0.00} s to deliver)");
    }

    // The target app's fault API and the probe fault proxy's reach different parts of an app.
    private void RefuseWhatTheAppCannotTake(FaultRequest fault)
    {
        if (fault.NeedsProxy && !workload.IsOwnWorkload)
        {
            throw new ScenarioInputException(
                $"'{fault.Description}' is made by the probe fault proxy, which stands beside a user's own app ('Given the workload in \"…\"'); for the target app use its own faults (e.g. 'pod 1 crashes with exit code 3').");
        }

        if (fault.NeedsTargetApp && workload.IsOwnWorkload)
        {
            throw new ScenarioInputException(
                $"'{fault.Description}' needs the harness's target app (its dependency, memory or chosen exit code), which a user's own app does not have; "
                + "through the probe fault proxy an app can be killed ('the app of pod 1 is killed'), frozen, or have its probes fail, hang, slow down or flap.");
        }
    }

    // A probe still failing from a slow start (seen on a loaded real cluster: refused connections before the app listened)
    // carries its failure count into the fault, and the kill comes before the fault's own threshold. Only a success resets
    // the count, and the Unhealthy event of a start-up failure can reach the watch after the fault was sent: before the
    // pod's first fault, wait (at most StartFailuresWithin) until the probes the fault reaches went a period without failing
    // and the app's log shows each one's last answer succeeded (where the app can tell: not exec).
    private async Task UntilProbesRecoveredAsync(string podName, k8s.Models.V1Container container, FaultRequest fault, CancellationToken cancellationToken)
    {
        var kinds = FaultReach.ProbesReading(container, fault);
        if (fault.Heals || kinds.Count == 0 || Injected.Any(f => f.Pod == podName))
        {
            return;
        }

        var quiet = TimeSpan.FromSeconds(kinds.Max(k => ProbeDescription.Effective(ProbeDescription.Of(container, k)!) is var p ? p.PeriodSeconds + p.TimeoutSeconds : 0) + 1);
        var prefixes = kinds.Select(k => $"{k} probe failed").ToList();
        var started = clock.Now;
        var said = false;
        while (true)
        {
            var last = EventHistory.Occurrences(observer.State)
                .Where(o => o.PodName == podName && o.Reason == "Unhealthy" && prefixes.Any(p => o.Message.StartsWith(p, StringComparison.Ordinal)))
                .Select(o => (DateTimeOffset?)o.SeenAt)
                .LastOrDefault();
            var waited = clock.Now - started;
            var recovered = (last is null || clock.Now - last.Value >= quiet) && await LastAnswersSucceededAsync(podName, container, kinds, cancellationToken);
            if (recovered || waited >= StartFailuresWithin)
            {
                if (said)
                {
                    log.Write($"{roster.Label(podName)}: {(recovered ? "its probes recovered" : "its probes still fail")} after {waited.TotalSeconds:0} s; injecting {fault.Description}");
                }

                return;
            }

            if (!said)
            {
                log.Write($"{roster.Label(podName)}: its probes failed or have not passed yet before the fault (a slow start); waiting until they pass for {quiet.TotalSeconds:0} s, at most {StartFailuresWithin.TotalSeconds:0} s");
                said = true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    // True when the current instance's last answer to each probe the app can tell about succeeded, counting only probes
    // whose first tick may have come (a fault sent before a probe's initial delay is over is the scenario's intent, not a
    // slow start). From the first possible tick on, no answer yet counts as not recovered: a probe refused before the app
    // listened leaves no line, and the kubelet counts it (a real v1.20 cluster at 8 scenarios at once: refused at +1 s,
    // the fault at +2.2 s, killed one failure early).
    private async Task<bool> LastAnswersSucceededAsync(string podName, k8s.Models.V1Container container, IReadOnlyCollection<ProbeKind> kinds, CancellationToken cancellationToken)
    {
        var running = observer.State.FindPod(podName)?.ContainerStatus(container.Name)?.State?.Running?.StartedAt;
        var due = kinds.Select(kind => ProbeDescription.Of(container, kind)!)
            .Where(probe => running is { } startedAt && ProbeDescription.Effective(probe) is var p &&
                            ClusterTime.ToInstant(startedAt).AddSeconds(p.InitialDelaySeconds) <= clock.Now)
            .ToList();
        if (due.Count == 0)
        {
            return true;
        }

        var lines = await appLog.ReadAsync(podName, workload.ProbeLogContainerOf(container.Name), cancellationToken);
        var evidence = new AppEvidence(lines with { Events = [.. lines.Events.Where(e => e.Log == AppLogInstance.Current)] });
        return due.All(probe => evidence.LastAnswerSucceeded(probe) != false);
    }

    // Returns when the last attempt was sent (a retried request is applied by the attempt that got through).
    private async Task<DateTimeOffset> SendAsync(string podName, int port, FaultRequest fault, CancellationToken cancellationToken)
    {
        var sent = clock.Now;
        HttpRequestMessage Attempt()
        {
            sent = clock.Now;
            return Message(fault);
        }

        if (fault.EndsProcess)
        {
            // The app exits while answering: a lost answer is the expected outcome, and only a request that never
            // reached the app (still starting) is sent again. Through an API server proxy an app not listening yet also
            // answers 5xx (seen on a loaded node: a second container Ready before its app listened), so the app must
            // first answer a harmless read of its fault API.
            (await requests.SendAsync(podName, port, () => new HttpRequestMessage(HttpMethod.Get, new Uri("/faults", UriKind.Relative)), DeliveryWithin, cancellationToken)).Dispose();

            try
            {
                using var response = await requests.SendAsync(podName, port, Attempt, DeliveryWithin, cancellationToken, onlyUnsent: true);
                if ((int)response.StatusCode >= 500)
                {
                    // Through an API server proxy a process that dies mid-answer shows as a 5xx.
                    log.Write($"{roster.Label(podName)} answered {(int)response.StatusCode} to {fault.Description}, as a process that ends while answering does");
                    return sent;
                }

                await EnsureAcceptedAsync(podName, fault, response, cancellationToken);
            }
            catch (HttpRequestException e) when (e.HttpRequestError != HttpRequestError.ConnectionError)
            {
                log.Write($"{roster.Label(podName)} ended before answering {fault.Description}: {e.Message}");
            }

            return sent;
        }

        using var answer = await requests.SendAsync(podName, port, Attempt, DeliveryWithin, cancellationToken);
        await EnsureAcceptedAsync(podName, fault, answer, cancellationToken);
        return sent;
    }

    private static HttpRequestMessage Message(FaultRequest fault) =>
        new(new HttpMethod(fault.Method), new Uri(fault.Path, UriKind.Relative))
        {
            Content = fault.Body() is { } body ? JsonContent.Create(body) : null,
        };

    private async Task EnsureAcceptedAsync(string podName, FaultRequest fault, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException(
                $"The fault API of {roster.Label(podName)} refused {fault.Method} {fault.Path} ({fault.Description}): {(int)response.StatusCode} {body}");
        }
    }
}
