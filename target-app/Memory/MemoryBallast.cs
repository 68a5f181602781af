namespace ProbeHarness.TargetApp.Memory;

/// <summary>Memory the app leaks on purpose (<c>POST /faults/leak</c>); every page is touched so it counts in the working set.</summary>
public sealed class MemoryBallast
{
    private const int ChunkBytes = 1024 * 1024;
    private const int PageBytes = 4096;
    private readonly List<byte[]> _chunks = [];
    private readonly Lock _gate = new();

    /// <summary>Megabytes leaked so far.</summary>
    public int LeakedMegabytes
    {
        get
        {
            lock (_gate)
            {
                return _chunks.Count;
            }
        }
    }

    /// <summary>The process's working set in whole megabytes.</summary>
    public static long WorkingSetMegabytes => Environment.WorkingSet / ChunkBytes;

    /// <summary>Allocates and touches <paramref name="megabytes"/> more megabytes that are never freed.</summary>
    public void Grow(int megabytes)
    {
        var added = new List<byte[]>(megabytes);
        for (var i = 0; i < megabytes; i++)
        {
            var chunk = GC.AllocateUninitializedArray<byte>(ChunkBytes);
            for (var offset = 0; offset < chunk.Length; offset += PageBytes)
            {
                chunk[offset] = 1;
            }

            added.Add(chunk);
        }

        lock (_gate)
        {
            _chunks.AddRange(added);
        }
    }
}
