using System.Globalization;
using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Reporting.Timeline;
using ScottPlot;

namespace ProbeHarness.Preflight.Advisor;

/// <summary>
/// advise.svg (ScottPlot): the liveness trade-off. x = worst-case detection of a hanging endpoint, y = false-restart risk per day
/// (p = max(k/n, 3/n), log scale), one line per periodSeconds over failureThreshold 1…10 at one timeoutSeconds; the current and
/// the recommended setting marked, the risk budget dashed.
/// </summary>
public static class AdvicePlot
{
    /// <summary>Picture width in pixels.</summary>
    public const int Width = 900;

    /// <summary>Picture height in pixels.</summary>
    public const int Height = 560;

    // Risks below this are drawn on it (log10 of 0 does not exist).
    private const double Floor = 1e-20;

    private static readonly Color[] Palette =
        [Color.FromHex("#2f6fd6"), Color.FromHex("#2e9d4b"), Color.FromHex("#e08a00"), Color.FromHex("#7b3fb5"), Color.FromHex("#8a8f98"), Color.FromHex("#00a3a3"), Color.FromHex("#b5651d")];

    /// <summary>The picture as SVG text.</summary>
    public static string ToSvg(Advice advice)
    {
        var (plot, height) = Draw(advice);
        return plot.GetSvgXml(Width, height);
    }

    /// <summary>The picture as PNG bytes (for a look without an SVG viewer).</summary>
    public static byte[] ToPng(Advice advice)
    {
        var (plot, height) = Draw(advice);
        return plot.GetImageBytes(Width, height, ImageFormat.Png);
    }

    private static (Plot Plot, int Height) Draw(Advice advice)
    {
        ArgumentNullException.ThrowIfNull(advice);
        EmbeddedFontResolver.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(EmbeddedFontResolver.Family);
        var liveness = advice.Probes.FirstOrDefault(p => p.Probe == ProbeType.Liveness);
        if (advice.LivenessGrid.Count == 0 || liveness is null)
        {
            plot.Title($"{advice.Workload} liveness: no probe latency recorded", size: 14);
            plot.Add.Text("the records hold no probe latency: the false-restart risk cannot be drawn", 0.02, 0.5).LabelFontSize = 12;
            plot.Axes.SetLimits(0, 1, 0, 1);
            return (plot, 160);
        }

        var timeout = advice.LivenessGrid[0].Setting.TimeoutSeconds;
        plot.Title($"{advice.Workload} liveness: detection vs false restarts (timeoutSeconds {timeout})", size: 14);
        plot.Axes.Bottom.Label.Text = "worst-case detection of a hanging endpoint (s)";
        plot.Axes.Left.Label.Text = "false-restart risk per day, p = max(k/n, 3/n)";
        plot.Axes.Bottom.Label.FontSize = 12;
        plot.Axes.Left.Label.FontSize = 12;

        var periods = advice.LivenessGrid.Select(g => g.Setting.PeriodSeconds).Distinct().Order().ToList();
        for (var i = 0; i < periods.Count; i++)
        {
            var points = advice.LivenessGrid.Where(g => g.Setting.PeriodSeconds == periods[i]).OrderBy(g => g.Setting.FailureThreshold).ToList();
            var line = plot.Add.Scatter(points.Select(g => g.DetectionSeconds).ToArray(), points.Select(g => Log(g.RiskPerDayBound)).ToArray());
            line.Color = Palette[i % Palette.Length];
            line.MarkerSize = 6;
            line.LineWidth = 1.5f;
            line.LegendText = $"periodSeconds {periods[i]} (failureThreshold 1…{points.Count})";
        }

        var budget = plot.Add.HorizontalLine(Log(advice.MaxRiskPerDay));
        budget.LinePattern = LinePattern.Dashed;
        budget.Color = Colors.Gray;
        budget.LegendText = $"risk budget {ProbeAdvisor.Risk(advice.MaxRiskPerDay)} per day";

        Mark(plot, liveness.Current, liveness.CurrentAssessment, "current", Color.FromHex("#d7263d"), MarkerShape.OpenCircle, 18);
        Mark(plot, liveness.Recommended, liveness.RecommendedAssessment, "recommended", Colors.Black, MarkerShape.FilledDiamond, 13);

        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => $"1e{y.ToString("0", CultureInfo.InvariantCulture)}",
        };
        plot.Axes.Left.TickGenerator = ticks;
        plot.ShowLegend(Alignment.UpperRight);
        return (plot, Height);
    }

    private static void Mark(Plot plot, ProbeSetting? setting, Assessment? assessment, string label, Color color, MarkerShape shape, float size)
    {
        if (setting is null || assessment?.RiskPerDayBound is not { } risk)
        {
            return;
        }

        var marker = plot.Add.Marker(assessment.DetectionSeconds, Log(risk));
        marker.Color = color;
        marker.Shape = shape;
        marker.Size = size;
        marker.LegendText = $"{label}: p={setting.PeriodSeconds}, T={setting.TimeoutSeconds}, fT={setting.FailureThreshold}";
    }

    private static double Log(double risk) => Math.Log10(Math.Max(risk, Floor));
}
