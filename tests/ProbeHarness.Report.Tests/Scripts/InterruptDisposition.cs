using System.Diagnostics;
using System.Globalization;

namespace ProbeHarness.Report.Tests.Scripts;

/// <summary>Whether this process ignores SIGINT (inherited from a background start), and how a child gets it back.</summary>
public static class InterruptDisposition
{
    /// <summary>coreutils' env, which resets a signal's disposition before it executes the program (<c>--default-signal</c>, coreutils 8.31+).</summary>
    public const string EnvProgram = "/usr/bin/env";

    private const int SigInt = 2;

    private static readonly Lazy<string?> Problem = new(FindProblem);

    /// <summary>True when SIGINT is ignored here (the SigIgn mask of /proc/self/status), so every child would ignore it too.</summary>
    public static bool IgnoredHere { get; } = ReadIgnored();

    /// <summary>Why a child cannot be given SIGINT back here, or null when <see cref="EnvProgram"/> can.</summary>
    public static string? CannotRestore => Problem.Value;

    private static bool ReadIgnored()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return false;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask)
            && (mask & (1UL << (SigInt - 1))) != 0;
    }

    private static string? FindProblem()
    {
        const string because = "this test process ignores SIGINT (it was started in the background by a non-interactive shell), so PowerShell would never see the interrupt";
        if (!File.Exists(EnvProgram))
        {
            return $"{because}, and there is no {EnvProgram} to give it back";
        }

        try
        {
            using var probe = Process.Start(new ProcessStartInfo(EnvProgram, ["--default-signal=INT", "true"]) { RedirectStandardError = true })!;
            probe.WaitForExit();
            return probe.ExitCode == 0 ? null : $"{because}, and {EnvProgram} has no --default-signal (coreutils 8.31+) to give it back";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{because}, and {EnvProgram} could not run: {e.Message}";
        }
    }
}
