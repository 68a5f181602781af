using ProbeHarness.Kubernetes.Namespaces;
using ProbeHarness.Kubernetes.Tests.Support;

namespace ProbeHarness.Kubernetes.Tests.Namespaces;

public sealed class TimedPhaseTests
{
    [Fact]
    public async Task Reports_what_was_done_with_its_duration()
    {
        // Given a phase
        var progress = new ProgressLog();

        // When it runs
        var result = await TimedPhase.RunAsync(progress, "[k3s]", TimeProvider.System, () => Task.FromResult(42), value => $"answered {value}");

        // Then its result is returned and one line says what and how long
        Assert.Equal(42, result);
        Assert.Matches(@"^\[k3s\] answered 42 in \d+\.\d s$", Assert.Single(progress.Lines));
    }
}
