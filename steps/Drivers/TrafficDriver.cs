using System.Globalization;
using System.Text.Json;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Sends requests through the Service, as a client would, in a bounded batch or continuously in the background, and judges the answers.</summary>
public sealed class TrafficDriver(
    ScenarioCluster cluster,
    WorkloadDriver workload,
    PodRoster roster,
    PodRequests requests,
    EndpointDriver endpoints,
    ScenarioClock clock,
    ScenarioRecorder recorder,
    ScenarioLog log) : IAsyncDisposable
{
    /// <summary>How long one request may take before it counts as failed.</summary>
    /// <remarks>Generous: the claims are about routing (which pod answers, whether one fails), and a healthy pod's answer took over 2 s at load average 36 here.</remarks>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The longest a background run may last.</summary>
    public static readonly TimeSpan ContinuousLimit = TimeSpan.FromSeconds(180);

    /// <summary>How long traffic waits for the Service's endpoints to catch up with the pods' Ready conditions before it starts.</summary>
    public static readonly TimeSpan EndpointCatchUp = TimeSpan.FromSeconds(15);

    private readonly Lock _gate = new();
    private readonly List<TrafficSample> _samples = [];
    private CancellationTokenSource? _continuous;
    private Task? _running;

    /// <summary>The requests of the current batch so far.</summary>
    public IReadOnlyList<TrafficSample> Samples
    {
        get
        {
            lock (_gate)
            {
                return [.. _samples];
            }
        }
    }

    /// <summary>Sends <paramref name="count"/> requests evenly over <paramref name="over"/> and waits for every answer; first waits until the endpoints agree with the pods' readiness.</summary>
    public async Task SendAsync(int count, TimeSpan over, CancellationToken cancellationToken)
    {
        await StopAsync();
        await endpoints.AgreeWithPodReadinessAsync(EndpointCatchUp, cancellationToken);
        Reset();
        log.Write($"sending {count} requests through Service {workload.ServiceName} over {over.TotalSeconds:0.#} s");
        var spacing = count > 1 ? over / (count - 1) : TimeSpan.Zero;
        var started = clock.Now;
        var requests = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            var due = started + spacing * i;
            if (due > clock.Now)
            {
                await Task.Delay(due - clock.Now, cancellationToken);
            }

            requests.Add(SendOneAsync(cancellationToken));
        }

        await Task.WhenAll(requests);
        // The scenario asked for traffic over this long: a window its time must include, not the harness's overhead.
        recorder.AddWait(new WaitRecord(clock.SecondsAt(started), clock.SecondsAt(clock.Now), over.TotalSeconds));
        log.Write(Summary());
    }

    /// <summary>Waits until pod <paramref name="ordinal"/>'s app answers <c>GET /</c> itself (not through the Service).</summary>
    public async Task PodAnswersAsync(int ordinal, TimeSpan within, CancellationToken cancellationToken)
    {
        var name = roster.NameOf(ordinal);
        var started = clock.Now;
        using var answer = await requests.SendAsync(name, workload.HttpPortOf(null), () => new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative)), within, cancellationToken);
        log.Write($"pod {ordinal} answers ({(int)answer.StatusCode}) after {(clock.Now - started).TotalSeconds:0.0} s");
    }

    /// <summary>Starts sending a request every <paramref name="interval"/> in the background (for at most <see cref="ContinuousLimit"/>), once the endpoints agree with the pods' readiness.</summary>
    public async Task StartContinuousAsync(TimeSpan interval)
    {
        await StopAsync();
        await endpoints.AgreeWithPodReadinessAsync(EndpointCatchUp, cluster.Aborted);
        Reset();
        log.Write($"sending a request through Service {workload.ServiceName} every {interval.TotalMilliseconds:0} ms until the traffic is judged");
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cluster.Aborted);
        stop.CancelAfter(ContinuousLimit);
        _continuous = stop;
        _running = Task.Run(async () =>
        {
            var requests = new List<Task>();
            using var ticks = new PeriodicTimer(interval);
            try
            {
                do
                {
                    requests.Add(SendOneAsync(CancellationToken.None));
                }
                while (await ticks.WaitForNextTickAsync(stop.Token));
            }
            catch (OperationCanceledException)
            {
                // Stopped, or the limit was reached.
            }

            await Task.WhenAll(requests);
        });
    }

    /// <summary>Stops a background run and waits for its last answers.</summary>
    public async Task StopAsync()
    {
        if (_continuous is null || _running is null)
        {
            return;
        }

        await _continuous.CancelAsync();
        await _running;
        _continuous.Dispose();
        _continuous = null;
        _running = null;
        log.Write(Summary());
    }

    /// <summary>The failure count, failure share and answering pods, in words.</summary>
    public string Summary()
    {
        var samples = Samples;
        var failed = samples.Count(s => s.Failed);
        var pods = samples.Where(s => s.Pod is not null).GroupBy(s => s.Pod!).Select(g => $"{roster.Label(g.Key)}×{g.Count()}");
        var firstError = samples.FirstOrDefault(s => s.Failed) is { } f ? $"; first failure at +{clock.SecondsAt(f.SentAt):0.0} s: {f.Error ?? f.Status?.ToString(CultureInfo.InvariantCulture)}" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{samples.Count} requests, {failed} failed ({Share(failed, samples.Count):0.#} %), answered by {string.Join(", ", pods)}{firstError}");
    }

    /// <summary>Stops background traffic, then checks the failed requests: at least <paramref name="min"/>, at most <paramref name="max"/>, at most <paramref name="maxPercent"/> %.</summary>
    public async Task FailedAsync(int min, int? max, double? maxPercent)
    {
        var samples = await JudgedSamplesAsync();
        var failed = samples.Count(s => s.Failed);
        var share = Share(failed, samples.Count);
        if (failed < min || failed > (max ?? int.MaxValue) || share > (maxPercent ?? 100))
        {
            var wanted = max == 0 ? "no failed request"
                : maxPercent is { } p ? $"at most {p:0.#} % failed"
                : $"at least {min} failed";
            throw new ExpectationFailedException($"Expected {wanted} through the Service, but: {Summary()}");
        }
    }

    /// <summary>Stops background traffic, then checks that every answer came from pod <paramref name="ordinal"/>.</summary>
    public async Task AllAnsweredByAsync(int ordinal)
    {
        var name = roster.NameOf(ordinal);
        var samples = await JudgedSamplesAsync();
        if (samples.Any(s => s.Pod != name))
        {
            throw new ExpectationFailedException($"Expected every request through the Service to be answered by pod {ordinal}, but: {Summary()}");
        }
    }

    /// <summary>Stops background traffic, then checks that the answers came from at least <paramref name="pods"/> different pods.</summary>
    public async Task AnsweredByAtLeastAsync(int pods)
    {
        var samples = await JudgedSamplesAsync();
        var distinct = samples.Where(s => s.Pod is not null).Select(s => s.Pod).Distinct().Count();
        if (distinct < pods)
        {
            throw new ExpectationFailedException($"Expected answers from at least {pods} pods through the Service, but: {Summary()}");
        }
    }

    /// <summary>Stops background traffic at the end of the scenario.</summary>
    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>The percentage <paramref name="part"/> is of <paramref name="whole"/>.</summary>
    public static double Share(int part, int whole) => whole == 0 ? 0 : 100.0 * part / whole;

    private async Task<IReadOnlyList<TrafficSample>> JudgedSamplesAsync()
    {
        await StopAsync();
        var samples = Samples;
        return samples.Count > 0
            ? samples
            : throw new ScenarioInputException("no request was sent through the Service; send some first ('When 20 requests are sent through the Service over 4 s').");
    }

    private void Reset()
    {
        lock (_gate)
        {
            _samples.Clear();
        }
    }

    private async Task SendOneAsync(CancellationToken cancellationToken)
    {
        var sentAt = clock.Now;
        TrafficSample sample;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, cluster.Aborted);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            // WaitAsync: a request must end on time even if the backend's transport ignores the cancellation.
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
            using var response = await cluster.Namespace.SendToServiceAsync(workload.ServiceName, workload.ServicePort, request, timeout.Token)
                .WaitAsync(timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token).WaitAsync(timeout.Token);
            var (pod, instance) = Answerer(body);
            sample = new TrafficSample(sentAt, (int)response.StatusCode, pod, instance, null);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            sample = new TrafficSample(sentAt, null, null, null, e is OperationCanceledException ? $"no answer within {RequestTimeout.TotalSeconds:0} s" : e.Message);
        }

        lock (_gate)
        {
            _samples.Add(sample);
        }
    }

    // GET / answers {"pod": …, "instance": …}; other bodies (a proxy's error page) name no pod.
    private static (string? Pod, string? Instance) Answerer(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            return (
                root.TryGetProperty("pod", out var pod) ? pod.GetString() : null,
                root.TryGetProperty("instance", out var instance) ? instance.GetString() : null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
