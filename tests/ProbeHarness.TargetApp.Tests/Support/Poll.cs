using System.Diagnostics;

namespace ProbeHarness.TargetApp.Tests.Support;

/// <summary>Waits for a condition that becomes true with time (fault windows, delays), checking every 100 ms.</summary>
public static class Poll
{
    /// <summary>Returns how long it took <paramref name="condition"/> to hold; throws <see cref="TimeoutException"/> naming <paramref name="what"/> otherwise.</summary>
    public static async Task<TimeSpan> UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (await condition())
            {
                return watch.Elapsed;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"{what} did not happen within {timeout}");
    }

    /// <summary>Synchronous-condition form of <see cref="UntilAsync(Func{Task{bool}}, TimeSpan, string)"/>.</summary>
    public static Task<TimeSpan> UntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what);
}
