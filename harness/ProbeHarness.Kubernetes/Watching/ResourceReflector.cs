using System.Threading.Channels;
using k8s;
using k8s.Models;
using Polly;
using Polly.Retry;
using ProbeHarness.Cluster;
using ProbeHarness.Kubernetes.Api;

namespace ProbeHarness.Kubernetes.Watching;

/// <summary>Follows one kind of object: lists, then watches from the list's resourceVersion, and on every disconnect lists again and reports the difference.</summary>
/// <remarks>The first list is reported as Added; a resumed watch never repeats a change already reported, nor misses a deletion.</remarks>
public sealed class ResourceReflector
{
    private readonly WatchedResource _resource;
    private readonly string _where;
    private readonly TimeProvider _time;
    private readonly WatchResumeSettings _settings;
    private readonly IProgress<string>? _log;
    private readonly Dictionary<string, IKubernetesObject<V1ObjectMeta>> _known = new(StringComparer.Ordinal);

    /// <summary>Creates the reflector for one kind in one place.</summary>
    /// <param name="resource">How to list and watch the kind.</param>
    /// <param name="where">Where it watches, for messages, e.g. "namespace ph-abc".</param>
    /// <param name="time">The clock for timestamps and delays.</param>
    /// <param name="settings">How to resume.</param>
    /// <param name="log">Receives a line for each resume.</param>
    public ResourceReflector(WatchedResource resource, string where, TimeProvider time, WatchResumeSettings settings, IProgress<string>? log)
    {
        _resource = resource;
        _where = where;
        _time = time;
        _settings = settings;
        _log = log;
    }

    /// <summary>Writes every change to <paramref name="output"/> until cancelled.</summary>
    /// <exception cref="ClusterUnavailableException">The watch failed <see cref="WatchResumeSettings.MaxFailuresInARow"/> times in a row.</exception>
    public async Task RunAsync(ChannelWriter<ClusterChange> output, CancellationToken cancellationToken)
    {
        var resume = new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } exception && IsResumable(exception, cancellationToken)),
                MaxRetryAttempts = _settings.MaxFailuresInARow - 1,
                Delay = _settings.BaseDelay,
                MaxDelay = _settings.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    _log?.Report($"watch of {_resource.Kind} in {_where} dropped ({ApiErrors.Describe(args.Outcome.Exception!)}); resuming in {args.RetryDelay.TotalMilliseconds:0} ms");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await resume.ExecuteAsync(async token => await SessionAsync(output, token).ConfigureAwait(false), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception exception) when (IsResumable(exception, cancellationToken))
            {
                throw new ClusterUnavailableException(
                    $"Watching {_resource.Kind} in {_where} failed {_settings.MaxFailuresInARow} times in a row: {ApiErrors.Describe(exception)}",
                    exception);
            }
        }
    }

    private static bool IsResumable(Exception exception, CancellationToken cancellationToken) =>
        exception is EndOfStreamException or WatchClosedEarlyException || ApiErrors.IsTransient(exception, cancellationToken);

    private async ValueTask SessionAsync(ChannelWriter<ClusterChange> output, CancellationToken cancellationToken)
    {
        var snapshot = await _resource.ListAsync(cancellationToken).ConfigureAwait(false);
        await ReportDifferenceAsync(snapshot.Items, output, cancellationToken).ConfigureAwait(false);

        var started = _time.GetTimestamp();
        try
        {
            var events = _resource.WatchAsync(snapshot.ResourceVersion, error => _log?.Report(
                $"watch of {_resource.Kind} in {_where} reported: {error.Message}; listing again"), cancellationToken);
            await foreach (var (type, item) in events.ConfigureAwait(false))
            {
                if (Apply(type, item))
                {
                    await output.WriteAsync(new ClusterChange(_time.GetUtcNow(), type, item), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (IsResumable(exception, cancellationToken) && _time.GetElapsedTime(started) >= _settings.HealthyAfter)
        {
            // A long, healthy watch that dropped is not a failure: the loop lists again without delay.
            _log?.Report($"watch of {_resource.Kind} in {_where} dropped after {_time.GetElapsedTime(started).TotalSeconds:0} s ({ApiErrors.Describe(exception)}); resuming");
            return;
        }

        if (_time.GetElapsedTime(started) < _settings.HealthyAfter)
        {
            throw new WatchClosedEarlyException($"the server closed the watch after {_time.GetElapsedTime(started).TotalMilliseconds:0} ms");
        }
    }

    private bool Apply(WatchEventType type, IKubernetesObject<V1ObjectMeta> item)
    {
        var key = Key(item);
        switch (type)
        {
            case WatchEventType.Deleted:
                return _known.Remove(key);
            case WatchEventType.Added or WatchEventType.Modified:
                if (_known.TryGetValue(key, out var seen) && seen.Metadata?.ResourceVersion == item.Metadata?.ResourceVersion)
                {
                    return false;
                }

                _known[key] = item;
                return true;
            default:
                return false;
        }
    }

    private async Task ReportDifferenceAsync(
        IReadOnlyList<IKubernetesObject<V1ObjectMeta>> items, ChannelWriter<ClusterChange> output, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var current = items.ToDictionary(Key, StringComparer.Ordinal);
        foreach (var (key, item) in current)
        {
            var type = _known.TryGetValue(key, out var seen) ? WatchEventType.Modified : WatchEventType.Added;
            if (type == WatchEventType.Modified && seen!.Metadata?.ResourceVersion == item.Metadata?.ResourceVersion)
            {
                continue;
            }

            _known[key] = item;
            await output.WriteAsync(new ClusterChange(now, type, item), cancellationToken).ConfigureAwait(false);
        }

        foreach (var (key, gone) in _known.Where(pair => !current.ContainsKey(pair.Key)).ToList())
        {
            _known.Remove(key);
            await output.WriteAsync(new ClusterChange(now, WatchEventType.Deleted, gone), cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Key(IKubernetesObject<V1ObjectMeta> item) =>
        item.Metadata?.Uid is { Length: > 0 } uid ? uid : $"{item.Metadata?.NamespaceProperty}/{item.Metadata?.Name}";

    private sealed class WatchClosedEarlyException(string message) : Exception(message);
}
