using System.Diagnostics;
using System.Globalization;
using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Backends;
using ProbeHarness.Emulated.Containers;
using ProbeHarness.Emulated.Images;
using ProbeHarness.Emulated.Network;
using ProbeHarness.Emulated.Probing;
using ProbeHarness.Emulated.Processes;

namespace ProbeHarness.Emulated.Api;

/// <summary>
/// The emulated backend: no cluster. Each pod's containers are real processes on their own loopback address, judged by the kubelet
/// emulator (<see cref="Kubelet.PodKubelet"/>); an in-memory API server produces the same pod, EndpointSlice and event objects as a cluster.
/// </summary>
public sealed class EmulatedClusterBackend : IClusterBackend
{
    private const string TargetAppRepository = "probe-harness/target-app";

    private static int _backendsStarted;

    private readonly EmulatedBackendOptions _options;
    private readonly List<EmulatedNamespace> _namespaces = [];
    private readonly Lock _gate = new();
    private ProcessGroupLedger? _ledger;
    private LoopbackAddressPool? _addresses;
    private ProcessContainerRuntime? _runtime;
    private EmulatedProbeRunner? _prober;
    private IProgress<string> _progress = new Progress<string>();
    private int _sequence;
    private bool _kept;

    /// <summary>Creates the backend; nothing happens until <see cref="StartAsync"/>.</summary>
    public EmulatedClusterBackend(EmulatedBackendOptions? options = null)
    {
        _options = options ?? new EmulatedBackendOptions();
        Info = new BackendInfo(BackendKind.Emulated, $"emulated-{_options.Kubelet.KubeletVersion}",
            "emulated: no cluster; kubelet emulator on loopback (not started yet)");
    }

    /// <inheritdoc />
    public BackendInfo Info { get; private set; }

    /// <summary>This run's directory: process records, pod directories and container logs.</summary>
    public string? RunDirectory => _ledger?.RunDirectory;

    /// <summary>The loopback subnet pods and Services get their addresses from.</summary>
    public string? Subnet => _addresses?.Subnet;

    /// <inheritdoc />
    public Task StartAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        _progress = progress;
        if (!OperatingSystem.IsLinux())
        {
            throw new ClusterUnavailableException("the emulated backend needs Linux (/proc, process groups, 127.0.0.0/8 on lo)");
        }

        // First, so the threads the start-up adds inherit it; said once per process, never failing the start.
        if (CpuPriority.Shared.RaiseProcess() is { } priority)
        {
            progress.Report($"[emulated] {priority}");
        }

        Phase("removing containers left by earlier runs", () =>
        {
            foreach (var message in OrphanSweeper.Sweep(_options.RootDirectory))
            {
                progress.Report($"[emulated] {message}");
            }

            if (LoopbackAddressPool.SweepStaleClaims(_options.SubnetClaimsDirectory) is > 0 and var claims)
            {
                progress.Report($"[emulated] removed {claims} subnet claim(s) of stopped runs from {_options.SubnetClaimsDirectory}");
            }
        });

        var images = Phase("checking the image map, dotnet and the target app build", () => Preflight(_options.Images ?? EmulatedImageMap.Load()));
        // Several backends may start in one process within a second (parallel test classes): the counter keeps their directories apart.
        var runId = string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}-{Interlocked.Increment(ref _backendsStarted)}");
        var runDirectory = Path.Combine(_options.RootDirectory, runId);
        Phase($"creating run directory {runDirectory}", () =>
        {
            _ledger = new ProcessGroupLedger(runDirectory);
            _addresses = new LoopbackAddressPool(_options.SubnetClaimsDirectory);
            _runtime = new ProcessContainerRuntime(images, Path.Combine(runDirectory, "pods"), _ledger, TimeProvider.System);
            _prober = new EmulatedProbeRunner(_options.Kubelet);
        });

        Info = Info with
        {
            Description = $"emulated: no cluster; kubelet emulator on loopback {_addresses!.Subnet} "
                + $"(kubelet {_options.Kubelet.KubeletVersion} semantics, node {_options.Kubelet.NodeName}, run {runId})",
        };
        progress.Report($"{Info.Label} {Info.Description}");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IScenarioNamespace> CreateNamespaceAsync(string scenarioSlug, CancellationToken cancellationToken)
    {
        if (_runtime is null)
        {
            throw new InvalidOperationException("the emulated backend is not started: call StartAsync first");
        }

        lock (_gate)
        {
            var sequence = ++_sequence;
            var prefix = $"ph-emu-{sequence.ToString(CultureInfo.InvariantCulture)}-";
            var name = (prefix + ObjectNames.Slug(scenarioSlug, 63 - prefix.Length)).TrimEnd('-');
            var context = new EmulatedNamespaceContext(Info, _runtime, _prober!, _addresses!, _options.Kubelet, _ledger!, _progress,
                () =>
                {
                    _kept = true;
                    _ledger!.KeepRunDirectory();
                });
            var created = new EmulatedNamespace(name, context);
            _namespaces.Add(created);
            return Task.FromResult<IScenarioNamespace>(created);
        }
    }

    /// <summary>Releases every namespace not yet released, kills every process this run started and removes the run directory (kept namespaces keep theirs).</summary>
    public async ValueTask DisposeAsync()
    {
        List<EmulatedNamespace> namespaces;
        lock (_gate)
        {
            namespaces = [.. _namespaces];
            _namespaces.Clear();
        }

        foreach (var created in namespaces)
        {
            await created.DisposeAsync().ConfigureAwait(false);
        }

        if (_runtime is not null)
        {
            await _runtime.DisposeAsync().ConfigureAwait(false);
        }

        _prober?.Dispose();
        _ledger?.Dispose();
        _addresses?.Dispose();
        if (_ledger is not null && !_kept && Directory.Exists(_ledger.RunDirectory))
        {
            try
            {
                Directory.Delete(_ledger.RunDirectory, recursive: true);
            }
            catch (IOException e)
            {
                _progress.Report($"[emulated] run directory {_ledger.RunDirectory} not removed: {e.Message}");
            }
        }
    }

    private EmulatedImageMap Preflight(EmulatedImageMap images)
    {
        foreach (var tool in new[] { "setsid", "sh" })
        {
            if (ExecutableSearch.Find(tool, ExecutableSearch.HostPath) is null)
            {
                throw new ClusterUnavailableException($"the emulated backend needs {tool} on PATH (util-linux / a POSIX shell)");
            }
        }

        try
        {
            var target = images.Resolve(TargetAppRepository);
            _progress.Report($"[emulated] {TargetAppRepository} → {string.Join(' ', target.Entrypoint)}");
        }
        catch (FileNotFoundException e)
        {
            throw new ClusterUnavailableException($"the emulated backend cannot run the target app: {e.Message}", e);
        }
        catch (KeyNotFoundException)
        {
            // A custom image map without the target app: scenarios with other images still run.
        }

        return images;
    }

    private void Phase(string what, Action action) => Phase(what, () =>
    {
        action();
        return true;
    });

    private T Phase<T>(string what, Func<T> action)
    {
        var started = Stopwatch.GetTimestamp();
        var result = action();
        _progress.Report($"[emulated] {what}: done in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s");
        return result;
    }
}
