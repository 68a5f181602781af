using System.Globalization;
using System.Text;

namespace ProbeHarness.Kubelet.KubeletLog;

/// <summary>
/// The timing check (docs/reliability.md): the harness's instants of first failed probe, kill and Ready change against the
/// kubelet's own log lines for the same pod. Each harness instant is paired with the nearest line of its kind for that pod
/// (namespace and name; for Ready, the same new value); the check passes when something was paired, every measure the harness
/// has instants for was paired at least once, and no measure's largest error exceeds the allowed one.
/// </summary>
/// <param name="Measures">One per kind, in the order first failure, kill, Ready change.</param>
/// <param name="MaxErrorSeconds">The largest |harness − kubelet| allowed.</param>
/// <param name="Problems">Lines of the log with a known message that could not be read.</param>
public sealed record KubeletLogComparison(IReadOnlyList<MeasureComparison> Measures, double MaxErrorSeconds, IReadOnlyList<KubeletLogProblem> Problems)
{
    /// <summary>The error the timing-truth goal allows: 0.1 s.</summary>
    public const double DefaultMaxErrorSeconds = 0.1;

    /// <summary>How many harness instants were paired, over all measures.</summary>
    public int PairCount => Measures.Sum(m => m.Pairs.Count);

    /// <summary>The measures whose largest error exceeds <see cref="MaxErrorSeconds"/>.</summary>
    public IReadOnlyList<MeasureComparison> Exceeding => [.. Measures.Where(m => m.MaxErrorSeconds > MaxErrorSeconds)];

    /// <summary>The measures the harness has instants for but the log has no line for (e.g. a kubelet logging below the verbosity needed).</summary>
    public IReadOnlyList<MeasureComparison> Unchecked => [.. Measures.Where(m => m.Pairs.Count == 0 && m.Unpaired.Count > 0)];

    /// <summary>True when something was compared, every measure with harness instants had a line to pair with, and no measure exceeds the allowed error.</summary>
    public bool Passed => PairCount > 0 && Unchecked.Count == 0 && Exceeding.Count == 0;

    /// <summary>Pairs every harness instant with the kubelet's nearest line of its kind for the same pod.</summary>
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
                    .MinBy(e => (e.At - instant.At).Duration());
                if (nearest is null)
                {
                    unpaired.Add(instant);
                }
                else
                {
                    pairs.Add(new TimingPair(instant, nearest));
                }
            }

            return new MeasureComparison(kind, pairs, unpaired);
        });
        return new KubeletLogComparison([.. measures], maxErrorSeconds, log.Problems);
    }

    /// <summary>The table as Markdown (measure, pairs, unpaired, max and p95 error, bias, harness precision, worst pair), then the verdict, unpaired instants and log problems.</summary>
    /// <param name="title">What was compared, e.g. <c>kubeconfig vs artifacts/local-cluster/kubelet.log</c>.</param>
    public string ToMarkdown(string title)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"## Timing check: {title}").AppendLine();
        md.AppendLine("| Measure | Pairs | Unpaired | Max error | p95 error | Mean harness − kubelet | Harness precision | Worst pair |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var m in Measures)
        {
            var over = m.MaxErrorSeconds > MaxErrorSeconds ? " ❌" : string.Empty;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Name} | {m.Pairs.Count} | {m.Unpaired.Count} | {Seconds(m.MaxErrorSeconds)}{over} | {Seconds(m.P95ErrorSeconds)} | {Seconds(m.MeanSignedErrorSeconds, signed: true)} | {Seconds(m.HarnessPrecisionSeconds)} | {Cell(Describe(m.Worst))} |");
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

    /// <summary>e.g. <c>PASS: 31 pair(s), largest error 0.012 s ≤ 0.1 s</c> or <c>FAIL: kill 0.912 s &gt; 0.1 s</c>.</summary>
    public string Summary()
    {
        if (PairCount == 0)
        {
            return "FAIL: nothing to compare: no harness instant has a kubelet line for its pod (wrong log, or records without instants).";
        }

        var failures = new List<string>();
        if (Exceeding.Count > 0)
        {
            failures.Add($"{string.Join(", ", Exceeding.Select(m => $"{m.Name} {Seconds(m.MaxErrorSeconds)}"))} > {Seconds(MaxErrorSeconds)} (the largest error allowed)");
        }

        if (Unchecked.Count > 0)
        {
            failures.Add($"{string.Join(", ", Unchecked.Select(m => $"{m.Name} ({m.Unpaired.Count} instant(s))"))} unchecked: the log has no such line for these pods");
        }

        var largest = Measures.Max(m => m.MaxErrorSeconds ?? 0);
        return failures.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"PASS: {PairCount} pair(s), largest error {Seconds(largest)} ≤ {Seconds(MaxErrorSeconds)}.")
            : $"FAIL: {string.Join("; ", failures)}.";
    }

    private static string Describe(TimingPair? pair) => pair is null
        ? "—"
        : $"{pair.Harness.Scenario} — {pair.Harness.Namespace}/{pair.Harness.Pod}: harness {Time(pair.Harness.At)}, kubelet {Time(pair.Kubelet.At)} (line {pair.Kubelet.Line})";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static string Seconds(double? seconds, bool signed = false) => seconds switch
    {
        null => "—",
        var s when signed => string.Create(CultureInfo.InvariantCulture, $"{s:+0.000;−0.000;0.000} s"),
        var s => string.Create(CultureInfo.InvariantCulture, $"{s:0.000} s"),
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
