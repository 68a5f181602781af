namespace ProbeHarness.Steps.Drivers;

/// <summary>How a counted value must compare with the number a step states.</summary>
public enum CountBound
{
    /// <summary>Equal to it.</summary>
    Exactly,

    /// <summary>It or more.</summary>
    AtLeast,

    /// <summary>It or fewer.</summary>
    AtMost,
}
