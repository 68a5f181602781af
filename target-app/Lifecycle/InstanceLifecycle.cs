namespace ProbeHarness.TargetApp.Lifecycle;

/// <summary>This process's identity and the moments that shape its probe answers: ports opened, SIGTERM received.</summary>
public sealed class InstanceLifecycle
{
    private long _listeningSinceTicks;
    private long _terminatingSinceTicks;

    /// <summary>Creates the lifecycle of a process started at <paramref name="startedAt"/>.</summary>
    public InstanceLifecycle(string instanceId, DateTimeOffset startedAt)
    {
        InstanceId = instanceId;
        StartedAt = startedAt;
    }

    /// <summary>Random id that changes on every process start.</summary>
    public string InstanceId { get; }

    /// <summary>When the process started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>When the listeners opened; null before that.</summary>
    public DateTimeOffset? ListeningSince => FromTicks(Interlocked.Read(ref _listeningSinceTicks));

    /// <summary>When a SIGTERM (or SIGINT) started the graceful stop; null while running normally.</summary>
    public DateTimeOffset? TerminatingSince => FromTicks(Interlocked.Read(ref _terminatingSinceTicks));

    /// <summary>Creates a lifecycle with a fresh 12-hex-digit instance id.</summary>
    public static InstanceLifecycle StartNew(DateTimeOffset now) => new(Guid.NewGuid().ToString("N")[..12], now);

    /// <summary>Records that the listeners are opening now.</summary>
    public void MarkListening(DateTimeOffset now) => Interlocked.Exchange(ref _listeningSinceTicks, now.UtcTicks);

    /// <summary>Records the start of the graceful stop; false when it had already started.</summary>
    public bool TryMarkTerminating(DateTimeOffset now) => Interlocked.CompareExchange(ref _terminatingSinceTicks, now.UtcTicks, 0) == 0;

    private static DateTimeOffset? FromTicks(long ticks) => ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
}
