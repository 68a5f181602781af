namespace ProbeHarness.Cluster.Backends;

/// <summary>The environment variables that configure the backend.</summary>
public static class EnvironmentVariables
{
    /// <summary><c>auto</c> (default), <c>k3s</c>, <c>kubeconfig</c> or <c>emulated</c>.</summary>
    public const string Backend = "HARNESS_BACKEND";

    /// <summary>The kubeconfig file for an existing cluster (before <c>KUBECONFIG</c> and <c>~/.kube/config</c>).</summary>
    public const string HarnessKubeconfig = "HARNESS_KUBECONFIG";

    /// <summary>kubectl's kubeconfig variable, used when <c>HARNESS_KUBECONFIG</c> is unset.</summary>
    public const string Kubeconfig = "KUBECONFIG";

    /// <summary>The kubeconfig context; the file's current context when unset.</summary>
    public const string KubeContext = "HARNESS_KUBE_CONTEXT";

    /// <summary>The K3s image reference, e.g. <c>rancher/k3s:v1.35.3-k3s1</c>.</summary>
    public const string K3sImage = "HARNESS_K3S_IMAGE";

    /// <summary>Seconds K3s may take to boot (default 180).</summary>
    public const string K3sBootTimeout = "HARNESS_K3S_BOOT_TIMEOUT";

    /// <summary>A folder the k3s backend saves the cluster's logs into before it removes the container (its output; the compat image's component logs, kubelet.log among them).</summary>
    public const string K3sLogs = "HARNESS_K3S_LOGS";

    /// <summary>The target app's image reference on an existing cluster.</summary>
    public const string TargetImage = "HARNESS_TARGET_IMAGE";

    /// <summary>Build arguments for <c>target-app/Dockerfile</c> on the k3s backend, <c>NAME=value</c> pairs separated by commas, e.g. <c>SDK_IMAGE=probe-harness/dotnet-sdk:10.0,RUNTIME_IMAGE=probe-harness/aspnet:10.0</c>.</summary>
    public const string TargetBuildArgs = "HARNESS_TARGET_BUILD_ARGS";

    /// <summary>Locally built images (in the Docker engine K3s runs on) the k3s backend loads into the cluster at start, comma-separated, e.g. <c>my-app:dev,my-worker:dev</c>.</summary>
    public const string LoadImages = "HARNESS_LOAD_IMAGES";

    /// <summary>Keep failed scenarios' namespaces (and the K3s cluster) for inspection.</summary>
    public const string KeepOnFailure = "HARNESS_KEEP_ON_FAILURE";

    /// <summary>The emulated kubelet's behaviour profile: <c>v1.20</c> or <c>v1.32</c> (default).</summary>
    public const string EmulatedKubeletVersion = "HARNESS_EMULATED_KUBELET_VERSION";

    /// <summary>The emulated kubelet's own log (klog text), default <c>artifacts/emulated-kubelet.log</c>; <c>none</c> writes none.</summary>
    public const string EmulatedKubeletLog = "HARNESS_EMULATED_KUBELET_LOG";

    /// <summary>The most replicas a scenario may ask for (default 10).</summary>
    public const string MaxReplicas = "HARNESS_MAX_REPLICAS";

    /// <summary>Docker's endpoint variable, read by Docker, Testcontainers and the harness's availability check.</summary>
    public const string DockerHost = "DOCKER_HOST";

    /// <summary>Docker's API version variable; Testcontainers requests 1.44 unless it is set.</summary>
    public const string DockerApiVersion = "DOCKER_API_VERSION";
}
