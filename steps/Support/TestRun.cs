using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Backends;

namespace ProbeHarness.Steps.Support;

/// <summary>The one backend of a test run, started by the <c>[BeforeTestRun]</c> hook and shared by every scenario.</summary>
public static class TestRun
{
    private static IClusterBackend? _backend;
    private static readonly List<IDisposable> _owned = [];
    private static Exception? _startFailure;

    /// <summary>The run's backend; throws the start failure when it could not start.</summary>
    public static IClusterBackend Backend => _startFailure is not null
        ? throw new ClusterUnavailableException($"The backend did not start: {_startFailure.Message}", _startFailure)
        : _backend ?? throw new InvalidOperationException("No backend: the [BeforeTestRun] hook has not run.");

    /// <summary>True when the backend failed to start, so each scenario reports an environment error.</summary>
    public static bool FailedToStart => _startFailure is not null;

    /// <summary>The label each output line carries, e.g. <c>[emulated]</c>.</summary>
    public static string Label => _backend?.Info.Label ?? "[harness]";

    /// <summary>Where scenario records go: <c>HARNESS_RESULTS_DIR</c>, else <c>artifacts/results/&lt;backend&gt;/</c> under the repository.</summary>
    public static string ResultsDirectory =>
        Environment.GetEnvironmentVariable("HARNESS_RESULTS_DIR") is { Length: > 0 } fromEnvironment
            ? Path.GetFullPath(fromEnvironment)
            : Path.Combine(RepositoryPaths.Root, "artifacts", "results", _backend?.Info.Name ?? "unknown");

    /// <summary>True when <c>HARNESS_KEEP_ON_FAILURE</c> is set: a failed scenario's namespace is kept for inspection.</summary>
    public static bool KeepOnFailure { get; private set; }

    /// <summary>The most replicas a scenario may ask for (<c>HARNESS_MAX_REPLICAS</c>, default 10).</summary>
    public static int MaxReplicas { get; private set; } = BackendOptions.DefaultMaxReplicas;

    /// <summary>Takes the run's options (read once, at the start of the run).</summary>
    internal static void Configure(BackendOptions options)
    {
        KeepOnFailure = options.KeepOnFailure;
        MaxReplicas = options.MaxReplicas;
    }

    /// <summary>Makes <paramref name="backend"/> the run's backend (before it is started, so its label is known).</summary>
    internal static void Use(IClusterBackend backend) => _backend = backend;

    /// <summary>Remembers why the backend could not start; every scenario then fails with this reason.</summary>
    internal static void FailStart(Exception failure) => _startFailure = failure;

    /// <summary>Disposes <paramref name="resource"/> after the backend at the end of the run (e.g. the emulated kubelet's log).</summary>
    internal static void Own(IDisposable resource) => _owned.Add(resource);

    /// <summary>Disposes the backend, then what the run owns, at the end of the run.</summary>
    internal static async Task StopAsync()
    {
        if (_backend is { } backend)
        {
            _backend = null;
            await backend.DisposeAsync();
        }

        foreach (var resource in _owned)
        {
            resource.Dispose();
        }

        _owned.Clear();
    }
}
