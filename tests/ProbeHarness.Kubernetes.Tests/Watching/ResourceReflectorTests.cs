using System.Threading.Channels;
using k8s;
using ProbeHarness.Cluster;
using ProbeHarness.Kubernetes.Tests.Support;
using ProbeHarness.Kubernetes.Watching;

namespace ProbeHarness.Kubernetes.Tests.Watching;

public sealed class ResourceReflectorTests
{
    private static readonly WatchResumeSettings Fast = new(4, TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(30));

    private static async Task<List<string>> CollectAsync(FakeResource fake, int count, ProgressLog? log = null)
    {
        var channel = Channel.CreateUnbounded<ClusterChange>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        stop.CancelAfter(TimeSpan.FromSeconds(10));
        var reflector = new ResourceReflector(fake.Resource, "namespace ns", TimeProvider.System, Fast, log);
        var run = reflector.RunAsync(channel.Writer, stop.Token);
        var seen = new List<string>();
        while (seen.Count < count)
        {
            var change = await channel.Reader.ReadAsync(stop.Token);
            seen.Add($"{change.Type} {change.Object.Metadata.Name} {change.Object.Metadata.ResourceVersion}");
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        return seen;
    }

    [Fact]
    public async Task Reports_the_first_list_as_added_then_the_watch()
    {
        // Given a list of one pod and a watch that modifies it
        var fake = new FakeResource()
            .ThenList("10", FakeResource.Pod("a", "9"))
            .ThenWatch(null, (WatchEventType.Modified, FakeResource.Pod("a", "11")));

        // When the reflector runs
        var seen = await CollectAsync(fake, 2);

        // Then the pod is added, then modified, and the watch started at the list's resourceVersion
        Assert.Equal(["Added a 9", "Modified a 11"], seen);
        Assert.Equal(["10"], fake.WatchedFrom);
    }

    [Fact]
    public async Task A_dropped_watch_is_resumed_from_a_new_list_reporting_only_the_difference()
    {
        // Given a watch that drops after one change; meanwhile b was added, c deleted and a left unchanged
        var fake = new FakeResource()
            .ThenList("10", FakeResource.Pod("a", "9"), FakeResource.Pod("c", "5"))
            .ThenWatch(new IOException("connection reset by peer"), (WatchEventType.Modified, FakeResource.Pod("a", "11")))
            .ThenList("20", FakeResource.Pod("a", "11"), FakeResource.Pod("b", "15"))
            .ThenWatch(null, (WatchEventType.Deleted, FakeResource.Pod("b", "21")));
        var log = new ProgressLog();

        // When the reflector runs through the drop
        var seen = await CollectAsync(fake, 6, log);

        // Then nothing is repeated, nothing is missed, and the second watch starts at the second list
        Assert.Equal(["Added a 9", "Added c 5", "Modified a 11", "Added b 15", "Deleted c 5", "Deleted b 21"], seen);
        Assert.Equal(["10", "20"], fake.WatchedFrom);
        Assert.Contains(log.Lines, line => line.StartsWith("watch of pods in namespace ns dropped (connection reset by peer); resuming in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_watch_that_keeps_failing_gives_up_with_a_clear_error()
    {
        // Given an API server that refuses every list
        var fake = new FakeResource();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            fake.ThenListFails(new HttpRequestException("Connection refused (127.0.0.1:6443)"));
        }

        var reflector = new ResourceReflector(fake.Resource, "namespace ns", TimeProvider.System, Fast, null);

        // When the reflector runs
        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() =>
            reflector.RunAsync(Channel.CreateUnbounded<ClusterChange>().Writer, TestContext.Current.CancellationToken));

        // Then it tried four times and says what failed
        Assert.Equal(4, fake.Lists);
        Assert.Equal("Watching pods in namespace ns failed 4 times in a row: Connection refused (127.0.0.1:6443)", error.Message);
    }

    [Fact]
    public async Task A_non_transient_error_is_not_retried()
    {
        // Given a list that fails with a programming error
        var fake = new FakeResource().ThenListFails(new InvalidOperationException("forbidden"));
        var reflector = new ResourceReflector(fake.Resource, "namespace ns", TimeProvider.System, Fast, null);

        // When the reflector runs
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            reflector.RunAsync(Channel.CreateUnbounded<ClusterChange>().Writer, TestContext.Current.CancellationToken));

        // Then it failed on the first attempt
        Assert.Equal("forbidden", error.Message);
        Assert.Equal(1, fake.Lists);
    }
}
