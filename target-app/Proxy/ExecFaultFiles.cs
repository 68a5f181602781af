using System.Globalization;
using ProbeHarness.TargetApp.Configuration;
using ProbeHarness.TargetApp.Faults;
using ProbeHarness.TargetApp.Files;
using ProbeHarness.TargetApp.Probes;

namespace ProbeHarness.TargetApp.Proxy;

/// <summary>
/// Tells the exec probe shim in the app's container what each probe's fault is: <c>PROXY_EXEC_FAULT_DIR/&lt;probe&gt;</c> holds
/// <c>fail</c>, <c>hang</c> or <c>slow &lt;seconds&gt;</c> while that fault is active, and is absent otherwise (the shim then runs the
/// probe's own command). Flap and redirect have no exec meaning and leave the file absent.
/// </summary>
/// <remarks>Rewritten on every fault change (before the fault API answers) and when a scheduled window opens or closes.</remarks>
public sealed class ExecFaultFiles : BackgroundService
{
    private static readonly TimeSpan BoundarySlack = TimeSpan.FromMilliseconds(5);
    private static readonly ProbeKind[] Kinds = [ProbeKind.Liveness, ProbeKind.Readiness, ProbeKind.Startup];

    private readonly string _directory;
    private readonly FaultBoard _board;
    private readonly ProbeEvaluator _evaluator;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _changed = new(0);
    private readonly Dictionary<ProbeKind, string?> _written = [];

    /// <summary>Creates the writer for the proxy's exec fault directory.</summary>
    public ExecFaultFiles(TargetAppSettings settings, FaultBoard board, ProbeEvaluator evaluator, TimeProvider time)
    {
        _evaluator = evaluator;
        ArgumentNullException.ThrowIfNull(settings);
        _directory = settings.Proxy?.ExecFaultDirectory ?? throw new ArgumentException($"the proxy has no exec fault directory ({ProxySettings.ExecFaultDirectoryVariable})", nameof(settings));
        _board = board;
        _time = time;
    }

    /// <summary>What the shim reads for <paramref name="fault"/> at <paramref name="now"/>, or null for none (run the command).</summary>
    public static string? ContentFor(ProbeFault fault, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return !fault.IsActiveAt(now) ? null : fault.Mode switch
        {
            FaultMode.Fail => "fail",
            FaultMode.Hang => "hang",
            FaultMode.Slow => string.Create(CultureInfo.InvariantCulture, $"slow {(fault.DelayMs ?? 0) / 1000.0:0.###}"),
            _ => null,
        };
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(_directory);
        _board.Changed += OnChanged;
        try
        {
            // As HealthFileSync: woken by a fault change or at the next window boundary, never by polling.
            while (!stoppingToken.IsCancellationRequested)
            {
                Sync();
                var wait = _evaluator.NextFaultChange(Kinds) is { } next
                    ? TimeSpan.FromTicks(Math.Max(0, (next - _time.GetUtcNow() + BoundarySlack).Ticks))
                    : Timeout.InfiniteTimeSpan;
                await _changed.WaitAsync(wait, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            _board.Changed -= OnChanged;
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _changed.Dispose();
        base.Dispose();
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
            var now = _time.GetUtcNow();
            var faults = _board.Current;
            foreach (var kind in Kinds)
            {
                var content = ContentFor(faults.For(kind), now);
                if (_written.TryGetValue(kind, out var written) && written == content)
                {
                    continue;
                }

                var path = Path.Combine(_directory, kind.Name());
                if (content is null)
                {
                    File.Delete(path);
                }
                else
                {
                    AtomicFile.Write(path, content + "\n");
                }

                _written[kind] = content;
            }
        }
    }
}
