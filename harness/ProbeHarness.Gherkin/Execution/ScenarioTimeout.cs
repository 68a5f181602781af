using System.Globalization;

namespace ProbeHarness.Gherkin.Execution;

/// <summary>How long one scenario may run, hooks included (<c>HARNESS_SCENARIO_TIMEOUT_SECONDS</c>, default 600 s, at most 3600 s).</summary>
/// <param name="Value">The timeout.</param>
public sealed record ScenarioTimeout(TimeSpan Value)
{
    /// <summary>The environment variable that sets it.</summary>
    public const string Variable = "HARNESS_SCENARIO_TIMEOUT_SECONDS";

    /// <summary>The default in seconds.</summary>
    public const int DefaultSeconds = 600;

    /// <summary>The hard ceiling in seconds: no setting allows a scenario longer than this.</summary>
    public const int CeilingSeconds = 3600;

    /// <summary>The timeout <paramref name="lookup"/> sets; throws <see cref="FormatException"/> naming the variable and its value.</summary>
    public static ScenarioTimeout FromEnvironment(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var text = lookup(Variable)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return new ScenarioTimeout(TimeSpan.FromSeconds(DefaultSeconds));
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= CeilingSeconds
            ? new ScenarioTimeout(TimeSpan.FromSeconds(seconds))
            : throw new FormatException(
                $"{Variable}='{text}' is not a scenario timeout; use a whole number of seconds from 1 to {CeilingSeconds} (default {DefaultSeconds}).");
    }

    /// <summary>The timeout as <c>600 s</c>.</summary>
    public override string ToString() => $"{Value.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
}
