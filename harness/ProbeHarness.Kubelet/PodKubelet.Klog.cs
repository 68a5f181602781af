using ProbeHarness.Kubelet.KubeletLog;
using ProbeHarness.Kubelet.Probing;

namespace ProbeHarness.Kubelet;

/// <summary>The kubelet log this kubelet keeps when <see cref="KubeletOptions.Klog"/> is set: what it did, as a real kubelet logs it.</summary>
public sealed partial class PodKubelet
{
    private string? _loggedReady;

    private KubeletLogPod LogPod => new(_pod.Metadata.NamespaceProperty ?? string.Empty, _pod.Metadata.Name ?? string.Empty, _pod.Metadata.Uid ?? string.Empty);

    // The wording of the kubelet this one emulates: v1.20's printf lines, else the structured lines of 1.21+.
    private KubeletLogStyle LogStyle => Profile == KubeletProfile.V120 ? KubeletLogStyle.V120 : KubeletLogStyle.Structured;

    // Returns the line's instant for the Unhealthy event, for the reason LogKilling does.
    private DateTimeOffset LogProbeFailed(string container, ProbeType type, string output)
    {
        var at = Now;
        _options.Klog?.ProbeFailed(at, LogStyle, LogPod, container, type, output);
        return at;
    }

    private void LogContainerStarted(string containerId) =>
        _options.Klog?.ContainerStarted(Now, LogStyle, LogPod, containerId);

    // Returns the line's instant, so the Killing event can carry the same one: on a busy machine a second clock reading
    // can come tens of milliseconds later, and the event would put the kill after the line.
    private DateTimeOffset LogKilling(string container, string containerId, TimeSpan grace, string? verdict)
    {
        var at = Now;
        _options.Klog?.Killing(at, LogStyle, LogPod, container, containerId, (long)grace.TotalSeconds, verdict);
        return at;
    }

    // The status manager logs its patch when the Ready condition's status differs from what it last wrote.
    private void LogReadyChange(IEnumerable<k8s.Models.V1PodCondition> conditions)
    {
        if (_options.Klog is not { } klog || conditions.FirstOrDefault(c => c.Type == "Ready") is not { } ready || ready.Status == _loggedReady)
        {
            return;
        }

        _loggedReady = ready.Status;
        klog.ReadyChanged(Now, LogStyle, LogPod, ready.Status == "True", ready.LastTransitionTime is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : Now);
    }
}
