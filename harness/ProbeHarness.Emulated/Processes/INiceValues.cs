namespace ProbeHarness.Emulated.Processes;

/// <summary>The kernel's nice values for this process's threads and for a session's autogroup, behind a seam so <see cref="CpuPriority"/> is testable without root.</summary>
internal interface INiceValues
{
    /// <summary>The ids of this process's threads at the moment of the call.</summary>
    IReadOnlyList<int> ThreadIds();

    /// <summary>The nice value of thread <paramref name="threadId"/>; null when it has ended.</summary>
    int? GetThread(int threadId);

    /// <summary>Sets the nice value of thread <paramref name="threadId"/> (0: the calling thread); 0 on success, else the errno.</summary>
    int SetThread(int threadId, int nice);

    /// <summary>Sets the nice value of the autogroup of <paramref name="processId"/>'s session; 0 on success or when the kernel has no autogroups, else the errno.</summary>
    int SetAutogroup(int processId, int nice);
}
