namespace ProbeHarness.Cluster.Backends;

/// <summary>What a quick look at Docker found out about running K3s: whether it can run and the finding in words.</summary>
/// <param name="DockerEndpoint">The Docker endpoint that was asked, e.g. <c>unix:///var/run/docker.sock</c>, or a description when none was found.</param>
/// <param name="Image">The K3s image reference the run would use.</param>
/// <param name="CanRunK3s">True when Docker answered and the image is present locally or can be pulled.</param>
/// <param name="Finding">The finding, e.g. "Docker answered and rancher/k3s:v1.35.3-k3s1 is present".</param>
public sealed record K3sAvailabilityReport(string DockerEndpoint, string Image, bool CanRunK3s, string Finding)
{
    /// <summary>Docker answered and the K3s image is already in its image store.</summary>
    public static K3sAvailabilityReport ImagePresent(string dockerEndpoint, string image) =>
        new(dockerEndpoint, image, true, $"Docker answered at {dockerEndpoint} and {image} is present");

    /// <summary>Docker answered; the K3s image is not local but its registry knows it, so the first run pulls it.</summary>
    public static K3sAvailabilityReport ImagePullable(string dockerEndpoint, string image) =>
        new(dockerEndpoint, image, true, $"Docker answered at {dockerEndpoint} and {image} is not present but pullable (the first run pulls it)");

    /// <summary>Docker answered but the K3s image is neither local nor pullable.</summary>
    public static K3sAvailabilityReport ImageUnavailable(string dockerEndpoint, string image, string detail) =>
        new(dockerEndpoint, image, false, $"Docker answered at {dockerEndpoint} but {image} is not present and cannot be pulled ({detail})");

    /// <summary>No Docker engine answered at the endpoint.</summary>
    public static K3sAvailabilityReport NoDocker(string dockerEndpoint, string image, string detail) =>
        new(dockerEndpoint, image, false, $"no Docker engine at {dockerEndpoint} ({detail})");

    /// <summary>A Docker engine answered but cannot be used as it is configured (e.g. its API is too old); the detail says what to set.</summary>
    public static K3sAvailabilityReport DockerUnusable(string dockerEndpoint, string image, string detail) =>
        new(dockerEndpoint, image, false, $"Docker at {dockerEndpoint} cannot be used: {detail}");
}
