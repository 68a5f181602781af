using ProbeHarness.TargetApp.Configuration;
using ProbeHarness.TargetApp.Faults;
using ProbeHarness.TargetApp.Logging;
using ProbeHarness.TargetApp.Probes;

namespace ProbeHarness.TargetApp.Files;

/// <summary>Keeps <c>HEALTH_FILE</c> present exactly while liveness is healthy, so <c>cat /tmp/healthy</c> works as an exec probe.</summary>
/// <remarks>
/// Updated synchronously on every fault change (before the fault API answers) and at the moments a liveness fault window
/// opens or closes; it never polls, since up to 30 idle instances share two cores in the emulated backend.
/// </remarks>
public sealed class HealthFileSync : BackgroundService
{
    private static readonly TimeSpan BoundarySlack = TimeSpan.FromMilliseconds(5);

    private readonly string _path;
    private readonly ProbeEvaluator _evaluator;
    private readonly FaultBoard _board;
    private readonly JsonLineLog _log;
    private readonly AppEventLog _events;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _changed = new(0);
    private bool? _present;

    /// <summary>Creates the sync for the configured file.</summary>
    public HealthFileSync(TargetAppSettings settings, ProbeEvaluator evaluator, FaultBoard board, JsonLineLog log, AppEventLog events, TimeProvider time)
    {
        _events = events;
        _path = settings.HealthFile;
        _evaluator = evaluator;
        _board = board;
        _log = log;
        _time = time;
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _board.Changed -= OnChanged;
        await base.StopAsync(cancellationToken);
        lock (_gate)
        {
            // A stopped process is not live; a file left behind would fool the next exec probe.
            Apply(false);
        }
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
            Sync();
            var wait = _evaluator.NextFaultChange(ProbeKind.Liveness) is { } next
                ? TimeSpan.FromTicks(Math.Max(0, (next - _time.GetUtcNow() + BoundarySlack).Ticks))
                : Timeout.InfiniteTimeSpan;
            await _changed.WaitAsync(wait, stoppingToken);
        }
    }

    private void OnChanged(FaultChange change)
    {
        Sync();
        _changed.Release();
    }

    private void Sync()
    {
        lock (_gate)
        {
            Apply(_evaluator.IsLivenessHealthy());
        }
    }

    private void Apply(bool healthy)
    {
        if (_present == healthy)
        {
            return;
        }

        try
        {
            if (healthy)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
                AtomicFile.Write(_path, "ok\n");
            }
            else
            {
                File.Delete(_path);
            }

            // Stamped once the file operation is done: an exec probe from here on sees the new state.
            _events.HealthFileChanged(_events.Now(), _path, healthy);
            _present = healthy;
            _log.Write("health-file", json =>
            {
                json.WriteString("path", _path);
                json.WriteBoolean("present", healthy);
            });
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _log.Write("error", json =>
            {
                json.WriteString("component", "health-file");
                json.WriteString("message", exception.Message);
            });
        }
    }
}
