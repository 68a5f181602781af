using ProbeHarness.Reporting.Model;
using ScottPlot;

namespace ProbeHarness.Reporting.Timeline;

/// <summary>Draws a scenario's timeline picture (ScottPlot, SVG): one lane per probe, state and timing window on one time axis, 0 at the first fault.</summary>
public static class TimelinePlot
{
    /// <summary>Picture width in pixels.</summary>
    public const int Width = 960;

    private const double BarHalfHeight = 0.28;

    private static readonly Color Good = Color.FromHex("#2e9d4b");
    private static readonly Color Bad = Color.FromHex("#d7263d");
    private static readonly Color Neutral = Color.FromHex("#8a8f98");
    private static readonly Color FaultShade = Color.FromHex("#d7263d").WithAlpha(0.10);
    private static readonly Color WindowShade = Color.FromHex("#2f6fd6").WithAlpha(0.30);
    private static readonly Color JitterShade = Color.FromHex("#2f6fd6").WithAlpha(0.12);
    private static readonly Color EventColor = Color.FromHex("#7b3fb5");

    /// <summary>The picture as SVG text; height grows with the number of lanes.</summary>
    public static string ToSvg(ScenarioRow row)
    {
        var layout = TimelineLanes.For(row);
        var (lanes, axisStart, axisEnd) = (layout.Lanes, layout.AxisStart, layout.AxisEnd);
        EmbeddedFontResolver.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(EmbeddedFontResolver.Family);
        plot.Title($"{row.Label} {row.Scenario}", size: 14);
        plot.Axes.Bottom.Label.Text = layout.AxisLabel;
        plot.Axes.Bottom.Label.FontSize = 12;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;

        if (lanes.Count == 0)
        {
            plot.Add.Text("no timeline was recorded", (axisStart + axisEnd) / 2, 0.5).LabelFontSize = 12;
            plot.Axes.SetLimits(axisStart, axisEnd, 0, 1);
            return plot.GetSvgXml(Width, 140);
        }

        // Lanes run top to bottom: the first lane sits at the highest y.
        var positions = lanes.Select((_, i) => (double)(lanes.Count - i)).ToArray();
        foreach (var fault in lanes.Where(l => l.Kind == LaneKind.Fault).SelectMany(l => l.Marks))
        {
            var span = plot.Add.HorizontalSpan(fault.Start, Math.Max(fault.End, fault.Start + 0.05));
            span.FillStyle.Color = FaultShade;
            span.LineStyle.Width = 0;
        }

        if (layout.FromFault)
        {
            var firstFault = plot.Add.VerticalLine(0);
            firstFault.Color = Bad.WithAlpha(0.6);
            firstFault.LineWidth = 1;
        }

        for (var i = 0; i < lanes.Count; i++)
        {
            Draw(plot, lanes[i], positions[i], new LabelRoom(axisStart, axisEnd));
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, lanes.Select(l => l.Title).ToArray());
        plot.Axes.SetLimits(axisStart, axisEnd, 0.4, lanes.Count + 0.6);
        return plot.GetSvgXml(Width, 110 + (30 * lanes.Count));
    }

    private static void Draw(Plot plot, TimelineLane lane, double y, LabelRoom room)
    {
        foreach (var mark in lane.Marks)
        {
            switch (lane.Kind)
            {
                case LaneKind.Fault:
                    Bar(plot, mark.Start, mark.End, y, Bad.WithAlpha(0.55));
                    Label(plot, room, mark.Text, mark.Start, y);
                    break;
                case LaneKind.Probe:
                    Dot(plot, mark.Start, y, ColorOf(mark.Tone), MarkerShape.FilledCircle, 8);
                    break;
                case LaneKind.State:
                    Bar(plot, mark.Start, mark.End, y, ColorOf(mark.Tone).WithAlpha(0.75));
                    break;
                case LaneKind.Event:
                    Dot(plot, mark.Start, y, EventColor, MarkerShape.FilledTriangleUp, 11);
                    Label(plot, room, mark.Text, mark.Start, y);
                    break;
                case LaneKind.Window when mark.Tone is MarkTone.Window or MarkTone.Jitter:
                    Bar(plot, mark.Start, Math.Max(mark.End, mark.Start + 0.05), y, mark.Tone == MarkTone.Window ? WindowShade : JitterShade);
                    break;
                case LaneKind.Window:
                    ErrorBar(plot, mark, y);
                    Dot(plot, mark.Start, y, ColorOf(mark.Tone), MarkerShape.FilledDiamond, 11);
                    Label(plot, room, mark.Text, mark.Start, y);
                    break;
            }
        }

        room.NextLane();
    }

    private static void Bar(Plot plot, double start, double end, double y, Color color)
    {
        var bar = plot.Add.Rectangle(start, end, y - BarHalfHeight, y + BarHalfHeight);
        bar.FillStyle.Color = color;
        bar.LineStyle.Width = 0;
    }

    // The measurement's precision: where the truth may lie either side of the diamond.
    private static void ErrorBar(Plot plot, LaneMark mark, double y)
    {
        if (mark.Precision <= 0)
        {
            return;
        }

        var color = ColorOf(mark.Tone);
        var bar = plot.Add.Line(mark.Start - mark.Precision, y, mark.Start + mark.Precision, y);
        bar.LineColor = color;
        bar.LineWidth = 2;
        foreach (var end in new[] { mark.Start - mark.Precision, mark.Start + mark.Precision })
        {
            var cap = plot.Add.Line(end, y - (BarHalfHeight / 2), end, y + (BarHalfHeight / 2));
            cap.LineColor = color;
            cap.LineWidth = 2;
        }
    }

    private static void Dot(Plot plot, double x, double y, Color color, MarkerShape shape, float size)
    {
        var marker = plot.Add.Marker(x, y);
        marker.Color = color;
        marker.Shape = shape;
        marker.Size = size;
    }

    // A label that would run into the lane's previous one is left out (its marker stays); one past the right edge is
    // drawn leftwards from its marker.
    private static void Label(Plot plot, LabelRoom room, string text, double x, double y)
    {
        if (room.Place(text, x) is not { } alignment)
        {
            return;
        }

        var label = plot.Add.Text(text, x, y + BarHalfHeight);
        label.LabelFontSize = 10;
        label.LabelFontColor = Colors.Black;
        label.LabelAlignment = alignment;
    }

    private static Color ColorOf(MarkTone tone) => tone switch
    {
        MarkTone.Good => Good,
        MarkTone.Bad => Bad,
        MarkTone.Window => WindowShade,
        MarkTone.Jitter => JitterShade,
        _ => Neutral,
    };

    /// <summary>Tracks where the labels of the lane being drawn end, in seconds, to keep them from overlapping.</summary>
    private sealed class LabelRoom(double axisStart, double axisEnd)
    {
        // About 6 px per character at 10 pt across the roughly 760 px wide data area.
        private readonly double _secondsPerCharacter = (axisEnd - axisStart) * 6 / 760;
        private double _laneEnd = double.NegativeInfinity;

        public Alignment? Place(string text, double x)
        {
            var width = (text.Length + 1) * _secondsPerCharacter;
            var (start, end, alignment) = x + width <= axisEnd ? (x, x + width, Alignment.LowerLeft) : (x - width, x, Alignment.LowerRight);
            if (start < _laneEnd)
            {
                return null;
            }

            _laneEnd = end;
            return alignment;
        }

        public void NextLane() => _laneEnd = double.NegativeInfinity;
    }
}
