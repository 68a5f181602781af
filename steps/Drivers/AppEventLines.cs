namespace ProbeHarness.Steps.Drivers;

/// <summary>The event lines of one or two container logs, typed and in log order, with every line that looked like an event but was not readable.</summary>
/// <param name="Events">The events: the previous log's first, then the current log's, each in line order (not sorted by <see cref="AppEvent.At"/>).</param>
/// <param name="Problems">The marked lines that could not be read.</param>
public sealed record AppEventLines(IReadOnlyList<AppEvent> Events, IReadOnlyList<AppEventProblem> Problems)
{
    /// <summary>No events, no problems.</summary>
    public static AppEventLines Empty { get; } = new([], []);

    /// <summary>Whether a previous log was read; false when the container has no terminated instance yet.</summary>
    public bool HasPreviousLog { get; init; }

    /// <summary>The events of <paramref name="kind"/>, in order.</summary>
    public IEnumerable<AppEvent> OfKind(AppEventKind kind) => Events.Where(e => e.Kind == kind);

    /// <summary>These lines followed by <paramref name="later"/>'s.</summary>
    public AppEventLines Concat(AppEventLines later)
    {
        ArgumentNullException.ThrowIfNull(later);
        return new AppEventLines([.. Events, .. later.Events], [.. Problems, .. later.Problems]) { HasPreviousLog = HasPreviousLog || later.HasPreviousLog };
    }
}
