namespace ProbeHarness.Cluster;

/// <summary>What a cluster says of an image before a workload uses it: it can run there (with a shell, when asked), or why not.</summary>
/// <param name="Image">The image reference checked.</param>
/// <param name="Problem">Why the workload cannot use it (the kubelet's reason and message), or null when it can.</param>
/// <param name="NoShell">True when the image runs but has no <c>/bin/sh</c> (asked for an exec probe shim).</param>
public sealed record ImageCheck(string Image, string? Problem, bool NoShell = false)
{
    /// <summary>The label a check pod carries (value <see cref="PodLabelValue"/>), so a scenario's watch leaves it out of the workload's pods.</summary>
    public const string PodLabel = "probe-harness/role";

    /// <summary>The value of <see cref="PodLabel"/> on a check pod.</summary>
    public const string PodLabelValue = "image-check";

    /// <summary>True when <paramref name="labels"/> mark a check pod.</summary>
    public static bool IsCheckPod(IDictionary<string, string>? labels) =>
        labels is not null && labels.TryGetValue(PodLabel, out var value) && value == PodLabelValue;

    /// <summary>True when the workload can use the image.</summary>
    public bool Usable => Problem is null;

    /// <summary>The image can be used (or the backend has no check to make).</summary>
    public static ImageCheck Ok(string image) => new(image, null);
}
