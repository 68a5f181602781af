namespace ProbeHarness.Kubelet.Containers;

/// <summary>
/// The kubelet's per-container restart back-off (client-go <c>flowcontrol.Backoff</c> as <c>doBackOff</c> uses it, §1.6):
/// the first <see cref="Next"/> sets the initial delay, each later one doubles it up to the maximum; an entry expires when an exit
/// comes more than twice the maximum after its last update.
/// </summary>
internal sealed class CrashLoopBackOff
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;

    /// <summary>Creates a back-off with the given initial and maximum delay.</summary>
    public CrashLoopBackOff(TimeSpan initial, TimeSpan max)
    {
        _initial = initial;
        _max = max;
    }

    /// <summary>True while <paramref name="now"/> is less than the current delay after <paramref name="eventTime"/> (the last exit's FinishedAt).</summary>
    public bool IsInBackOffSince(string key, DateTimeOffset eventTime, DateTimeOffset now)
    {
        if (!_entries.TryGetValue(key, out var entry) || HasExpired(eventTime, entry.LastUpdate))
        {
            return false;
        }

        return now - eventTime < entry.Delay;
    }

    /// <summary>Moves the delay on: initial for a new or expired entry, else doubled up to the maximum; the update time is <paramref name="now"/>.</summary>
    public void Next(string key, DateTimeOffset eventTime, DateTimeOffset now)
    {
        if (!_entries.TryGetValue(key, out var entry) || HasExpired(eventTime, entry.LastUpdate))
        {
            _entries[key] = new Entry(_initial, now);
            return;
        }

        var doubled = entry.Delay * 2;
        _entries[key] = new Entry(doubled > _max ? _max : doubled, now);
    }

    /// <summary>The current delay for <paramref name="key"/>; zero when there is no entry.</summary>
    public TimeSpan Get(string key) => _entries.TryGetValue(key, out var entry) ? entry.Delay : TimeSpan.Zero;

    private bool HasExpired(DateTimeOffset eventTime, DateTimeOffset lastUpdate) => eventTime - lastUpdate > _max * 2;

    private readonly record struct Entry(TimeSpan Delay, DateTimeOffset LastUpdate);
}
