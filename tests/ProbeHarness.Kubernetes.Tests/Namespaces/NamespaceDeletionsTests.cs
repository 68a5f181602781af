using ProbeHarness.Kubernetes.Namespaces;
using ProbeHarness.Kubernetes.Tests.Support;

namespace ProbeHarness.Kubernetes.Tests.Namespaces;

public sealed class NamespaceDeletionsTests
{
    [Fact]
    public async Task Draining_waits_for_a_deletion_still_running_and_says_so()
    {
        // Given a deletion that ends only when released
        var deletions = new NamespaceDeletions();
        var release = new TaskCompletionSource();
        deletions.Track("ph-a", () => release.Task);
        var progress = new ProgressLog();

        // When the run drains, and the deletion ends meanwhile
        var draining = deletions.DrainAsync(TimeSpan.FromSeconds(20), progress, "[kubeconfig]", TimeProvider.System);
        release.SetResult();
        var left = await draining;

        // Then nothing is left, and the wait was shown with its duration
        Assert.Equal(0, left);
        Assert.Equal(0, deletions.Pending);
        Assert.Contains(progress.Lines, line => line.StartsWith("[kubeconfig] waiting for 1 namespace deletion(s), 0 s of 20 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deletion_that_outlasts_the_drain_is_named_and_a_failed_one_reported()
    {
        // Given one deletion that never ends and one that fails
        var deletions = new NamespaceDeletions();
        deletions.Track("ph-stuck", () => new TaskCompletionSource().Task);
        deletions.Track("ph-broken", () => Task.FromException(new InvalidOperationException("the API server said no")));
        var progress = new ProgressLog();

        // When the run drains for a short while
        var left = await deletions.DrainAsync(TimeSpan.FromMilliseconds(300), progress, "[kubeconfig]", TimeProvider.System);

        // Then the stuck one is counted and named, and the failure is reported rather than thrown
        Assert.Equal(1, left);
        Assert.Contains(progress.Lines, line => line == "[kubeconfig] 1 namespace(s) still being deleted after 0 s: ph-stuck");
        Assert.Contains(progress.Lines, line => line == "[kubeconfig] could not delete namespace ph-broken: the API server said no");
    }
}
