using k8s.Models;
using ProbeHarness.Emulated.Probing;
using ProbeHarness.Emulated.Tests.Support;
using ProbeHarness.Kubelet;
using ProbeHarness.Kubelet.Runtime;

namespace ProbeHarness.Emulated.Tests.Probing;

public sealed class EmulatedProbeRunnerExecTests : IAsyncLifetime
{
    private readonly EmulatedProbeRunner _runner = new(new KubeletOptions());
    private readonly TestRuntime _runtime = new();
    private V1Container _container = null!;
    private IContainerInstance _instance = null!;

    public async ValueTask InitializeAsync()
    {
        _container = TestRuntime.Busybox("sleep", "60");
        _container.Env =
        [
            new V1EnvVar { Name = "GREETING", Value = "hello" },
            new V1EnvVar { Name = "POD", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.name" } } },
        ];
        _instance = await _runtime.StartAsync(TestRuntime.Pod(_container));
    }

    public async ValueTask DisposeAsync()
    {
        _runner.Dispose();
        await _runtime.DisposeAsync();
    }

    [Fact]
    public async Task Exit_0_succeeds_with_the_output()
    {
        // Given / When
        var outcome = await RunAsync("echo", "$(GREETING)", "[$(POD)]");

        // Then: only literal env values expand; a downward API value expands to nothing, as in the kubelet.
        Assert.Equal(new ProbeOutcome(ProbeResult.Success, "hello []\n"), outcome);
    }

    [Fact]
    public async Task A_non_zero_exit_fails_with_the_output()
    {
        // Given / When
        var outcome = await RunAsync("cat", "/tmp/healthy");

        // Then
        Assert.Equal(ProbeResult.Failure, outcome.Result);
        Assert.Contains("/tmp/healthy", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_fails_with_the_cri_text()
    {
        // Given / When
        var outcome = await RunAsync("sleep", "5");

        // Then
        Assert.Equal(new ProbeOutcome(ProbeResult.Failure, "command timed out: \"sleep 5\" timed out after 1s"), outcome);
    }

    private Task<ProbeOutcome> RunAsync(params string[] command) =>
        _runner.RunAsync(
            new V1Probe { Exec = new V1ExecAction { Command = command }, TimeoutSeconds = 1 },
            new ProbeTarget("127.20.0.9", _container, _instance),
            TestContext.Current.CancellationToken);
}
