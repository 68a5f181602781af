using System.Diagnostics;
using ProbeHarness.Emulated.Api;
using ProbeHarness.Emulated.Tests.Support;

namespace ProbeHarness.Emulated.Tests.Api;

public sealed class EmulatedClusterBackendTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "probe-harness-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Start_removes_containers_a_dead_harness_left_and_says_so()
    {
        // Given
        var orphan = Orphans.Leave(_root, "20260101-000000-1");
        var progress = new TestProgress();
        await using var backend = new EmulatedClusterBackend(new EmulatedBackendOptions { RootDirectory = _root });

        // When
        await backend.StartAsync(progress, TestContext.Current.CancellationToken);

        // Then
        Assert.Contains(progress.Lines, line => line == "[emulated] removed 1 orphaned container process group(s) of run 20260101-000000-1 (harness pid 2147483000 is gone)");
        var watch = Stopwatch.StartNew();
        while (Orphans.IsAlive(orphan) && watch.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.False(Orphans.IsAlive(orphan));
    }

    [Fact]
    public async Task Info_says_emulated_everywhere()
    {
        // Given
        await using var backend = new EmulatedClusterBackend(new EmulatedBackendOptions { RootDirectory = _root });

        // When
        await backend.StartAsync(new TestProgress(), TestContext.Current.CancellationToken);
        await using var scenario = await backend.CreateNamespaceAsync("Readiness: flapping endpoint!", TestContext.Current.CancellationToken);

        // Then
        Assert.Equal("emulated", backend.Info.Name);
        Assert.True(backend.Info.IsEmulated);
        Assert.Equal("emulated-v1.32", backend.Info.KubernetesVersion);
        Assert.StartsWith($"emulated: no cluster; kubelet emulator on loopback {backend.Subnet}", backend.Info.Description, StringComparison.Ordinal);
        Assert.Equal("[emulated]", scenario.Backend.Label);
        Assert.Equal("ph-emu-1-readiness-flapping-endpoint", scenario.Name);
    }

    [Fact]
    public async Task Dispose_removes_the_run_directory()
    {
        // Given
        var backend = new EmulatedClusterBackend(new EmulatedBackendOptions { RootDirectory = _root });
        await backend.StartAsync(new TestProgress(), TestContext.Current.CancellationToken);
        var runDirectory = backend.RunDirectory!;
        Assert.True(Directory.Exists(runDirectory));

        // When
        await backend.DisposeAsync();

        // Then
        Assert.False(Directory.Exists(runDirectory));
    }
}
