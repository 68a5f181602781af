using ProbeHarness.Cluster;
using ProbeHarness.Kubernetes.Existing;
using ProbeHarness.Kubernetes.Tests.Support;

namespace ProbeHarness.Kubernetes.Tests.Existing;

public sealed class KubeconfigLoaderTests
{
    [Fact]
    public void Loads_the_current_context()
    {
        // Given a kubeconfig with a current context
        var path = KubeconfigFiles.Write("https://127.0.0.1:6443", "kind-probes", "kind-probes", "prod");

        // When it is loaded without a context
        var (configuration, context) = KubeconfigLoader.Load(path, "HARNESS_KUBECONFIG", null);

        // Then the current context's server and token are used
        Assert.Equal("kind-probes", context);
        Assert.Equal("https://127.0.0.1:6443", configuration.Host);
        Assert.Equal("stub-token", configuration.AccessToken);
        File.Delete(path);
    }

    [Fact]
    public void A_missing_file_is_named_with_its_source()
    {
        // Given a path where nothing is
        // When it is loaded
        var error = Assert.Throws<ClusterUnavailableException>(() => KubeconfigLoader.Load("/nowhere/config", "KUBECONFIG", null));

        // Then the message names the file, where it came from and how to get one
        Assert.StartsWith("The kubeconfig /nowhere/config (from KUBECONFIG) does not exist.", error.Message);
        Assert.Contains("kind get kubeconfig", error.Message);
    }

    [Fact]
    public void A_context_that_is_not_there_lists_the_ones_that_are()
    {
        // Given a kubeconfig with two contexts
        var path = KubeconfigFiles.Write("https://127.0.0.1:6443", "kind-probes", "kind-probes", "prod");

        // When another context is asked for
        var error = Assert.Throws<ClusterUnavailableException>(() => KubeconfigLoader.Load(path, "HARNESS_KUBECONFIG", "k3d-dev"));

        // Then the message names the context, the variable and the contexts there are
        Assert.Equal($"Context 'k3d-dev' (HARNESS_KUBE_CONTEXT) is not in the kubeconfig {path} (from HARNESS_KUBECONFIG); it has: kind-probes, prod.", error.Message);
        File.Delete(path);
    }

    [Fact]
    public void A_file_without_current_context_asks_for_one()
    {
        // Given a kubeconfig whose current-context is empty
        var path = KubeconfigFiles.Write("https://127.0.0.1:6443", "", "a", "b");

        // When it is loaded without a context
        var error = Assert.Throws<ClusterUnavailableException>(() => KubeconfigLoader.Load(path, "~/.kube/config", null));

        // Then the message lists the choices
        Assert.EndsWith("has no current-context; set HARNESS_KUBE_CONTEXT to one of: a, b.", error.Message);
        File.Delete(path);
    }

    [Fact]
    public void A_file_that_is_not_yaml_is_named()
    {
        // Given a broken file
        var path = Path.Combine(Path.GetTempPath(), $"ph-broken-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "clusters: [unclosed\n  - : :");

        // When it is loaded
        var error = Assert.Throws<ClusterUnavailableException>(() => KubeconfigLoader.Load(path, "HARNESS_KUBECONFIG", null));

        // Then the message names the file
        Assert.StartsWith($"The kubeconfig {path} (from HARNESS_KUBECONFIG) cannot be read:", error.Message);
        File.Delete(path);
    }

    [Theory]
    [InlineData("apiVersion: v1\nclusters: [unclosed\n  - : :", 3)]
    [InlineData("apiVersion: v1\nkind: Config\ncontexts: 5\n", 3)]
    [InlineData("just some garbage text, not a kubeconfig", 1)]
    public void A_garbage_kubeconfig_is_named_with_its_line(string text, int line)
    {
        // Given
        var path = Path.Combine(Path.GetTempPath(), $"ph-garbage-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);

        // When
        var error = Assert.Throws<ClusterUnavailableException>(() => KubeconfigLoader.Load(path, "HARNESS_KUBECONFIG", null));

        // Then
        File.Delete(path);
        Assert.True(error.Message.StartsWith($"The kubeconfig {path} (from HARNESS_KUBECONFIG) cannot be read: line {line}, column ", StringComparison.Ordinal), error.Message);
        Assert.DoesNotContain("Idx:", error.Message, StringComparison.Ordinal);
    }
}
