using System.Collections.Concurrent;

namespace ProbeHarness.Kubernetes.Namespaces;

/// <summary>
/// Namespace deletions still running in the background: a scenario only starts its namespace's deletion and goes on
/// (a real cluster takes seconds to tens of seconds to terminate pods), and the backend waits for all of them before it
/// stops, so cleanup still completes.
/// </summary>
public sealed class NamespaceDeletions
{
    /// <summary>How long one namespace may take to disappear (its pods get a 1 s grace period, so this is slack for slow clusters).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, Task> _running = new();
    private readonly ConcurrentQueue<string> _failures = new();

    /// <summary>Namespaces whose deletion has not finished.</summary>
    public int Pending => _running.Count(entry => !entry.Value.IsCompleted);

    /// <summary>What went wrong with deletions so far, one line per namespace.</summary>
    public IReadOnlyCollection<string> Failures => _failures;

    /// <summary>Runs <paramref name="deletion"/> of namespace <paramref name="name"/> in the background; a failure is kept, not thrown.</summary>
    public void Track(string name, Func<Task> deletion)
    {
        ArgumentNullException.ThrowIfNull(deletion);
        _running[name] = Task.Run(async () =>
        {
            try
            {
                await deletion().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                _failures.Enqueue($"namespace {name}: {exception.Message}");
            }
        });
    }

    /// <summary>Waits for every tracked deletion (at most <paramref name="timeout"/>), reporting what is left every few seconds; returns how many are still running.</summary>
    public async Task<int> DrainAsync(TimeSpan timeout, IProgress<string> progress, string label, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(time);
        var started = time.GetTimestamp();
        while (true)
        {
            var pending = _running.Where(entry => !entry.Value.IsCompleted).ToArray();
            var elapsed = time.GetElapsedTime(started);
            if (pending.Length == 0 || elapsed >= timeout)
            {
                if (pending.Length > 0)
                {
                    progress.Report($"{label} {pending.Length} namespace(s) still being deleted after {elapsed.TotalSeconds:0} s: {string.Join(", ", pending.Select(p => p.Key).Order(StringComparer.Ordinal))}");
                }

                foreach (var failure in _failures)
                {
                    progress.Report($"{label} could not delete {failure}");
                }

                return pending.Length;
            }

            progress.Report($"{label} waiting for {pending.Length} namespace deletion(s), {elapsed.TotalSeconds:0} s of {timeout.TotalSeconds:0} s");
            var wait = timeout - elapsed < ProgressInterval ? timeout - elapsed : ProgressInterval;
            await Task.WhenAny(Task.WhenAll(pending.Select(p => p.Value)), Task.Delay(wait, time)).ConfigureAwait(false);
        }
    }
}
