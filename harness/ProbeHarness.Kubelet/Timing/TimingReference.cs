namespace ProbeHarness.Kubelet.Timing;

/// <summary>The moment a timing counts from.</summary>
public enum TimingReference
{
    /// <summary>The fault became active.</summary>
    Fault,

    /// <summary>The fault ended (healed, or its duration ran out).</summary>
    Recovery,

    /// <summary>The container started running (a fault present from the start, or no fault).</summary>
    Start,

    /// <summary>The kill started (Killing event).</summary>
    Kill,

    /// <summary>The previous run exited.</summary>
    Exit,

    /// <summary>The container counted as started.</summary>
    Started,
}
