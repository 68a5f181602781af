namespace ProbeHarness.Kubelet.KubeletLog;

/// <summary>The pod a <see cref="KubeletLogWriter"/> line is about.</summary>
/// <param name="Namespace">The namespace.</param>
/// <param name="Name">The pod's name.</param>
/// <param name="Uid">The pod's UID.</param>
public sealed record KubeletLogPod(string Namespace, string Name, string Uid)
{
    /// <summary>klog's object reference, <c>namespace/name</c>.</summary>
    public string Reference => $"{Namespace}/{Name}";
}
