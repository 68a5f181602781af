using System.Globalization;

namespace ProbeHarness.Emulated.Tests.Support;

/// <summary>Finds host processes by their environment (every emulated container has <c>BIND_ADDRESS=&lt;pod IP&gt;</c>).</summary>
internal static class HostProcesses
{
    /// <summary>The pids of live processes whose environment holds <paramref name="variable"/> exactly.</summary>
    public static IReadOnlyList<int> WithEnvironment(string variable)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var environment = File.ReadAllText(Path.Combine(dir, "environ")).Split('\0');
                var state = File.ReadAllText(Path.Combine(dir, "stat"));
                var zombie = state[(state.LastIndexOf(')') + 2)..].StartsWith('Z');
                if (!zombie && environment.Contains(variable))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile.
            }
        }

        return found;
    }

    /// <summary>Waits until no live process has <paramref name="variable"/>; false when some still do after <paramref name="within"/>.</summary>
    public static async Task<bool> UntilNoneWithEnvironmentAsync(string variable, TimeSpan within)
    {
        var end = DateTime.UtcNow + within;
        while (WithEnvironment(variable).Count > 0)
        {
            if (DateTime.UtcNow >= end)
            {
                return false;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return true;
    }
}
