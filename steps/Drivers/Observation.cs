namespace ProbeHarness.Steps.Drivers;

/// <summary>What one look at the cluster state found: whether the expectation holds, in words, and the value it yields.</summary>
/// <param name="Holds">True when the expectation holds in this state.</param>
/// <param name="Detail">What was seen, e.g. <c>restartCount=1, running since 10:00:03</c>.</param>
/// <param name="Value">The value the expectation yields when it holds (e.g. the time of a restart).</param>
public readonly record struct Observation<T>(bool Holds, string Detail, T? Value);

/// <summary>Shorthands for <see cref="Observation{T}"/>.</summary>
public static class Observation
{
    /// <summary>The expectation holds, yielding <paramref name="value"/>.</summary>
    public static Observation<T> Holds<T>(T value, string detail) => new(true, detail, value);

    /// <summary>The expectation holds.</summary>
    public static Observation<bool> Holds(string detail) => new(true, detail, true);

    /// <summary>The expectation does not hold (yet).</summary>
    public static Observation<T> Not<T>(string detail) => new(false, detail, default);

    /// <summary>The expectation does not hold (yet).</summary>
    public static Observation<bool> Not(string detail) => new(false, detail, false);

    /// <summary>Holds when <paramref name="condition"/> is true.</summary>
    public static Observation<bool> If(bool condition, string detail) => new(condition, detail, condition);
}
