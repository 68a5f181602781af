namespace ProbeHarness.Steps.Drivers;

/// <summary>A fault the scenario injected: when it became active, into which pods, and what those pods looked like then.</summary>
/// <param name="Request">The fault API call.</param>
/// <param name="ActiveAt">When the fault became (or becomes, when scheduled) active, by the harness clock.</param>
/// <param name="Pods">The pods it went to, by name.</param>
/// <param name="RestartCounts">Each pod's restart count when the fault was sent, so a later restart can be told apart.</param>
public sealed record InjectedFault(FaultRequest Request, DateTimeOffset ActiveAt, IReadOnlyList<string> Pods, IReadOnlyDictionary<string, int> RestartCounts);
