using System.Globalization;

namespace ProbeHarness.Gherkin.Scenarios;

/// <summary>
/// The xunit row argument naming one pickle: <c>featurePath#pickleIndex</c>. Unique across features because the
/// feature path is; the index is the pickle's position in its feature, which is also its run order.
/// </summary>
/// <param name="FeaturePath">The feature file's path.</param>
/// <param name="PickleIndex">The 0-based position of the pickle in the feature.</param>
public readonly record struct ScenarioId(string FeaturePath, int PickleIndex)
{
    private const char Separator = '#';

    /// <summary>The row id of the single case reporting that a feature file does not parse.</summary>
    public static string ParseErrorRowId(string featurePath) => $"{featurePath}{Separator}parse-error";

    /// <summary>The row id of the single case reporting that a feature file has no scenarios.</summary>
    public static string NoScenariosRowId(string featurePath) => $"{featurePath}{Separator}no-scenarios";

    /// <summary>Reads <c>path#index</c>; false for any other text, including the special row ids.</summary>
    public static bool TryParse(string text, out ScenarioId id)
    {
        var separator = text.LastIndexOf(Separator);
        if (separator > 0
            && int.TryParse(text.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            id = new ScenarioId(text[..separator], index);
            return true;
        }

        id = default;
        return false;
    }

    /// <summary>The id as <c>path#index</c>.</summary>
    public override string ToString() => $"{FeaturePath}{Separator}{PickleIndex.ToString(CultureInfo.InvariantCulture)}";
}
