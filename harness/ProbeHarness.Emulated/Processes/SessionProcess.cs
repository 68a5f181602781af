using System.Diagnostics;
using ProbeHarness.Emulated.Images;

namespace ProbeHarness.Emulated.Processes;

/// <summary>Starts a process as the leader of a new session and process group (<c>setsid</c>), so the whole group can be signalled.</summary>
/// <remarks>
/// setsid and sh both <c>exec</c>, so the started pid is the program itself, and also its group and session id.
/// It runs with <see cref="CpuPriority"/>'s nice when the process may give it.
/// </remarks>
internal static class SessionProcess
{
    private static readonly Lazy<string> Setsid = new(() => ExecutableSearch.Find("setsid", ExecutableSearch.HostPath)
        ?? throw new FileNotFoundException("setsid (util-linux) was not found on PATH: the emulated backend starts every container in its own session with it", "setsid"));

    /// <summary>Starts <paramref name="argv"/> with stdin from /dev/null and stdout+stderr appended to <paramref name="logFile"/>.</summary>
    public static Process StartLogged(IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> environment, string workingDirectory, string logFile) =>
        Start("exec \"$@\" </dev/null >>\"$0\" 2>&1", logFile, argv, environment, workingDirectory, redirectOutput: false);

    /// <summary>Starts <paramref name="argv"/> with stdin from /dev/null and stderr merged into the redirected stdout.</summary>
    public static Process StartCaptured(IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> environment, string workingDirectory) =>
        Start("exec \"$@\" </dev/null 2>&1", "sh", argv, environment, workingDirectory, redirectOutput: true);

    private static Process Start(
        string script,
        string zeroArgument,
        IReadOnlyList<string> argv,
        IReadOnlyDictionary<string, string> environment,
        string workingDirectory,
        bool redirectOutput)
    {
        var start = new ProcessStartInfo(Setsid.Value)
        {
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = redirectOutput,
        };
        foreach (var word in new[] { "/bin/sh", "-c", script, zeroArgument }.Concat(argv))
        {
            start.ArgumentList.Add(word);
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        // The child inherits the forking thread's nice; its new session is a new autogroup, raised once setsid has made it.
        CpuPriority.Shared.RaiseCallingThread();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {argv[0]}");
        WaitForSession(process);
        CpuPriority.Shared.RaiseSession(process.Id);
        return process;
    }

    // Until setsid has run, the group does not exist and kill(-pid) would miss the process: callers may signal at once.
    private static void WaitForSession(Process process)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 5;
        while (!process.HasExited && ProcessStat.Read(process.Id) is { } stat && stat.SessionId != process.Id)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new InvalidOperationException($"{process.Id} did not become a session leader within 5 s (setsid)");
            }

            Thread.Sleep(1);
        }
    }
}
