using System.Globalization;
using System.Text;

namespace ProbeHarness.Kubelet.KubeletLog;

/// <summary>
/// The timing check (docs/reliability.md): the harness's instants of first failed probe, kill and Ready change against the
/// kubelet's own log lines for the same pod. Each harness instant is paired with the nearest line of its kind for that pod
/// (namespace and name; for Ready, the same new value). Instants the harness states to within the allowed error are held to
/// it; every instant is held to its own stated precision, so a coarse instant (a whole-second source and nothing finer) is
/// shown for what it is and a precision that is not true fails. The check passes when something was paired, every measure
/// the harness has instants for was paired at least once, and every measure holds.
/// </summary>
/// <param name="Measures">One per kind, in the order first failure, kill, Ready change.</param>
/// <param name="MaxErrorSeconds">The largest |harness − kubelet| allowed for an instant the harness states as precise.</param>
/// <param name="Problems">Lines of the log with a known message that could not be read.</param>
public sealed record KubeletLogComparison(IReadOnlyList<MeasureComparison> Measures, double MaxErrorSeconds, IReadOnlyList<KubeletLogProblem> Problems)
{
    /// <summary>The error the timing-truth goal allows: 0.1 s.</summary>
    public const double DefaultMaxErrorSeconds = 0.1;

    /// <summary>How many harness instants were paired, over all measures.</summary>
    public int PairCount => Measures.Sum(m => m.Pairs.Count);

    /// <summary>The measures that do not hold: a precise instant off by more than <see cref="MaxErrorSeconds"/>, or a stated precision contradicted.</summary>
    public IReadOnlyList<MeasureComparison> Exceeding => [.. Measures.Where(m => !m.Holds)];

    /// <summary>The measures the harness has instants for but the log has no line for (e.g. a kubelet logging below the verbosity needed).</summary>
    public IReadOnlyList<MeasureComparison> Unchecked => [.. Measures.Where(m => m.Pairs.Count == 0 && m.Unpaired.Count > 0)];

    /// <summary>True when something was compared, every measure with harness instants had a line to pair with, and every measure holds.</summary>
    public bool Passed => PairCount > 0 && Unchecked.Count == 0 && Exceeding.Count == 0;

    /// <summary>
    /// Pairs every harness instant with the kubelet's nearest line of its kind for the same pod: nearest by the line's decision
    /// interval (a Ready patch can reach the API server seconds after its transition, later than the next one's start), then by its time.
    /// </summary>
    public static KubeletLogComparison Of(IEnumerable<HarnessInstant> harness, KubeletLogContents log, double maxErrorSeconds = DefaultMaxErrorSeconds)
    {
        ArgumentNullException.ThrowIfNull(harness);
        ArgumentNullException.ThrowIfNull(log);
        var lines = log.Entries.ToLookup(e => (e.Kind, e.Namespace, e.Pod));
        var instants = harness.ToList();
        var measures = new[] { KubeletEventKind.ProbeFailed, KubeletEventKind.Killing, KubeletEventKind.ReadyChanged }.Select(kind =>
        {
            var pairs = new List<TimingPair>();
            var unpaired = new List<HarnessInstant>();
            foreach (var instant in instants.Where(i => i.Kind == kind))
            {
                var nearest = lines[(kind, instant.Namespace, instant.Pod)]
                    .Where(e => instant.Ready is null || e.Ready is null || e.Ready == instant.Ready)
                    .MinBy(e => (new TimingPair(instant, e).ErrorSeconds, (e.At - instant.At).Duration()));
                if (nearest is null)
                {
                    unpaired.Add(instant);
                }
                else
                {
                    pairs.Add(new TimingPair(instant, nearest));
                }
            }

            return new MeasureComparison(kind, pairs, unpaired, maxErrorSeconds);
        });
        return new KubeletLogComparison([.. measures], maxErrorSeconds, log.Problems);
    }

    /// <summary>The table as Markdown (measure, pairs, precise and coarse ones, their errors, bias, worst pair), then the verdict, unpaired instants and log problems.</summary>
    /// <param name="title">What was compared, e.g. <c>kubeconfig vs artifacts/local-cluster/kubelet.log</c>.</param>
    public string ToMarkdown(string title)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"## Timing check: {title}").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Precise: instants the harness states to within {Seconds(MaxErrorSeconds)} (the app's millisecond log, narrowed by the watch); they must be within {Seconds(MaxErrorSeconds)} of the kubelet's line. Coarse: instants with only a whole-second source (exec probes, a refused TCP port); they must lie within their own stated precision (+{Seconds(MeasureComparison.PrecisionSlackSeconds)}).").AppendLine();
        md.AppendLine("| Measure | Pairs | Unpaired | Precise | Max error (precise) | p95 error (all) | Coarse | Max error (coarse) / their precision | Contradicted | Mean harness − kubelet | Worst pair |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var m in Measures)
        {
            var over = m.MaxPreciseErrorSeconds > MaxErrorSeconds ? " ❌" : string.Empty;
            var contradicted = m.Contradicted.Count > 0 ? $"{m.Contradicted.Count} ❌" : "0";
            var coarse = m.Coarse.Count == 0 ? "—" : $"{Seconds(m.Coarse.Max(p => p.ErrorSeconds))} / ±{Seconds(m.Coarse.Max(p => p.Harness.PrecisionSeconds))}";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Name} | {m.Pairs.Count} | {m.Unpaired.Count} | {m.Precise.Count} | {Seconds(m.MaxPreciseErrorSeconds)}{over} | {Seconds(m.P95ErrorSeconds)} | {m.Coarse.Count} | {coarse} | {contradicted} | {Seconds(m.MeanSignedErrorSeconds, signed: true)} | {Cell(Describe(m.Worst))} |");
        }

        // The status manager's patch can reach the API server well after its transition second (client rate limit, load).
        var patchDelays = Measures.SelectMany(m => m.Pairs)
            .Where(p => p.Kubelet.LastTransitionTime is not null)
            .Select(p => (p.Kubelet.At - p.Kubelet.LastTransitionTime!.Value).TotalSeconds)
            .ToList();
        if (patchDelays.Count > 0)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture,
                $"Ready changes: the kubelet's patch line came {Seconds(patchDelays.Min())} to {Seconds(patchDelays.Max())} after the start of the transition's second (its lastTransitionTime); more than 1 s is the status manager's delay, not the harness's.");
        }

        md.AppendLine().AppendLine(Summary());
        var unpaired = Measures.SelectMany(m => m.Unpaired.Select(u => (m.Name, Instant: u))).ToList();
        if (unpaired.Count > 0)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Harness instants without a kubelet line ({unpaired.Count}; the first 20):").AppendLine();
            foreach (var (name, instant) in unpaired.Take(20))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {name}: {instant.Scenario} — {instant.Namespace}/{instant.Pod} at {Time(instant.At)}");
            }
        }

        if (Problems.Count > 0)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Kubelet log lines that could not be read ({Problems.Count}; the first 20):").AppendLine();
            foreach (var problem in Problems.Take(20))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {problem}");
            }
        }

        return md.ToString();
    }

    /// <summary>e.g. <c>PASS: 31 pair(s) (28 precise, largest error 0.012 s ≤ 0.1 s; 3 coarse, each within its stated precision)</c> or <c>FAIL: kill 0.912 s &gt; 0.1 s</c>.</summary>
    public string Summary()
    {
        if (PairCount == 0)
        {
            return "FAIL: nothing to compare: no harness instant has a kubelet line for its pod (wrong log, or records without instants).";
        }

        var failures = new List<string>();
        foreach (var m in Exceeding)
        {
            if (m.MaxPreciseErrorSeconds > MaxErrorSeconds)
            {
                failures.Add($"{m.Name} {Seconds(m.MaxPreciseErrorSeconds)} > {Seconds(MaxErrorSeconds)} (the largest error allowed for a precise instant)");
            }

            if (m.Contradicted.Count > 0)
            {
                failures.Add($"{m.Name}: {m.Contradicted.Count} instant(s) off by more than their stated precision (worst {Seconds(m.Contradicted.Max(p => p.BeyondPrecisionSeconds))} beyond it)");
            }
        }

        if (Unchecked.Count > 0)
        {
            failures.Add($"{string.Join(", ", Unchecked.Select(m => $"{m.Name} ({m.Unpaired.Count} instant(s))"))} unchecked: the log has no such line for these pods");
        }

        var precise = Measures.Sum(m => m.Precise.Count);
        var coarse = Measures.Sum(m => m.Coarse.Count);
        var largest = Measures.Max(m => m.MaxPreciseErrorSeconds ?? 0);
        var coarsePart = coarse == 0 ? string.Empty : $"; {coarse} coarse, each within its stated precision";
        return failures.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"PASS: {PairCount} pair(s) ({precise} precise, largest error {Seconds(largest)} ≤ {Seconds(MaxErrorSeconds)}{coarsePart}).")
            : $"FAIL: {string.Join("; ", failures)}.";
    }

    private static string Describe(TimingPair? pair) => pair is null
        ? "—"
        : $"{pair.Harness.Scenario} — {pair.Harness.Namespace}/{pair.Harness.Pod}: harness {Time(pair.Harness.At)}{(pair.Harness.PrecisionSeconds is { } p ? $" ± {Seconds(p)}" : string.Empty)}, kubelet {Time(pair.Kubelet.At)} (line {pair.Kubelet.Line})";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static string Seconds(double? seconds, bool signed = false) => seconds switch
    {
        null => "—",
        var s when signed => string.Create(CultureInfo.InvariantCulture, $"{s:+0.000;−0.000;0.000} s"),
        var s => string.Create(CultureInfo.InvariantCulture, $"{s:0.000} s"),
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
