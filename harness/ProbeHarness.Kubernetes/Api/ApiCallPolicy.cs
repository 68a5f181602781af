using k8s.Autorest;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using ProbeHarness.Cluster;

namespace ProbeHarness.Kubernetes.Api;

/// <summary>Runs API calls through a Polly pipeline that retries transient errors, and builds waits on Polly instead of fixed sleeps.</summary>
public sealed class ApiCallPolicy
{
    private readonly ResiliencePipeline _pipeline;
    private readonly TimeProvider _time;
    private readonly ApiRetrySettings _settings;

    /// <summary>Creates the policy for one API server.</summary>
    /// <param name="apiServer">The API server's address, named in every error.</param>
    /// <param name="settings">Retry counts and delays.</param>
    /// <param name="time">The clock for delays and timeouts.</param>
    public ApiCallPolicy(string apiServer, ApiRetrySettings settings, TimeProvider time)
    {
        ApiServer = apiServer;
        _settings = settings;
        _time = time;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception && ApiErrors.IsTransient(exception, args.Context.CancellationToken)),
                MaxRetryAttempts = settings.MaxRetryAttempts,
                Delay = settings.BaseDelay,
                MaxDelay = settings.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();
    }

    /// <summary>The API server's address.</summary>
    public string ApiServer { get; }

    /// <summary>Runs a call, retrying transient errors; when the API server stays unreachable or refuses, the error says so.</summary>
    /// <remarks>A call that expects a status (404 on delete, 409 on create) catches it inside <paramref name="call"/>.</remarks>
    /// <param name="what">What the call does, for messages, e.g. "listing pods in ph-abc".</param>
    /// <param name="call">The call.</param>
    /// <param name="cancellationToken">Cancels the call and its retries.</param>
    /// <exception cref="ClusterUnavailableException">The API server could not be reached through every attempt.</exception>
    /// <exception cref="InvalidOperationException">The API server refused the call (4xx); the message has its status and reason.</exception>
    public async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        try
        {
            return await _pipeline.ExecuteAsync(async token => await call(token).ConfigureAwait(false), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (ApiErrors.IsTransient(exception, cancellationToken))
        {
            var elapsed = _time.GetElapsedTime(started);
            var gone = ApiErrors.IsUnreachable(exception) ? "is gone or unreachable" : "kept failing";
            throw new ClusterUnavailableException(
                $"The API server at {ApiServer} {gone} while {what}: {ApiErrors.Describe(exception)} " +
                $"(gave up after {_settings.MaxRetryAttempts + 1} attempts in {Durations.Format(elapsed)}).",
                exception);
        }
        catch (HttpOperationException exception)
        {
            throw new InvalidOperationException(
                $"The API server at {ApiServer} refused {what}: {ApiErrors.Describe(exception)}.", exception);
        }
    }

    /// <summary>Runs a call that returns nothing, retrying transient errors.</summary>
    public Task RunAsync(string what, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync<bool>(what, async token =>
        {
            await call(token).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>Polls until a condition holds, on Polly's retry and timeout strategies; transient errors count as "not yet".</summary>
    /// <param name="what">What is awaited, e.g. "node Ready".</param>
    /// <param name="poll">Reads the current state.</param>
    /// <param name="isDone">True when the state is the awaited one.</param>
    /// <param name="describe">Describes the last state seen, for the timeout message.</param>
    /// <param name="timeout">How long to wait in all.</param>
    /// <param name="interval">The pause between polls.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The state that satisfied the condition.</returns>
    /// <exception cref="TimeoutException">The condition did not hold in time; the message has the last state seen.</exception>
    /// <exception cref="InvalidOperationException">The API server refused a poll (4xx); the message has its status and reason.</exception>
    public async Task<T> WaitUntilAsync<T>(
        string what,
        Func<CancellationToken, Task<T>> poll,
        Func<T, bool> isDone,
        Func<T?, string> describe,
        TimeSpan timeout,
        TimeSpan interval,
        CancellationToken cancellationToken)
    {
        var last = default(T);
        Exception? lastError = null;
        var pipeline = new ResiliencePipelineBuilder<T> { TimeProvider = _time }
            .AddTimeout(timeout)
            .AddRetry(new RetryStrategyOptions<T>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } exception
                    ? ApiErrors.IsTransient(exception, cancellationToken) && !args.Context.CancellationToken.IsCancellationRequested
                    : !isDone(args.Outcome.Result!)),
                MaxRetryAttempts = int.MaxValue,
                Delay = interval,
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
            })
            .Build();

        var started = _time.GetTimestamp();
        try
        {
            return await pipeline.ExecuteAsync(async token =>
            {
                try
                {
                    last = await poll(token).ConfigureAwait(false);
                    lastError = null;
                    return last;
                }
                catch (Exception exception) when (ApiErrors.IsTransient(exception, cancellationToken))
                {
                    lastError = exception;
                    throw;
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException exception)
        {
            throw new InvalidOperationException(
                $"The API server at {ApiServer} refused a request while waiting for {what}: {ApiErrors.Describe(exception)}.", exception);
        }
        catch (TimeoutRejectedException exception)
        {
            var seen = lastError is null ? describe(last) : $"{describe(last)}; last error: {ApiErrors.Describe(lastError)}";
            throw new TimeoutException(
                $"{what} did not happen within {Durations.Format(timeout)} (waited {Durations.Format(_time.GetElapsedTime(started))}); last seen: {seen}.",
                exception);
        }
    }
}
