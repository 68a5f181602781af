using k8s;
using ProbeHarness.Kubernetes.Api;

namespace ProbeHarness.Kubernetes.Namespaces;

/// <summary>One API server connection shared by a backend and its namespaces: the client, the retry policy, the proxy and how a person reaches the cluster.</summary>
public sealed class KubernetesConnection : IDisposable
{
    /// <summary>How long one proxied HTTP request to a pod or Service may take.</summary>
    public static readonly TimeSpan ProxyRequestTimeout = TimeSpan.FromSeconds(30);

    private KubernetesConnection(
        k8s.Kubernetes client, KubernetesClientConfiguration configuration, string kubeconfigPath, string? context, ApiRetrySettings retry, TimeProvider time)
    {
        Client = client;
        KubeconfigPath = kubeconfigPath;
        Context = context;
        Time = time;
        ApiServer = configuration.Host;
        Api = new ApiCallPolicy(configuration.Host, retry, time);
        Proxy = new ApiServerProxy(client, configuration.TlsServerName, ProxyRequestTimeout);
    }

    /// <summary>The KubernetesClient client.</summary>
    public k8s.Kubernetes Client { get; }

    /// <summary>The API server's address.</summary>
    public string ApiServer { get; }

    /// <summary>The retry policy for API calls and waits.</summary>
    public ApiCallPolicy Api { get; }

    /// <summary>HTTP to pods and Services through the API server.</summary>
    public ApiServerProxy Proxy { get; }

    /// <summary>The kubeconfig file a person can use to reach the cluster.</summary>
    public string KubeconfigPath { get; }

    /// <summary>The kubeconfig context, or null for the file's current one.</summary>
    public string? Context { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Connects with a client configuration.</summary>
    public static KubernetesConnection Create(
        KubernetesClientConfiguration configuration, string kubeconfigPath, string? context, ApiRetrySettings retry, TimeProvider time) =>
        new(new k8s.Kubernetes(configuration), configuration, kubeconfigPath, context, retry, time);

    /// <summary>The kubectl prefix that reaches a namespace, e.g. <c>kubectl --kubeconfig /tmp/k.yaml -n ph-abc</c>.</summary>
    public string KubectlFor(string @namespace) =>
        $"kubectl --kubeconfig {KubeconfigPath}{(Context is null ? string.Empty : $" --context {Context}")} -n {@namespace}";

    /// <inheritdoc />
    public void Dispose() => Client.Dispose();
}
