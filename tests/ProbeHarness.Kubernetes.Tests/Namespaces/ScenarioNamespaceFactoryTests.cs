using ProbeHarness.Kubernetes.Namespaces;
using ProbeHarness.Kubernetes.Tests.Support;

namespace ProbeHarness.Kubernetes.Tests.Namespaces;

public sealed class ScenarioNamespaceFactoryTests
{
    [Fact]
    public async Task Numbers_namespaces_and_remembers_kept_ones()
    {
        // Given a factory on a stub API server that accepts namespaces
        await using var stub = await StubApiServer.StartAsync();
        stub.On("POST", "/api/v1/namespaces", StubResponse.Json("""{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"x"}}""", 201));
        var factory = new ScenarioNamespaceFactory(TestContexts.For(stub));

        // When two namespaces are created and the second is kept
        var first = await factory.CreateAsync("Startup", TestContext.Current.CancellationToken);
        var second = await factory.CreateAsync("Startup", TestContext.Current.CancellationToken);
        await second.ReleaseAsync(keep: true, TestContext.Current.CancellationToken);

        // Then the names differ by number and only the second is remembered as kept
        Assert.Equal("ph-r1-1-startup", first.Name);
        Assert.Equal("ph-r1-2-startup", second.Name);
        Assert.Equal(["ph-r1-2-startup"], factory.Kept);
    }
}
