namespace ProbeHarness.TargetApp.Faults;

/// <summary>The lower-case names of <see cref="ProbeKind"/> used in URLs, JSON and logs.</summary>
public static class ProbeKindNames
{
    /// <summary>Every probe kind in the order the API lists them.</summary>
    public static IReadOnlyList<ProbeKind> All { get; } = [ProbeKind.Liveness, ProbeKind.Readiness, ProbeKind.Startup];

    /// <summary>The name of <paramref name="kind"/>, e.g. <c>liveness</c>.</summary>
    public static string Name(this ProbeKind kind) => kind switch
    {
        ProbeKind.Liveness => "liveness",
        ProbeKind.Readiness => "readiness",
        ProbeKind.Startup => "startup",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Finds the kind named <paramref name="name"/> (case-insensitive).</summary>
    public static bool TryParse(string name, out ProbeKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
