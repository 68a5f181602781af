namespace ProbeHarness.Kubelet.KubeletLog;

/// <summary>What <see cref="KubeletLogReader"/> found in a log.</summary>
/// <param name="Entries">The lines the timing check reads, in log order.</param>
/// <param name="Problems">Lines with a known message that could not be read.</param>
/// <param name="Lines">How many lines the log has.</param>
public sealed record KubeletLogContents(IReadOnlyList<KubeletLogEntry> Entries, IReadOnlyList<KubeletLogProblem> Problems, int Lines);
