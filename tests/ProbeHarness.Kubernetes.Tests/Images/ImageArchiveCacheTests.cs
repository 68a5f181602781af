using Docker.DotNet;
using ProbeHarness.Kubernetes.Images;
using ProbeHarness.Kubernetes.Tests.Support;

namespace ProbeHarness.Kubernetes.Tests.Images;

/// <summary>Saving images through the Docker Engine API (a stub on 127.0.0.1) into the archive cache.</summary>
public sealed class ImageArchiveCacheTests : IAsyncLifetime
{
    private StubApiServer _docker = null!;
    private string _cache = null!;

    public async ValueTask InitializeAsync()
    {
        _docker = await StubApiServer.StartAsync();
        _cache = Path.Combine(Path.GetTempPath(), $"ph-cache-{Guid.NewGuid():N}");
    }

    public async ValueTask DisposeAsync()
    {
        await _docker.DisposeAsync();
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    private DockerClient Client() => new DockerClientBuilder().WithEndpoint(new Uri($"tcp://127.0.0.1:{_docker.BaseAddress.Port}")).Build();

    [Fact]
    public async Task Saves_by_reference_once_and_reuses_the_archive_while_the_image_is_unchanged()
    {
        // Given an engine that saves the image under its reference
        var plan = ImageLoadPlan.For("sha256:" + new string('d', 64), _cache);
        _docker.On("GET", "/images/get", StubResponse.Bytes(TarArchives.DockerSave(plan.Reference)));
        using var client = Client();

        // When the archive is ensured twice
        var first = await ImageArchiveCache.EnsureSavedAsync(client, plan, TestContext.Current.CancellationToken);
        var second = await ImageArchiveCache.EnsureSavedAsync(client, plan, TestContext.Current.CancellationToken);

        // Then it was saved once, by reference, and reused the second time
        Assert.True(first);
        Assert.False(second);
        Assert.Equal(plan.Reference, Assert.Single(_docker.RequestsTo("GET", "/images/get")).Query["names"]);
        Assert.True(File.Exists(plan.HostTarPath));
        Assert.False(File.Exists(plan.HostTarPath + ".partial"));
    }

    [Fact]
    public async Task An_archive_without_the_name_is_not_kept()
    {
        // Given an engine whose archive names another image
        var plan = ImageLoadPlan.For("sha256:" + new string('e', 64), _cache);
        _docker.On("GET", "/images/get", StubResponse.Bytes(TarArchives.DockerSave("something/else:1")));
        using var client = Client();

        // When the archive is ensured
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ImageArchiveCache.EnsureSavedAsync(client, plan, TestContext.Current.CancellationToken));

        // Then it fails naming what the archive holds, and leaves no file for the next run to trust
        Assert.Contains("(it names: something/else:1)", error.Message);
        Assert.False(File.Exists(plan.HostTarPath));
        Assert.False(File.Exists(plan.HostTarPath + ".partial"));
    }
}
