using Polly;
using Polly.Retry;
using Polly.Timeout;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Sends HTTP requests straight to one pod, retrying while it does not answer yet (still starting, or restarting), for a bounded time.</summary>
public sealed class PodRequests(ScenarioCluster cluster, ScenarioLog log)
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Sends the request made by <paramref name="request"/> until the pod answers with less than 500, for at most <paramref name="within"/>.
    /// With <paramref name="onlyUnsent"/> only failures to connect are retried: a request that reached the app is never sent twice.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        string podName, int port, Func<HttpRequestMessage> request, TimeSpan within, CancellationToken cancellationToken, bool onlyUnsent = false)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(within)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>(e => !onlyUnsent || e.HttpRequestError == HttpRequestError.ConnectionError)
                    .Handle<TimeoutRejectedException>(_ => !onlyUnsent)
                    .HandleResult(response => !onlyUnsent && (int)response.StatusCode >= 500),
                MaxRetryAttempts = int.MaxValue,
                Delay = RetryDelay,
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
                OnRetry = args =>
                {
                    if (args.AttemptNumber % 10 == 9)
                    {
                        log.Write($"{podName}:{port} not answering yet ({args.Outcome.Exception?.Message ?? $"HTTP {(int?)args.Outcome.Result?.StatusCode}"}); retrying");
                    }

                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(AttemptTimeout)
            .Build();
        try
        {
            return await pipeline.ExecuteAsync(
                async token => await cluster.Namespace.SendToPodAsync(podName, port, request(), token).WaitAsync(token),
                cancellationToken);
        }
        catch (TimeoutRejectedException e)
        {
            throw new ExpectationFailedException($"{podName}:{port} did not answer within {within.TotalSeconds:0} s: {e.Message}");
        }
    }
}
