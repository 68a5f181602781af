namespace ProbeHarness.Kubelet.KubeletLog;

/// <summary>One measure of the timing check: every harness instant of one kind, paired with the kubelet's lines.</summary>
/// <param name="Kind">The kind of line (first failure, kill, Ready change).</param>
/// <param name="Pairs">The paired instants.</param>
/// <param name="Unpaired">Harness instants the log has no line of that kind for, for that pod.</param>
/// <param name="MaxErrorSeconds">The error allowed: instants the harness states more precisely than this are held to it.</param>
public sealed record MeasureComparison(KubeletEventKind Kind, IReadOnlyList<TimingPair> Pairs, IReadOnlyList<HarnessInstant> Unpaired, double MaxErrorSeconds)
{
    /// <summary>How far past its stated precision a line may lie: klog's and the app's clocks are read a few milliseconds apart.</summary>
    public const double PrecisionSlackSeconds = 0.05;

    /// <summary>The pairs whose harness instant claims the allowed error or better (app-log or watch-narrowed sources).</summary>
    public IReadOnlyList<TimingPair> Precise => [.. Pairs.Where(p => p.Harness.ClaimsWithin(MaxErrorSeconds))];

    /// <summary>The pairs whose harness instant is coarser than the allowed error by its own account (a whole-second source and nothing finer: exec probes, a refused TCP port).</summary>
    public IReadOnlyList<TimingPair> Coarse => [.. Pairs.Where(p => !p.Harness.ClaimsWithin(MaxErrorSeconds))];

    /// <summary>The largest error among <see cref="Precise"/> pairs; null without them.</summary>
    public double? MaxPreciseErrorSeconds => Precise.Count == 0 ? null : Precise.Max(p => p.ErrorSeconds);

    /// <summary>The pairs whose kubelet line lies outside the harness's stated interval (plus <see cref="PrecisionSlackSeconds"/>): a stated precision that is not true.</summary>
    public IReadOnlyList<TimingPair> Contradicted => [.. Pairs.Where(p => p.Harness.PrecisionSeconds is not null && p.BeyondPrecisionSeconds > PrecisionSlackSeconds)];

    /// <summary>True when every precise pair is within the allowed error and no pair contradicts its stated precision.</summary>
    public bool Holds => (MaxPreciseErrorSeconds ?? 0) <= MaxErrorSeconds + 1e-9 && Contradicted.Count == 0;

    /// <summary>The measure's name in the table: <c>first-failure</c>, <c>kill</c> or <c>ready-change</c>.</summary>
    public string Name => NameOf(Kind);

    /// <summary>The largest |harness − kubelet| over all pairs, coarse ones included, in seconds; null without pairs.</summary>
    public double? LargestErrorSeconds => Pairs.Count == 0 ? null : Pairs.Max(p => p.ErrorSeconds);

    /// <summary>The 95th percentile of |harness − kubelet| (nearest rank: the ⌈0.95·n⌉-th smallest), in seconds; null without pairs.</summary>
    public double? P95ErrorSeconds => Percentile(0.95);

    /// <summary>The mean of harness − kubelet, in seconds: a constant bias (e.g. truncated time stamps) shows here; null without pairs.</summary>
    public double? MeanSignedErrorSeconds => Pairs.Count == 0 ? null : Pairs.Average(p => p.SignedErrorSeconds);

    /// <summary>The pair that fails the check worst (largest precise error, or furthest past its stated precision), else the largest error; null without pairs.</summary>
    public TimingPair? Worst => Contradicted.MaxBy(p => p.BeyondPrecisionSeconds) ?? Precise.Where(p => p.ErrorSeconds > MaxErrorSeconds).MaxBy(p => p.ErrorSeconds) ?? Pairs.MaxBy(p => p.ErrorSeconds);

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
