using ProbeHarness.Emulated.Processes;

namespace ProbeHarness.Emulated.Tests.Support;

/// <summary>Threads and their nice values in memory; a set can be refused with an errno, and a listing can start a thread, as a race would.</summary>
internal sealed class FakeNiceValues : INiceValues
{
    private readonly Dictionary<int, int> _threads = [];

    public FakeNiceValues(params int[] niceOfEachThread)
    {
        foreach (var nice in niceOfEachThread)
        {
            _threads[_threads.Count + 1] = nice;
        }
    }

    /// <summary>The errno every set returns (0: permitted).</summary>
    public int RefuseWith { get; init; }

    /// <summary>Runs after the first listing: a thread started in the middle of a pass.</summary>
    public Action<Dictionary<int, int>>? DuringFirstPass { get; set; }

    public int Sets { get; private set; }

    public int? AutogroupNice { get; private set; }

    public IReadOnlyDictionary<int, int> Threads => _threads;

    public IReadOnlyList<int> ThreadIds()
    {
        var ids = _threads.Keys.ToList();
        DuringFirstPass?.Invoke(_threads);
        DuringFirstPass = null;
        return ids;
    }

    // Thread 0 is the calling thread, as for getpriority(2).
    public int? GetThread(int threadId) => _threads.TryGetValue(Math.Max(threadId, 1), out var nice) ? nice : null;

    public int SetThread(int threadId, int nice)
    {
        Sets++;
        if (RefuseWith != 0)
        {
            return RefuseWith;
        }

        _threads[Math.Max(threadId, 1)] = nice;
        return 0;
    }

    public int SetAutogroup(int processId, int nice)
    {
        if (RefuseWith != 0)
        {
            return RefuseWith;
        }

        AutogroupNice = nice;
        return 0;
    }
}
