using System.Diagnostics;
using System.Globalization;

namespace ProbeHarness.Kubernetes;

/// <summary>Whether a process of an earlier run on this machine still runs, so its namespaces and files are left alone.</summary>
internal static class LocalProcess
{
    /// <summary>True when <paramref name="pidText"/> names a live process on this machine.</summary>
    public static bool IsRunning(string pidText) =>
        int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && IsRunning(pid);

    /// <summary>True when <paramref name="pid"/> is a live process on this machine.</summary>
    public static bool IsRunning(int pid)
    {
        if (pid <= 0)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
