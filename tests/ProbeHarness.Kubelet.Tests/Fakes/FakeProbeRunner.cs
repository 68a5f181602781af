using k8s.Models;
using ProbeHarness.Kubelet.Runtime;

namespace ProbeHarness.Kubelet.Tests.Fakes;

/// <summary>A prober on the fake clock: endpoints are keyed by HTTP path (or exec command); hangs resolve after timeoutSeconds.</summary>
public sealed class FakeProbeRunner : IProbeRunner
{
    private readonly TimeProvider _time;
    private readonly Dictionary<string, FakeEndpoint> _endpoints = new(StringComparer.Ordinal);

    /// <summary>Creates a prober on <paramref name="time"/>.</summary>
    public FakeProbeRunner(TimeProvider time) => _time = time;

    /// <summary>The endpoint named <paramref name="name"/> (created healthy on first use).</summary>
    public FakeEndpoint this[string name] => Endpoint(name);

    /// <summary>Every probe attempt (endpoint name, time).</summary>
    public List<(string Endpoint, DateTimeOffset At)> Attempts { get; } = [];

    /// <summary>The endpoint named <paramref name="name"/> (created healthy on first use).</summary>
    public FakeEndpoint Endpoint(string name)
    {
        if (!_endpoints.TryGetValue(name, out var endpoint))
        {
            endpoint = new FakeEndpoint(name, EndpointMode.Healthy);
            _endpoints[name] = endpoint;
        }

        return endpoint;
    }

    /// <inheritdoc />
    public Task<ProbeOutcome> RunAsync(V1Probe probe, ProbeTarget target, CancellationToken cancellationToken)
    {
        var name = probe.HttpGet?.Path ?? string.Join(' ', probe.Exec?.Command ?? []);
        var endpoint = Endpoint(name);
        var now = _time.GetUtcNow();
        endpoint.Calls.Add(now);
        Attempts.Add((name, now));
        var timeout = TimeSpan.FromSeconds(probe.TimeoutSeconds ?? 1);
        var url = $"http://{target.PodIp}:{probe.HttpGet?.Port?.Value}{name}";
        var timedOut = new ProbeOutcome(ProbeResult.Failure, $"Get \"{url}\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)");
        return endpoint.Mode switch
        {
            EndpointMode.Healthy => Task.FromResult(new ProbeOutcome(ProbeResult.Success, string.Empty)),
            EndpointMode.Failing => Task.FromResult(new ProbeOutcome(ProbeResult.Failure, "HTTP probe failed with statuscode: 500")),
            EndpointMode.Hang => After(timeout, timedOut),
            EndpointMode.Slow when endpoint.SlowDelay < timeout => After(endpoint.SlowDelay, new ProbeOutcome(ProbeResult.Success, string.Empty)),
            EndpointMode.Slow => After(timeout, timedOut),
            EndpointMode.Flap => Task.FromResult(endpoint.NextFlapFails()
                ? new ProbeOutcome(ProbeResult.Failure, "HTTP probe failed with statuscode: 500")
                : new ProbeOutcome(ProbeResult.Success, string.Empty)),
            EndpointMode.Error => Task.FromResult(new ProbeOutcome(ProbeResult.Unknown, string.Empty, "dial error")),
            EndpointMode.Redirect => Task.FromResult(new ProbeOutcome(ProbeResult.Warning, "Probe terminated redirects, Response body: ")),
            EndpointMode.Unknown => Task.FromResult(new ProbeOutcome(ProbeResult.Unknown, string.Empty)),
            EndpointMode.ExecTimeout => After(timeout, new ProbeOutcome(ProbeResult.Failure, $"command timed out: \"{name}\" timed out after {timeout.TotalSeconds:0}s")),
            _ => throw new InvalidOperationException($"unknown mode {endpoint.Mode}"),
        };
    }

    // Completes on the fake clock; no RunContinuationsAsynchronously, so the kubelet reacts inside Advance.
    private Task<ProbeOutcome> After(TimeSpan delay, ProbeOutcome outcome)
    {
        var answer = new TaskCompletionSource<ProbeOutcome>();
        ITimer? timer = null;
        timer = _time.CreateTimer(
            _ =>
            {
                answer.TrySetResult(outcome);
                timer?.Dispose();
            },
            null,
            delay,
            Timeout.InfiniteTimeSpan);
        return answer.Task;
    }
}
