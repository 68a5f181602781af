using System.Globalization;
using System.Text.Json;
using ProbeHarness.Gherkin.Execution;
using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Steps.Support;

/// <summary>
/// Records the suite run for the benchmark (<see cref="SuiteRun"/>): its span, the backend's start and stop, the
/// scenario cap, and the machine's one-minute load average every few seconds; written beside the scenario records.
/// </summary>
public static class SuiteRunRecorder
{
    private const string LoadAverageFile = "/proc/loadavg";
    private static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(5);
    private static readonly Lock Gate = new();
    private static readonly List<LoadSample> Samples = [];
    private static DateTimeOffset _startedAt;
    private static double _backendStartSeconds;
    private static Timer? _sampler;
    private static readonly JsonSerializerOptions Json = new(ScenarioRecordReader.Options) { WriteIndented = true };

    /// <summary>Starts the run's clock and the load sampler.</summary>
    public static void Start()
    {
        _startedAt = DateTimeOffset.UtcNow;
        Sample();
        _sampler = new Timer(_ => Sample(), null, SampleInterval, SampleInterval);
    }

    /// <summary>Notes that the backend is up (or failed to start).</summary>
    public static void BackendStarted() => _backendStartSeconds = Seconds(DateTimeOffset.UtcNow - _startedAt);

    /// <summary>Stops sampling and writes the suite file into <paramref name="resultsDirectory"/>.</summary>
    public static async Task WriteAsync(string resultsDirectory, string backend, double backendStopSeconds)
    {
        if (_sampler is { } sampler)
        {
            await sampler.DisposeAsync();
        }

        Sample();
        LoadSample[] load;
        lock (Gate)
        {
            load = [.. Samples];
        }

        var run = new SuiteRun
        {
            Backend = backend,
            Host = Environment.MachineName,
            ProcessorCount = Environment.ProcessorCount,
            // A refused setting fails every scenario naming it; the suite file then says 0.
            ConcurrencyCap = ScenarioSlots.TryCap().Cap?.Value ?? 0,
            StartedAt = _startedAt,
            EndedAt = DateTimeOffset.UtcNow,
            BackendStartSeconds = _backendStartSeconds,
            BackendStopSeconds = Seconds(TimeSpan.FromSeconds(backendStopSeconds)),
            Load = load,
        };
        var file = Path.Combine(resultsDirectory, SuiteRun.RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(run, Json));
        RunOutput.Write($"suite record: {file}");
    }

    /// <summary>Removes a previous run's suite file, so the folder describes this run only.</summary>
    public static void ForgetPrevious(string resultsDirectory)
    {
        var file = Path.Combine(resultsDirectory, SuiteRun.RelativePath);
        if (File.Exists(file))
        {
            File.Delete(file);
        }
    }

    private static void Sample()
    {
        if (ReadLoad() is { } load)
        {
            lock (Gate)
            {
                Samples.Add(new LoadSample(DateTimeOffset.UtcNow, load));
            }
        }
    }

    // The first field of /proc/loadavg; absent on hosts without it (the benchmark then says "not sampled").
    private static double? ReadLoad()
    {
        try
        {
            var text = File.Exists(LoadAverageFile) ? File.ReadAllText(LoadAverageFile) : null;
            var first = text?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 3);
}
