using ProbeHarness.Kubernetes.Manifests;

namespace ProbeHarness.Kubernetes.Images;

/// <summary>How a built target app image gets into K3s's containerd: its content-derived tag, the saved archive and the <c>ctr</c> command lines.</summary>
/// <param name="ImageId">Docker's image id, <c>sha256:…</c>.</param>
/// <param name="Reference">The reference pods use, <c>probe-harness/target-app:sha-&lt;12 hex&gt;</c>: never <c>latest</c>, and unchanged while the image is.</param>
/// <param name="ContainerdName">The same reference as containerd stores it, under <c>docker.io/</c>.</param>
/// <param name="HostTarPath">Where <c>docker save</c> writes the archive on this machine; reused while the image id is unchanged.</param>
public sealed record ImageLoadPlan(string ImageId, string Reference, string ContainerdName, string HostTarPath)
{
    /// <summary>The name the image is built under before it is tagged by content.</summary>
    public const string BuildName = TargetAppImage.Repository + ":build";

    /// <summary>The folder inside the K3s container the archive is copied to.</summary>
    public const string ContainerDirectory = "/tmp/probe-harness";

    /// <summary>The containerd namespace the kubelet's images live in.</summary>
    public const string KubeletNamespace = "k8s.io";

    /// <summary>The plan for an image id, with archives kept in <paramref name="cacheDirectory"/>.</summary>
    /// <exception cref="ArgumentException">The id is not a sha256 digest.</exception>
    public static ImageLoadPlan For(string imageId, string cacheDirectory)
    {
        var hex = imageId.StartsWith("sha256:", StringComparison.Ordinal) ? imageId["sha256:".Length..] : imageId;
        if (hex.Length < 12 || !hex.All(Uri.IsHexDigit))
        {
            throw new ArgumentException($"'{imageId}' is not a Docker image id (sha256:<hex>).", nameof(imageId));
        }

        var tag = "sha-" + hex[..12].ToLowerInvariant();
        var reference = $"{TargetAppImage.Repository}:{tag}";
        return new ImageLoadPlan(imageId, reference, "docker.io/" + reference, Path.Combine(cacheDirectory, $"target-app-{tag}.tar"));
    }

    /// <summary>The plan for a user's locally built image <paramref name="reference"/> (id <paramref name="imageId"/>), loaded under its own name.</summary>
    /// <exception cref="ArgumentException">The id is not a sha256 digest.</exception>
    public static ImageLoadPlan ForLocalImage(string reference, string imageId, string cacheDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var hex = imageId.StartsWith("sha256:", StringComparison.Ordinal) ? imageId["sha256:".Length..] : imageId;
        if (hex.Length < 12 || !hex.All(Uri.IsHexDigit))
        {
            throw new ArgumentException($"'{imageId}' is not a Docker image id (sha256:<hex>).", nameof(imageId));
        }

        var file = new string([.. reference.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_')]);
        return new ImageLoadPlan(imageId, reference, DockerArchive.Normalize(reference), Path.Combine(cacheDirectory, $"{file}-{hex[..12].ToLowerInvariant()}.tar"));
    }

    /// <summary>The tag part of <see cref="Reference"/>.</summary>
    public string Tag => Reference[(Reference.LastIndexOf(':') + 1)..];

    /// <summary>The archive's path inside the K3s container.</summary>
    public string ContainerTarPath => $"{ContainerDirectory}/{Path.GetFileName(HostTarPath)}";

    /// <summary><c>ctr -n k8s.io images ls -q name==…</c>: prints the name when containerd already has the image.</summary>
    public IList<string> ListCommand => ["ctr", "-n", KubeletNamespace, "images", "ls", "-q", $"name=={ContainerdName}"];

    /// <summary><c>ctr -n k8s.io images import …</c>: loads the archive where the kubelet looks.</summary>
    public IList<string> ImportCommand => ["ctr", "-n", KubeletNamespace, "images", "import", ContainerTarPath];

    /// <summary><c>rm -f …</c>: removes the archive from the container after the import.</summary>
    public IList<string> CleanupCommand => ["rm", "-f", ContainerTarPath];

    /// <summary>True when <c>ctr images ls -q</c> output lists <see cref="ContainerdName"/>.</summary>
    public bool IsListedIn(string ctrListOutput) =>
        ctrListOutput.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(ContainerdName);
}
