namespace ProbeHarness.Kubelet.KubeletLog;

/// <summary>A line that has a message the timing check reads but could not be parsed (or whose container is unknown).</summary>
/// <param name="Line">The 1-based line number in the log.</param>
/// <param name="Reason">What is wrong with it.</param>
/// <param name="Text">The line, shortened to 300 characters.</param>
public sealed record KubeletLogProblem(int Line, string Reason, string Text)
{
    /// <summary>e.g. <c>line 12: no pod in "Probe failed": I1202 …</c>.</summary>
    public override string ToString() => $"line {Line}: {Reason}: {Text}";
}
