using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Building;

/// <summary>One judged timing against the band its window allows, as the chart at the top of the report draws it.</summary>
/// <param name="ScenarioIndex">The 0-based index of its row in the report (the row's section is <c>scenario-{index + 1}</c>).</param>
/// <param name="Row">The scenario it belongs to.</param>
/// <param name="Timing">The timing; <see cref="TimingRecord.IsBounded"/> holds.</param>
public sealed record TimingBand(int ScenarioIndex, ScenarioRow Row, TimingRecord Timing)
{
    /// <summary>The seconds one unit of the chart's axis stands for: the latest the kubelet may react (max + jitter), 1 s when there is none.</summary>
    public double Scale => (Timing.BoundMaxSeconds ?? Timing.BoundMinSeconds ?? 0) + (Timing.JitterSeconds ?? 0) is > 0 and var latest ? latest : 1;

    /// <summary>
    /// How far the measurement is from the nearer edge of its window (the earliest when above 0, the latest = max + jitter), as a share of
    /// <see cref="Scale"/>: negative outside the window, negative infinity when the reaction never came.
    /// </summary>
    public double Headroom
    {
        get
        {
            if (Timing.MeasuredSeconds is not { } measured)
            {
                return double.NegativeInfinity;
            }

            // An earliest of 0 is no edge: nothing can react before its cause.
            var early = Timing.BoundMinSeconds is > 0 and var min ? measured - min : double.PositiveInfinity;
            var late = Timing.BoundMaxSeconds is { } max ? max + (Timing.JitterSeconds ?? 0) - measured : double.PositiveInfinity;
            return Math.Min(early, late) / Scale;
        }
    }

    /// <summary>Every judged timing of <paramref name="rows"/>, the closest to an edge first (out of bound and missed at the top), then in report order.</summary>
    public static IReadOnlyList<TimingBand> Of(IReadOnlyList<ScenarioRow> rows) =>
        rows.SelectMany((row, index) => row.Timings.Where(t => t.IsBounded).Select(timing => new TimingBand(index, row, timing)))
            .Select((band, order) => (band, order))
            .OrderBy(b => b.band.Headroom)
            .ThenBy(b => b.order)
            .Select(b => b.band)
            .ToList();
}
