using Microsoft.Extensions.Time.Testing;

namespace ProbeHarness.Kubelet.Tests.Fakes;

/// <summary>
/// A <see cref="FakeTimeProvider"/> whose timers are tracked, so <see cref="TestClock"/> can advance exactly to each due time.
/// (<see cref="FakeTimeProvider.Advance"/> fires every timer due within the step with the clock already at the step's end,
/// which would blur the timelines these tests assert.)
/// </summary>
public sealed class TrackingTimeProvider : TimeProvider
{
    private readonly List<TrackedTimer> _timers = [];

    /// <summary>Creates a provider starting at <paramref name="start"/>.</summary>
    public TrackingTimeProvider(DateTimeOffset start) => Fake = new FakeTimeProvider(start);

    /// <summary>The underlying fake clock.</summary>
    public FakeTimeProvider Fake { get; }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    /// <inheritdoc />
    public override long GetTimestamp() => Fake.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => Fake.TimestampFrequency;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(this, callback, state);
        lock (_timers)
        {
            _timers.Add(timer);
        }

        timer.Arm(dueTime, period);
        return timer;
    }

    /// <summary>The earliest pending due time, if any.</summary>
    public DateTimeOffset? NextDue()
    {
        lock (_timers)
        {
            return _timers.Where(t => t.Due is not null).Select(t => t.Due).Min();
        }
    }

    private void Remove(TrackedTimer timer)
    {
        lock (_timers)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class TrackedTimer : ITimer
    {
        private readonly TrackingTimeProvider _owner;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private ITimer? _inner;
        private TimeSpan _period;

        public TrackedTimer(TrackingTimeProvider owner, TimerCallback callback, object? state)
        {
            _owner = owner;
            _callback = callback;
            _state = state;
        }

        public DateTimeOffset? Due { get; private set; }

        public void Arm(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            Due = dueTime == Timeout.InfiniteTimeSpan ? null : _owner.GetUtcNow() + dueTime;
            if (_inner is null)
            {
                _inner = _owner.Fake.CreateTimer(_ => Fire(), null, dueTime, period);
            }
            else
            {
                _inner.Change(dueTime, period);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Arm(dueTime, period);
            return true;
        }

        public void Dispose()
        {
            Due = null;
            _inner?.Dispose();
            _owner.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void Fire()
        {
            Due = _period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan ? _owner.GetUtcNow() + _period : null;
            _callback(_state);
        }
    }
}
