using k8s;
using ProbeHarness.Kubernetes.Namespaces;
using ProbeHarness.Kubernetes.Tests.Support;

namespace ProbeHarness.Kubernetes.Tests.Namespaces;

public sealed class KubernetesConnectionTests
{
    [Fact]
    public void Kubectl_commands_name_the_kubeconfig_and_the_context()
    {
        // Given connections with and without a context
        var configuration = new KubernetesClientConfiguration { Host = "https://127.0.0.1:6443" };
        using var withContext = KubernetesConnection.Create(configuration, "/home/dev/.kube/kind.yaml", "kind-probes", StubApiServer.FastRetry, TimeProvider.System);
        using var withoutContext = KubernetesConnection.Create(configuration, "/tmp/k3s.yaml", null, StubApiServer.FastRetry, TimeProvider.System);

        // When the kubectl prefix for a namespace is built
        // Then it reaches that namespace the way the harness does
        Assert.Equal("kubectl --kubeconfig /home/dev/.kube/kind.yaml --context kind-probes -n ph-a", withContext.KubectlFor("ph-a"));
        Assert.Equal("kubectl --kubeconfig /tmp/k3s.yaml -n ph-a", withoutContext.KubectlFor("ph-a"));
        Assert.Equal("https://127.0.0.1:6443", withContext.ApiServer);
    }
}
