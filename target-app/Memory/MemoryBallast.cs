using ProbeHarness.TargetApp.Faults;

namespace ProbeHarness.TargetApp.Memory;

/// <summary>Memory the app leaks on purpose (<c>POST /faults/leak</c>); every page is touched so it counts in the working set.</summary>
public sealed class MemoryBallast
{
    private const int ChunkBytes = 1024 * 1024;
    private const int PageBytes = 4096;
    private readonly List<byte[]> _chunks = [];
    private readonly Lock _gate = new();
    private readonly LeakLimits _limits;
    private int _reserved;

    /// <summary>Creates the ballast with the limits of <paramref name="limits"/>.</summary>
    public MemoryBallast(LeakLimits limits)
    {
        _limits = limits;
    }

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

    /// <summary>
    /// Allocates and touches <paramref name="megabytes"/> more megabytes that are never freed; beyond a limit it throws
    /// <see cref="FaultInputException"/> for <c>megabytes</c> naming the value and the limit, and leaks nothing.
    /// </summary>
    public void Grow(int megabytes)
    {
        Reserve(megabytes);
        var added = new List<byte[]>(megabytes);
        try
        {
            for (var i = 0; i < megabytes; i++)
            {
                var chunk = GC.AllocateUninitializedArray<byte>(ChunkBytes);
                for (var offset = 0; offset < chunk.Length; offset += PageBytes)
                {
                    chunk[offset] = 1;
                }

                added.Add(chunk);
            }
        }
        catch (OutOfMemoryException)
        {
            Release(megabytes);
            throw;
        }

        lock (_gate)
        {
            _chunks.AddRange(added);
        }
    }

    // Counted before allocating, so two calls at once cannot pass the total together.
    private void Reserve(int megabytes)
    {
        if (megabytes > _limits.PerCallMegabytes)
        {
            throw new FaultInputException(
                "megabytes",
                $"{megabytes} is more than one call may leak ({_limits.PerCallMegabytes}, set by {LeakLimits.PerCallVariable})");
        }

        lock (_gate)
        {
            if (_reserved + megabytes > _limits.TotalMegabytes)
            {
                throw new FaultInputException(
                    "megabytes",
                    $"{megabytes} more would make {_reserved + megabytes} in all, more than this process may leak "
                    + $"({_limits.TotalMegabytes}, set by {LeakLimits.TotalVariable}); {_reserved} leaked so far, only a restart frees it");
            }

            _reserved += megabytes;
        }
    }

    private void Release(int megabytes)
    {
        lock (_gate)
        {
            _reserved -= megabytes;
        }
    }
}
