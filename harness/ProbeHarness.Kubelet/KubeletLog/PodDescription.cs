using System.Text.RegularExpressions;

namespace ProbeHarness.Kubelet.KubeletLog;

/// <summary>A pod as the kubelet names it in logs: <c>format.Pod</c>'s <c>name_namespace(uid)</c> (v1.20) or <c>klog.KObj</c>'s <c>namespace/name</c> (1.21+).</summary>
/// <param name="Namespace">The namespace.</param>
/// <param name="Name">The pod's name.</param>
/// <param name="Uid">The UID, when the text carries it.</param>
internal sealed partial record PodDescription(string Namespace, string Name, string? Uid)
{
    /// <summary>Reads <c>name_namespace(uid)</c>; names and namespaces cannot hold <c>_</c>, so the first one splits them.</summary>
    public static PodDescription? FromFormatPod(string text) =>
        FormatPod().Match(text) is { Success: true } match
            ? new PodDescription(match.Groups["ns"].Value, match.Groups["name"].Value, match.Groups["uid"].Value)
            : null;

    /// <summary>Reads <c>namespace/name</c>.</summary>
    public static PodDescription? FromObjectReference(string? text, string? uid)
    {
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return slash > 0 && slash < text!.Length - 1 && text.IndexOf('/', slash + 1) < 0
            ? new PodDescription(text[..slash], text[(slash + 1)..], string.IsNullOrEmpty(uid) ? null : uid)
            : null;
    }

    [GeneratedRegex(@"^(?<name>[^_/\s()]+)_(?<ns>[^_/\s()]+)\((?<uid>[^)]*)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex FormatPod();
}
