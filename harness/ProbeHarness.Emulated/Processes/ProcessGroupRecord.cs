namespace ProbeHarness.Emulated.Processes;

/// <summary>One started process group as recorded on disk, so a later run can remove it if this harness dies.</summary>
/// <param name="ProcessGroupId">The group (and session) id: the pid of the process started with <c>setsid</c>.</param>
/// <param name="StartTicks">The leader's start time in clock ticks since boot (guards against pid reuse).</param>
/// <param name="Description">What it is, e.g. <c>ns/pod/container #1</c>.</param>
internal sealed record ProcessGroupRecord(int ProcessGroupId, long StartTicks, string Description);
