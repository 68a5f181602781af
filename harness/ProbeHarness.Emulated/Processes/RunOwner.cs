namespace ProbeHarness.Emulated.Processes;

/// <summary>The harness process that owns a run directory, as written to its <c>owner.json</c>.</summary>
/// <param name="ProcessId">The harness's pid.</param>
/// <param name="StartTicks">The harness's start time in clock ticks since boot, to tell it from a later process with the same pid.</param>
/// <param name="StartedAt">When the run began, for messages.</param>
internal sealed record RunOwner(int ProcessId, long StartTicks, DateTimeOffset StartedAt)
{
    /// <summary>Whether the owning harness is still running.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsAlive => ProcessStat.Read(ProcessId) is { } stat && stat.StartTicks == StartTicks;

    /// <summary>The current process as an owner.</summary>
    public static RunOwner Current() => new(Environment.ProcessId, ProcessStat.Self().StartTicks, DateTimeOffset.UtcNow);
}
