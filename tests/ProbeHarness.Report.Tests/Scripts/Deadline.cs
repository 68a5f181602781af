namespace ProbeHarness.Report.Tests.Scripts;

/// <summary>Waits on observable state with a deadline, never on elapsed time: a loaded machine only makes it slower.</summary>
internal static class Deadline
{
    /// <summary>Long enough for PowerShell and a fake dotnet to start at a load average of 10+ on two cores.</summary>
    public static readonly TimeSpan Generous = TimeSpan.FromMinutes(5);

    /// <summary>Polls <paramref name="condition"/> until it holds (true) or <paramref name="within"/> passes (false).</summary>
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan within)
    {
        var end = DateTime.UtcNow + within;
        while (!condition())
        {
            if (DateTime.UtcNow >= end)
            {
                return false;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return true;
    }
}
