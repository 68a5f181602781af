using System.Globalization;
using System.Net;
using System.Text;
using ProbeHarness.Kubelet.Timing;
using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Writers;

/// <summary>
/// The chart at the top of index.html: every judged timing of the run against its band, one compact row each, as inline SVG
/// (no script, nothing fetched). Each row is scaled to its own window: x = seconds ÷ (max + jitter), so 1 is the latest a real
/// kubelet may react on every row, and rows of 2 s and 90 s windows read alike.
/// </summary>
public static class TimingBandChart
{
    /// <summary>The chart's width in pixels; it fits a 1280 px screen beside the page's margins and shrinks on narrower ones.</summary>
    public const int Width = 1200;

    /// <summary>The height of one row in pixels.</summary>
    public const int RowHeight = 16;

    /// <summary>The right end of the axis, in units of max + jitter: later measurements are drawn at the edge as ▶.</summary>
    public const double AxisEnd = 1.5;

    private const int Top = 38;
    private const int LabelX = 4;
    private const int PlotLeft = 480;
    private const int PlotRight = 880;
    private const int ValueX = 892;
    private const int LabelCharacters = 78;
    private const double Ticks = 0.25;

    private static readonly Dictionary<TimingVerdict, string> Colours = new()
    {
        [TimingVerdict.WithinBound] = "#2e9d4b",
        [TimingVerdict.Early] = "#e07b00",
        [TimingVerdict.Late] = "#d7263d",
        [TimingVerdict.Missed] = "#7a0d1e",
    };

    /// <summary>The chart's section: heading, legend, the SVG and a line on the timings it leaves out.</summary>
    public static string Html(IReadOnlyList<ScenarioRow> rows)
    {
        var bands = TimingBand.Of(rows);
        var html = new StringBuilder();
        html.AppendLine("<section id=\"timing-bands\"><h2>Timings against their bands</h2>");
        var timings = rows.SelectMany(r => r.Timings).ToList();
        var left = $"{timings.Count(t => t.Verdict == TimingVerdict.Unbounded)} unbounded and {timings.Count(t => t.Verdict == TimingVerdict.Unattributed)} unattributed timing(s) are not judged and not drawn; their scenarios list them.";
        if (bands.Count == 0)
        {
            html.AppendLine($"<p>No timing was judged against a bound. {E(left)}</p></section>");
            return html.ToString();
        }

        html.AppendLine("<p class=\"legend\">" +
            $"One row per judged timing ({bands.Count}), <b>sorted by headroom</b>: the distance from the measurement to the nearer edge of its window, " +
            "as a share of the latest allowed, so what was missed, late, early or close to an edge comes first. " +
            "<b>Each row is scaled to its own window</b>: x = measured ÷ (max + jitter), 0 to 1.5, so <b>1</b> (the dashed line) is the latest a real kubelet may react. " +
            "<span class=\"swatch band\"></span> allowed window [min, max] " +
            "<span class=\"swatch jitter\"></span> the kubelet's jitter, up to max + jitter " +
            "<span class=\"dot\">●</span> the measurement, its bar ± its precision, coloured " +
            $"<span style=\"color:{Colours[TimingVerdict.WithinBound]}\">within bound</span>, <span style=\"color:{Colours[TimingVerdict.Early]}\">early</span>, " +
            $"<span style=\"color:{Colours[TimingVerdict.Late]}\">late</span> or <span style=\"color:{Colours[TimingVerdict.Missed]}\">✕ missed</span>; " +
            "▶ lies beyond 1.5. A row links to its scenario.</p>");
        html.AppendLine(Svg(bands, rows.Select(r => r.Label).Distinct().Count() > 1));
        html.AppendLine($"<p class=\"meta\">{E(left)}</p></section>");
        return html.ToString();
    }

    /// <summary>The chart alone: an <c>svg</c> element that is also well-formed XML.</summary>
    public static string Svg(IReadOnlyList<TimingBand> bands, bool withBackend)
    {
        var height = Top + (bands.Count * RowHeight) + 22;
        var svg = new StringBuilder();
        svg.AppendLine(I($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bands\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"every judged timing against its window\" font-size=\"11\">"));
        Axis(svg, bands.Count, height);
        for (var i = 0; i < bands.Count; i++)
        {
            Row(svg, bands[i], Top + (i * RowHeight), i % 2 == 1, withBackend);
        }

        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static void Axis(StringBuilder svg, int rows, int height)
    {
        var bottom = Top + (rows * RowHeight);
        svg.AppendLine(I($"<text x=\"{LabelX}\" y=\"14\" font-weight=\"600\">scenario · timing</text>"));
        svg.AppendLine(I($"<text x=\"{(PlotLeft + PlotRight) / 2}\" y=\"14\" text-anchor=\"middle\" font-weight=\"600\">measured ÷ latest allowed (max + jitter)</text>"));
        svg.AppendLine(I($"<text x=\"{ValueX}\" y=\"14\" font-weight=\"600\">measured · window [min, max] + jitter</text>"));
        for (var tick = 0.0; tick <= AxisEnd + 1e-9; tick += Ticks)
        {
            var x = X(tick);
            var latest = Math.Abs(tick - 1) < 1e-9;
            svg.AppendLine(latest
                ? I($"<line x1=\"{x:0.#}\" y1=\"{Top - 4}\" x2=\"{x:0.#}\" y2=\"{bottom + 4}\" stroke=\"#596275\" stroke-dasharray=\"4 3\"/>")
                : I($"<line x1=\"{x:0.#}\" y1=\"{Top - 4}\" x2=\"{x:0.#}\" y2=\"{bottom + 4}\" stroke=\"#e5e8ee\"/>"));
            if (Math.Abs((tick * 2) - Math.Round(tick * 2)) < 1e-9)
            {
                var text = latest ? "1 = latest" : tick.ToString("0.#", CultureInfo.InvariantCulture);
                svg.AppendLine(I($"<text x=\"{x:0.#}\" y=\"{Top - 8}\" text-anchor=\"middle\" fill=\"#596275\">{text}</text>"));
                svg.AppendLine(I($"<text x=\"{x:0.#}\" y=\"{height - 4}\" text-anchor=\"middle\" fill=\"#596275\">{text}</text>"));
            }
        }
    }

    private static void Row(StringBuilder svg, TimingBand band, int y, bool striped, bool withBackend)
    {
        var timing = band.Timing;
        var colour = Colours.GetValueOrDefault(timing.Verdict, "#8a8f98");
        var middle = y + (RowHeight / 2.0);
        var value = timing.Verdict switch
        {
            TimingVerdict.WithinBound => $"{Format.Measured(timing)} · {Format.Window(timing)}",
            TimingVerdict.Missed => $"{Format.Verdict(timing.Verdict)} · {Format.Window(timing)}",
            _ => $"{Format.Verdict(timing.Verdict)}: {Format.Measured(timing)} · {Format.Window(timing)}",
        };
        var title = $"{band.Row.Label} {band.Row.Feature}: {band.Row.Scenario} · {timing.Name}: {value}" +
                    (timing.SourceNote is { } note ? $" ({note})" : string.Empty) +
                    (timing.Formula is { } formula ? $" = {formula}" : string.Empty);
        svg.AppendLine(I($"<a href=\"#scenario-{band.ScenarioIndex + 1}\"><title>{E(title)}</title>"));
        if (striped)
        {
            svg.AppendLine(I($"<rect x=\"0\" y=\"{y}\" width=\"{Width}\" height=\"{RowHeight}\" fill=\"#f6f8fa\"/>"));
        }

        svg.AppendLine(I($"<text x=\"{LabelX}\" y=\"{middle + 4:0.#}\" fill=\"#1d2330\">{E(Label(band, withBackend))}</text>"));
        var scale = band.Scale;
        var min = (timing.BoundMinSeconds ?? 0) / scale;
        var max = timing.BoundMaxSeconds is { } m ? m / scale : AxisEnd;
        var latest = max + ((timing.JitterSeconds ?? 0) / scale);
        Rect(svg, min, max, middle, 4, "#8fb0e6");
        Rect(svg, max, latest, middle, 4, "#d3e0f5");
        if (timing.MeasuredSeconds is { } measured)
        {
            Measurement(svg, measured / scale, (timing.PrecisionSeconds ?? 0) / scale, middle, colour);
        }
        else
        {
            // Never came: a cross at the axis' end.
            var x = PlotRight - 5;
            svg.AppendLine(I($"<path d=\"M{x - 4},{middle - 4:0.#} l8,8 m0,-8 l-8,8\" stroke=\"{colour}\" stroke-width=\"2\"/>"));
        }

        svg.AppendLine(I($"<text x=\"{ValueX}\" y=\"{middle + 4:0.#}\" fill=\"{(timing.Verdict == TimingVerdict.WithinBound ? "#1d2330" : colour)}\">{E(value)}</text>"));
        svg.AppendLine("</a>");
    }

    private static void Measurement(StringBuilder svg, double at, double precision, double middle, string colour)
    {
        if (precision > 0 && at - precision < AxisEnd)
        {
            var (from, to) = (X(at - precision), X(at + precision));
            svg.AppendLine(I($"<path d=\"M{from:0.#},{middle:0.#} H{to:0.#} M{from:0.#},{middle - 3:0.#} v6 M{to:0.#},{middle - 3:0.#} v6\" stroke=\"{colour}\" stroke-width=\"1.5\" fill=\"none\"/>"));
        }

        var x = X(at);
        svg.AppendLine(at > AxisEnd
            ? I($"<path d=\"M{x - 7:0.#},{middle - 5:0.#} l8,5 l-8,5 z\" fill=\"{colour}\"/>")
            : I($"<circle cx=\"{x:0.#}\" cy=\"{middle:0.#}\" r=\"3.5\" fill=\"{colour}\" stroke=\"#ffffff\" stroke-width=\"0.8\"/>"));
    }

    private static void Rect(StringBuilder svg, double from, double to, double middle, double halfHeight, string fill)
    {
        var (left, right) = (X(from), X(to));
        if (right - left < 0.5)
        {
            return;
        }

        svg.AppendLine(I($"<rect x=\"{left:0.#}\" y=\"{middle - halfHeight:0.#}\" width=\"{right - left:0.#}\" height=\"{halfHeight * 2:0.#}\" fill=\"{fill}\"/>"));
    }

    // The timing's name always shows; the scenario's title is cut to what the column holds (the row's tooltip has it whole).
    private static string Label(TimingBand band, bool withBackend)
    {
        var name = band.Timing.Name;
        var scenario = (withBackend ? band.Row.Label + " " : string.Empty) + band.Row.Scenario;
        var room = LabelCharacters - name.Length - 3;
        if (room < 8)
        {
            return name.Length > LabelCharacters ? name[..(LabelCharacters - 1)] + "…" : name;
        }

        return $"{(scenario.Length > room ? scenario[..(room - 1)].TrimEnd() + "…" : scenario)} · {name}";
    }

    private static double X(double unit) => PlotLeft + (Math.Clamp(unit, 0, AxisEnd) * (PlotRight - PlotLeft) / AxisEnd);

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
