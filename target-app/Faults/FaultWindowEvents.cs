using ProbeHarness.TargetApp.Logging;

namespace ProbeHarness.TargetApp.Faults;

/// <summary>Logs <c>fault-active</c> and <c>fault-ended</c> when a probe fault's window (<c>afterSeconds</c>/<c>forSeconds</c>) opens or closes by itself.</summary>
/// <remarks>
/// Each event carries the window's own instant (<c>activeFrom</c>/<c>activeUntil</c>), which is exactly when probe answers
/// changed, even when a busy machine wakes this service late. It sleeps until the next boundary and never polls.
/// </remarks>
public sealed class FaultWindowEvents : BackgroundService
{
    private static readonly TimeSpan BoundarySlack = TimeSpan.FromMilliseconds(1);

    // A semaphore wait takes at most int.MaxValue ms; waking once a day before a far boundary costs nothing.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private readonly FaultBoard _board;
    private readonly AppEventLog _events;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _changed = new(0);
    private FaultSnapshot _watched;
    private DateTimeOffset _reportedUpTo;

    /// <summary>Creates the service; boundaries from the board's <see cref="FaultBoard.InEffectFrom"/> on are reported, so none is lost to a slow start or a listen delay.</summary>
    public FaultWindowEvents(FaultBoard board, AppEventLog events, TimeProvider time)
    {
        _board = board;
        _events = events;
        _time = time;
        _watched = board.Current;
        _reportedUpTo = board.InEffectFrom;
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _board.Changed -= OnChanged;
        await base.StopAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _changed.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _board.Changed += OnChanged;
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset? next;
            var now = _time.GetUtcNow();
            lock (_gate)
            {
                ReportUpTo(now);
                next = NextBoundary();
            }

            var wait = next is { } boundary
                ? TimeSpan.FromTicks(Math.Clamp((boundary - now + BoundarySlack).Ticks, 0, LongestWait.Ticks))
                : Timeout.InfiniteTimeSpan;
            try
            {
                await _changed.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void OnChanged(FaultChange change)
    {
        lock (_gate)
        {
            // Boundaries the old state passed before the change did happen; those of the new state count from the change on.
            ReportUpTo(change.At);
            _watched = _board.Current;
            _reportedUpTo = change.At > _reportedUpTo ? change.At : _reportedUpTo;
        }

        _changed.Release();
    }

    // Callers hold _gate.
    private void ReportUpTo(DateTimeOffset now)
    {
        if (now <= _reportedUpTo)
        {
            return;
        }

        var boundaries = new List<(DateTimeOffset At, bool Opens, ProbeKind Kind, ProbeFault Fault)>();
        foreach (var kind in ProbeKindNames.All)
        {
            var fault = _watched.For(kind);
            if (fault.Mode == FaultMode.Ok)
            {
                continue;
            }

            if (fault.ActiveFrom is { } from && from > _reportedUpTo && from <= now)
            {
                boundaries.Add((from, true, kind, fault));
            }

            if (fault.ActiveUntil is { } until && until > _reportedUpTo && until <= now)
            {
                boundaries.Add((until, false, kind, fault));
            }
        }

        foreach (var (at, opens, kind, fault) in boundaries.OrderBy(boundary => boundary.At))
        {
            if (opens)
            {
                _events.FaultActive(at, kind, fault);
            }
            else
            {
                _events.FaultEnded(at, kind, fault);
            }
        }

        _reportedUpTo = now;
    }

    // Callers hold _gate.
    private DateTimeOffset? NextBoundary() =>
        ProbeKindNames.All
            .Select(_watched.For)
            .Where(fault => fault.Mode != FaultMode.Ok)
            .SelectMany(fault => new[] { fault.ActiveFrom, fault.ActiveUntil })
            .Where(moment => moment > _reportedUpTo)
            .Min();
}
