using System.Net.Http.Json;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Injects faults through the target app's fault API into one pod or every pod, now or scheduled, and records each with its time.</summary>
public sealed class FaultDriver(
    ScenarioCluster cluster,
    ClusterObserver observer,
    PodRoster roster,
    WorkloadDriver workload,
    PodRequests requests,
    ScenarioClock clock,
    ScenarioRecorder recorder,
    ScenarioLog log)
{
    /// <summary>The target app's HTTP port, which serves the fault API.</summary>
    public const int HttpPort = 8080;

    // The app may still be starting (LISTEN_DELAY_SECONDS) or restarting.
    private static readonly TimeSpan DeliveryWithin = TimeSpan.FromSeconds(60);

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
    public InjectedFault? LastFaultOf(string podName) => Injected.LastOrDefault(f => f.Pods.Contains(podName));

    /// <summary>The last fault (not a healing request) injected into <paramref name="podName"/>, or null.</summary>
    public InjectedFault? ActiveFaultOf(string podName) => Injected.LastOrDefault(f => f.Pods.Contains(podName) && !f.Request.Heals);

    /// <summary>When the last fault of <paramref name="podName"/> began (the reference of a detection bound), or null.</summary>
    public DateTimeOffset? FaultStartOf(string podName) => ActiveFaultOf(podName)?.ActiveAt;

    /// <summary>When the pod's last fault ended (a healing request, or the end of a timed fault), or null while it lasts.</summary>
    public DateTimeOffset? FaultEndOf(string podName) => LastFaultOf(podName) switch
    {
        { Request.Heals: true } healed => healed.ActiveAt,
        { Request.ActiveForSeconds: { } duration } timed => timed.ActiveAt.AddSeconds(duration),
        _ => null,
    };

    /// <summary>Sends <paramref name="fault"/> to the selected pods and records it.</summary>
    public async Task InjectAsync(PodSelection pods, FaultRequest fault, CancellationToken cancellationToken)
    {
        var names = workload.PodNames(pods, observer.State);
        var state = observer.State;
        var restartCounts = names.ToDictionary(n => n, n => state.FindPod(n)?.RestartCount(workload.ContainerName) ?? 0);
        var sentAt = clock.Now;
        await Task.WhenAll(names.Select(name => SendAsync(name, fault, cancellationToken)));
        var activeAt = sentAt.AddSeconds(fault.ActiveAfterSeconds);
        var injected = new InjectedFault(fault, activeAt, names, restartCounts);
        lock (_gate)
        {
            _injected.Add(injected);
        }

        var target = pods.Ordinal is null ? "*" : roster.Label(names[0]);
        recorder.AddFault(new FaultRecord(clock.SecondsAt(activeAt), target, fault.Description));
        log.Write($"fault injected into {pods}: {fault.Description} ({(clock.Now - sentAt).TotalSeconds:0.00} s to deliver)");
    }

    private async Task SendAsync(string podName, FaultRequest fault, CancellationToken cancellationToken)
    {
        if (fault.EndsProcess)
        {
            // The app exits while answering: a lost answer is the expected outcome, and a retry would hit the next instance.
            try
            {
                using var response = await cluster.Namespace.SendToPodAsync(podName, HttpPort, Message(fault), cancellationToken);
                await EnsureAcceptedAsync(podName, fault, response, cancellationToken);
            }
            catch (HttpRequestException)
            {
            }

            return;
        }

        using var answer = await requests.SendAsync(podName, HttpPort, () => Message(fault), DeliveryWithin, cancellationToken);
        await EnsureAcceptedAsync(podName, fault, answer, cancellationToken);
    }

    private static HttpRequestMessage Message(FaultRequest fault) =>
        new(new HttpMethod(fault.Method), new Uri(fault.Path, UriKind.Relative))
        {
            Content = fault.Body is null ? null : JsonContent.Create(fault.Body),
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
