namespace ProbeHarness.Steps.Drivers;

/// <summary>Which pods a step means: one by ordinal ("pod 2") or every pod of the Deployment.</summary>
/// <param name="Ordinal">The pod's ordinal, or null for every pod.</param>
public readonly record struct PodSelection(int? Ordinal)
{
    /// <summary>Every live pod of the Deployment.</summary>
    public static PodSelection Every { get; } = new(null);

    /// <summary>Pod <paramref name="ordinal"/>.</summary>
    public static PodSelection Pod(int ordinal) => new(ordinal);

    /// <summary>Reads "pod 2", "every pod" or "each pod".</summary>
    public static PodSelection Parse(string text)
    {
        var words = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words switch
        {
            ["pod", var n] when int.TryParse(n, out var ordinal) && ordinal >= 1 => Pod(ordinal),
            ["every" or "each", "pod"] or ["all", "pods"] => Every,
            _ => throw new ScenarioInputException($"'{text}' names no pod; write 'pod 1', 'pod 2', … or 'every pod'."),
        };
    }

    /// <inheritdoc/>
    public override string ToString() => Ordinal is { } n ? $"pod {n}" : "every pod";
}
