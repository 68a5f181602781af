namespace ProbeHarness.Kubelet.KubeletLog;

/// <summary>One measure of the timing check: every harness instant of one kind, paired with the kubelet's lines.</summary>
/// <param name="Kind">The kind of line (first failure, kill, Ready change).</param>
/// <param name="Pairs">The paired instants.</param>
/// <param name="Unpaired">Harness instants the log has no line of that kind for, for that pod.</param>
public sealed record MeasureComparison(KubeletEventKind Kind, IReadOnlyList<TimingPair> Pairs, IReadOnlyList<HarnessInstant> Unpaired)
{
    /// <summary>The measure's name in the table: <c>first-failure</c>, <c>kill</c> or <c>ready-change</c>.</summary>
    public string Name => NameOf(Kind);

    /// <summary>The largest |harness − kubelet|, in seconds; null without pairs.</summary>
    public double? MaxErrorSeconds => Pairs.Count == 0 ? null : Pairs.Max(p => p.ErrorSeconds);

    /// <summary>The 95th percentile of |harness − kubelet| (nearest rank: the ⌈0.95·n⌉-th smallest), in seconds; null without pairs.</summary>
    public double? P95ErrorSeconds => Percentile(0.95);

    /// <summary>The mean of harness − kubelet, in seconds: a constant bias (e.g. truncated time stamps) shows here; null without pairs.</summary>
    public double? MeanSignedErrorSeconds => Pairs.Count == 0 ? null : Pairs.Average(p => p.SignedErrorSeconds);

    /// <summary>The coarsest precision the harness stated for these instants, in seconds; null when none stated one.</summary>
    public double? HarnessPrecisionSeconds => Pairs.Select(p => p.Harness.PrecisionSeconds).Max();

    /// <summary>The pair with the largest error; null without pairs.</summary>
    public TimingPair? Worst => Pairs.Count == 0 ? null : Pairs.MaxBy(p => p.ErrorSeconds);

    /// <summary>The measure's name for a kind of line.</summary>
    public static string NameOf(KubeletEventKind kind) => kind switch
    {
        KubeletEventKind.ProbeFailed => "first-failure",
        KubeletEventKind.Killing => "kill",
        _ => "ready-change",
    };

    private double? Percentile(double share)
    {
        if (Pairs.Count == 0)
        {
            return null;
        }

        var sorted = Pairs.Select(p => p.ErrorSeconds).Order().ToList();
        var rank = (int)Math.Ceiling(share * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
