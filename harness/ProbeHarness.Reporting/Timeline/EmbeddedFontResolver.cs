using System.Reflection;
using ScottPlot;
using SkiaSharp;

namespace ProbeHarness.Reporting.Timeline;

/// <summary>Serves the fonts the report ships (DejaVu Sans, regular and bold) so pictures have text on machines without fonts.</summary>
/// <remarks>Public so every picture of the harness (the report's timelines, the probe advisor's chart) uses it. A fresh machine or CI container often has no font at all: ScottPlot then draws no text, and every lane and axis label is lost.</remarks>
public sealed class EmbeddedFontResolver : IFontResolver
{
    /// <summary>The family name the pictures ask for.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<EmbeddedFontResolver> Registered = new(Register);

    private readonly SKTypeface _regular = Load("DejaVuSans.ttf");
    private readonly SKTypeface _bold = Load("DejaVuSans-Bold.ttf");

    private EmbeddedFontResolver()
    {
    }

    /// <summary>Registers the resolver ahead of the system's fonts, once per process.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    /// <inheritdoc />
    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

    /// <inheritdoc />
    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase) ? (bold ? _bold : _regular) : null;

    private static EmbeddedFontResolver Register()
    {
        var resolver = new EmbeddedFontResolver();
        Fonts.FontResolvers.Insert(0, resolver);
        // Labels added to a plot take the default family, not the plot's.
        Fonts.Default = Family;
        return resolver;
    }

    private static SKTypeface Load(string file)
    {
        var name = $"ProbeHarness.Reporting.Fonts.{file}";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the report's font {name} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"the report's font {name} could not be read");
    }
}
