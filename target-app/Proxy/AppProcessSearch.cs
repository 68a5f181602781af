namespace ProbeHarness.TargetApp.Proxy;

/// <summary>The result of an <see cref="IAppProcessFinder"/> search: the app's process ids (lowest first), or the problem and its fix.</summary>
/// <param name="ProcessIds">The owners found; empty when none was.</param>
/// <param name="Problem">Why none was found and what would fix it; null when found.</param>
public sealed record AppProcessSearch(IReadOnlyList<int> ProcessIds, string? Problem)
{
    /// <summary>Whether at least one process was found.</summary>
    public bool Found => ProcessIds.Count > 0;

    /// <summary>A search that found <paramref name="processIds"/>.</summary>
    public static AppProcessSearch Of(IEnumerable<int> processIds) => new(processIds.Order().ToList(), null);

    /// <summary>A search that found nothing, because of <paramref name="problem"/>.</summary>
    public static AppProcessSearch Failed(string problem) => new([], problem);
}
