using System.Globalization;
using ProbeHarness.TargetApp.Configuration;
using ProbeHarness.TargetApp.Logging;
using ProbeHarness.TargetApp.Memory;

namespace ProbeHarness.TargetApp.Files;

/// <summary>Keeps the working set in whole MB in <c>MEMORY_FILE</c>, sampled every second, for a "memory leak → exec liveness" probe.</summary>
public sealed class MemoryFileWriter : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private readonly string _path;
    private readonly JsonLineLog _log;
    private readonly AppEventLog _events;

    /// <summary>Creates the writer for the configured file.</summary>
    public MemoryFileWriter(TargetAppSettings settings, JsonLineLog log, AppEventLog events)
    {
        _path = settings.MemoryFile;
        _log = log;
        _events = events;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        var reportedError = false;
        long? written = null;
        do
        {
            try
            {
                // Sampled every second, rewritten only when the value moved: idle instances stay cheap.
                var megabytes = MemoryBallast.WorkingSetMegabytes;
                if (megabytes != written)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
                    AtomicFile.Write(_path, megabytes.ToString(CultureInfo.InvariantCulture) + "\n");
                    _events.MemoryFileChanged(_events.Now(), _path, megabytes);
                    written = megabytes;
                }

                reportedError = false;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException && !reportedError)
            {
                reportedError = true;
                _log.Write("error", json =>
                {
                    json.WriteString("component", "memory-file");
                    json.WriteString("message", exception.Message);
                });
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Already reported; keep trying quietly.
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
