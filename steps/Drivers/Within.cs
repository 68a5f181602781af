using System.Globalization;
using System.Text.RegularExpressions;

namespace ProbeHarness.Steps.Drivers;

/// <summary>How long an expectation may take: a fixed number of seconds, or a bound derived from a probe's spec.</summary>
/// <param name="Seconds">A fixed time from the step on, or null for a bound.</param>
/// <param name="Bound">The probe whose spec gives the bound, or null for a fixed time.</param>
public sealed partial record Within(double? Seconds, ProbeKind? Bound)
{
    /// <summary>The phrases a step may use after "within".</summary>
    public static readonly IReadOnlyList<string> Phrases =
        ["<n> s", "the liveness detection bound", "the readiness detection bound", "the startup bound"];

    /// <summary>Reads "20 s", "the liveness detection bound", "the readiness detection bound" or "the startup bound".</summary>
    public static Within Parse(string text)
    {
        var trimmed = text.Trim();
        if (FixedSeconds().Match(trimmed) is { Success: true } match)
        {
            return new Within(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), null);
        }

        return trimmed switch
        {
            "the liveness detection bound" => new Within(null, ProbeKind.Liveness),
            "the readiness detection bound" => new Within(null, ProbeKind.Readiness),
            "the startup bound" => new Within(null, ProbeKind.Startup),
            _ => throw new ScenarioInputException($"'within {trimmed}': allowed are {string.Join(", ", Phrases.Select(p => $"'within {p}'"))}."),
        };
    }

    /// <inheritdoc/>
    public override string ToString() => Seconds is { } s
        ? string.Create(CultureInfo.InvariantCulture, $"{s:0.#} s")
        : $"the {Bound.ToString()!.ToLowerInvariant()} {(Bound == ProbeKind.Startup ? "" : "detection ")}bound";

    [GeneratedRegex(@"^(\d+(?:\.\d+)?) ?s(?:econds?)?$")]
    private static partial Regex FixedSeconds();
}
