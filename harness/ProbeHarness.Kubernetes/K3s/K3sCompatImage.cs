namespace ProbeHarness.Kubernetes.K3s;

/// <summary>Recognises local-cluster/'s K3s-compatible image (upstream Kubernetes in K3s's container contract, not K3s) by its image label.</summary>
public static class K3sCompatImage
{
    /// <summary>The image label the compat image carries; its value is the Kubernetes version inside, e.g. <c>v1.20.2</c>.</summary>
    public const string Label = "org.probe-harness.k3s-compat";

    /// <summary>The preflight line in place of the CoreDNS check: the compat image runs no CoreDNS.</summary>
    public const string NoCoreDnsFinding = "preflight: CoreDNS not deployed (the image runs none)";

    /// <summary>Where the compat image's entry point writes each component's log (kubelet.log among them).</summary>
    public const string LogFolder = "/var/log/k3s-compat";

    /// <summary>The repository local-cluster/k3s-compat-image.sh tags the image with.</summary>
    public const string Repository = "probe-harness/k3s-compat";

    /// <summary>How to get a K3s image that Docker lacks: build the compat image with its script, or pull any other.</summary>
    public static string HowToGet(string image) =>
        image.StartsWith(Repository + ":", StringComparison.Ordinal)
            ? "build it with local-cluster/k3s-compat-image.sh (needs local-cluster/build.sh's binaries), or run local-cluster/run-k3s-suite.sh, which builds it"
            : $"pull it with 'docker pull {image}' where a registry is reachable, or name a local image in {Cluster.Backends.EnvironmentVariables.K3sImage}";

    /// <summary>The Kubernetes version of a compat image from its labels; null for any other image, real K3s included.</summary>
    public static string? VersionFrom(IDictionary<string, string>? labels) =>
        labels is not null && labels.TryGetValue(Label, out var version) && !string.IsNullOrWhiteSpace(version) ? version.Trim() : null;

    /// <summary>The backend description for a compat image: says plainly that it is not K3s.</summary>
    public static string Describe(string image, string compatVersion, string serverVersion, string containerId, string apiServer) =>
        $"k3s (compat image {image}, built for {compatVersion}: upstream Kubernetes {serverVersion} in K3s's container contract, not K3s) " +
        $"in Docker container {containerId}, API server {apiServer}";
}
