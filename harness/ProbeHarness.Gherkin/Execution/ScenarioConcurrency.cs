using System.Globalization;

namespace ProbeHarness.Gherkin.Execution;

/// <summary>How many scenarios may run at once in one test run (<c>HARNESS_MAX_PARALLEL_SCENARIOS</c>, default 16 unless the suite sets another, at most 256).</summary>
/// <param name="Value">The cap.</param>
public sealed record ScenarioConcurrency(int Value)
{
    /// <summary>The environment variable that sets it.</summary>
    public const string Variable = "HARNESS_MAX_PARALLEL_SCENARIOS";

    /// <summary>The default when the suite sets none: scenarios mostly wait on probe periods, so a 2-core machine carries 16 (docs/benchmarks.md has the figures).</summary>
    public const int DefaultValue = 16;

    /// <summary>The ceiling: no setting allows more at once.</summary>
    public const int Ceiling = 256;

    /// <summary>The cap <paramref name="lookup"/> sets, else <paramref name="defaultValue"/>; throws <see cref="FormatException"/> naming the variable and its value.</summary>
    public static ScenarioConcurrency FromEnvironment(Func<string, string?> lookup, int defaultValue = DefaultValue)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentOutOfRangeException.ThrowIfLessThan(defaultValue, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(defaultValue, Ceiling);
        var text = lookup(Variable)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return new ScenarioConcurrency(defaultValue);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= Ceiling
            ? new ScenarioConcurrency(value)
            : throw new FormatException(
                $"{Variable}='{text}' is not a number of scenarios; use a whole number from 1 to {Ceiling} (default {defaultValue}; 1 runs them one at a time).");
    }

    /// <summary>The cap as <c>16 at once</c>.</summary>
    public override string ToString() => $"{Value.ToString(CultureInfo.InvariantCulture)} at once";
}
