using k8s;
using ProbeHarness.Cluster;
using ProbeHarness.Kubernetes.Watching;

namespace ProbeHarness.Kubernetes.Tests.Watching;

public sealed class ClusterChangeStreamTests
{
    private static readonly WatchResumeSettings Fast = new(2, TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Merges_every_kind_into_one_stream()
    {
        // Given two kinds with one object each
        var first = new FakeResource().ThenList("1", FakeResource.Pod("a", "1"));
        var second = new FakeResource().ThenList("1", FakeResource.Pod("b", "1"));
        var reflectors = new[] { first, second }
            .Select(fake => new ResourceReflector(fake.Resource, "ns", TimeProvider.System, Fast, null)).ToList();

        // When the merged stream is read
        var names = new List<string>();
        await foreach (var change in ClusterChangeStream.MergeAsync(reflectors, TestContext.Current.CancellationToken))
        {
            names.Add(change.Object.Metadata.Name);
            if (names.Count == 2)
            {
                break;
            }
        }

        // Then both objects arrived as Added
        Assert.Equal(["a", "b"], names.Order());
    }

    [Fact]
    public async Task A_kind_that_gives_up_ends_the_stream_with_its_error()
    {
        // Given one healthy kind and one whose API keeps refusing
        var healthy = new FakeResource().ThenList("1", FakeResource.Pod("a", "1"));
        var broken = new FakeResource()
            .ThenListFails(new HttpRequestException("Connection refused"))
            .ThenListFails(new HttpRequestException("Connection refused"));
        var reflectors = new[] { healthy, broken }
            .Select(fake => new ResourceReflector(fake.Resource, "ns", TimeProvider.System, Fast, null)).ToList();

        // When the stream is read to its end
        var seen = new List<WatchEventType>();
        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(async () =>
        {
            await foreach (var change in ClusterChangeStream.MergeAsync(reflectors, TestContext.Current.CancellationToken))
            {
                seen.Add(change.Type);
            }
        });

        // Then the reader sees the reflector's error
        Assert.StartsWith("Watching pods in ns failed 2 times in a row", error.Message);
    }
}
