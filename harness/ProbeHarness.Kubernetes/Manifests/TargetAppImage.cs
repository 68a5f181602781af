namespace ProbeHarness.Kubernetes.Manifests;

/// <summary>How manifests name the target app's image before a backend puts the real reference in.</summary>
public static class TargetAppImage
{
    /// <summary>The repository manifests use for the target app, with any tag: <c>probe-harness/target-app</c>.</summary>
    public const string Repository = "probe-harness/target-app";

    /// <summary>The pull policy every real-cluster target app container gets: the image is loaded, never pulled.</summary>
    public const string PullPolicy = "IfNotPresent";

    /// <summary>True when a container's image stands for the target app: empty, or <see cref="Repository"/> with any tag or digest.</summary>
    public static bool IsPlaceholder(string? image)
    {
        if (string.IsNullOrWhiteSpace(image))
        {
            return true;
        }

        var name = image.Split('@')[0];
        var lastSlash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        var repository = colon > lastSlash ? name[..colon] : name;
        return repository is Repository or "docker.io/" + Repository;
    }
}
