namespace OwnApp.Health;

/// <summary>Ready once <c>WARMUP_SECONDS</c> have passed since the process started (a cache to fill, a pool to open).</summary>
public sealed class WarmupGate
{
    private readonly TimeProvider _time;
    private readonly long _startedAt;

    /// <summary>Starts the warm-up clock now.</summary>
    public WarmupGate(TimeProvider time, TimeSpan warmup)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        Warmup = warmup;
        _startedAt = time.GetTimestamp();
    }

    /// <summary>How long the warm-up lasts.</summary>
    public TimeSpan Warmup { get; }

    /// <summary>Whether the warm-up is over.</summary>
    public bool IsReady => _time.GetElapsedTime(_startedAt) >= Warmup;
}
