using System.Globalization;
using System.Text.RegularExpressions;
using ProbeHarness.Kubelet.Timing;

namespace ProbeHarness.Steps.Drivers;

/// <summary>How long an expectation may take: a fixed number of seconds, a bound derived from a probe's spec, or a stated window after the pod's last fault.</summary>
/// <param name="Seconds">A fixed time from the step on, or null.</param>
/// <param name="Bound">The probe whose spec gives the bound, or null.</param>
/// <param name="Window">A window stated by the scenario, in seconds after the pod's last fault, or null.</param>
public sealed partial record Within(double? Seconds, ProbeKind? Bound, ReactionWindow? Window = null)
{
    /// <summary>Between <paramref name="min"/> and <paramref name="max"/> seconds after the pod's last fault (judged with the measurement's precision).</summary>
    public static Within Between(double min, double max) =>
        min <= max
            ? new Within(null, null, ReactionWindow.Stated(min, max))
            : throw new ScenarioInputException($"'between {min} and {max} s': the first number must not exceed the second.");

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
    public override string ToString() =>
        Window is { } w ? string.Create(CultureInfo.InvariantCulture, $"{w.Min.TotalSeconds:0.#}–{w.Max.TotalSeconds:0.#} s after the fault")
        : Seconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:0.#} s")
        : $"the {Bound.ToString()!.ToLowerInvariant()} {(Bound == ProbeKind.Startup ? "" : "detection ")}bound";

    [GeneratedRegex(@"^(\d+(?:\.\d+)?) ?s(?:econds?)?$")]
    private static partial Regex FixedSeconds();
}
