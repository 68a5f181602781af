using ProbeHarness.Kubelet.Tests.Fakes;
using static ProbeHarness.Kubelet.Tests.Fakes.TestPods;

namespace ProbeHarness.Kubelet.Tests;

/// <summary>The kubelet on the real clock, with callbacks on thread-pool threads (how the emulated backend runs it).</summary>
public sealed class PodKubeletSystemClockTests
{
    [Fact]
    public async Task Start_terminate_and_dispose_complete_on_the_system_clock()
    {
        // Given a kubelet on TimeProvider.System with an instant runtime and a prober
        var runtime = new FakeContainerRuntime(TimeProvider.System) { StartLatency = TimeSpan.Zero };
        var prober = new FakeProbeRunner(TimeProvider.System);
        var kubelet = new PodKubelet(Pod(Container(readiness: Http("/ready", period: 1))), "127.0.0.10", runtime, prober, TimeProvider.System, new KubeletOptions());
        var timeout = TimeSpan.FromSeconds(10);

        // When it starts, is read concurrently, is deleted and disposed
        await kubelet.StartAsync(TestContext.Current.CancellationToken).WaitAsync(timeout, TestContext.Current.CancellationToken);
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                Assert.NotNull(kubelet.Snapshot().Status);
            }
        }, TestContext.Current.CancellationToken));
        await Task.WhenAll(readers).WaitAsync(timeout, TestContext.Current.CancellationToken);
        await kubelet.TerminateAsync(2, TestContext.Current.CancellationToken).WaitAsync(timeout, TestContext.Current.CancellationToken);
        await kubelet.DisposeAsync();

        // Then the pod went through and ended terminated, with the instance disposed
        var pod = kubelet.Snapshot();
        Assert.Equal("Failed", pod.Status.Phase);
        Assert.Equal(143, pod.Status.ContainerStatuses[0].State.Terminated.ExitCode);
        Assert.True(runtime.Instances.Single().Disposed);
        Assert.Contains(prober["/ready"].Calls, _ => true);
    }
}
