using System.Diagnostics;
using ProbeHarness.Cluster;

namespace ProbeHarness.Report.Tests.Scripts;

/// <summary>Runs a copy of run-tests.ps1 in a scratch folder with PowerShell 7 (the repository's dotnet tool) and a fake dotnet.</summary>
public sealed class RunTestsScript : IDisposable
{
    private static readonly Lazy<string?> PwshProblem = new(FindPwshProblem);

    public RunTestsScript()
    {
        Folder = Directory.CreateTempSubdirectory("run-tests-").FullName;
        File.Copy(Path.Combine(RepositoryPaths.Root, "run-tests.ps1"), ScriptPath);
        File.WriteAllText(FakePath, FakeDotnet.Script.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(FakePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Environment["HARNESS_DOTNET"] = FakePath;
        Environment["FAKE_DIR"] = Folder;
        Environment["FAKE_REAL_DOTNET"] = DotnetHost;
        Environment["FAKE_REPORT_DLL"] = Path.Combine(AppContext.BaseDirectory, "ProbeHarness.Report.dll");
    }

    /// <summary>The scratch folder: the script's "repository root".</summary>
    public string Folder { get; }

    public string ScriptPath => Path.Combine(Folder, "run-tests.ps1");

    public string FakePath => Path.Combine(Folder, "fake-dotnet.sh");

    /// <summary>Variables for the script's process (the fake reads FAKE_*).</summary>
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>The dotnet host running these tests.</summary>
    public static string DotnetHost => System.Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet"
        ? path
        : "dotnet";

    /// <summary>Skips the test, with the reason, where the script cannot run here.</summary>
    public static void SkipUnlessRunnable()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "the fake dotnet is a bash script; run-tests.ps1's tests run on Linux and macOS");
        Assert.SkipWhen(PwshProblem.Value is not null, PwshProblem.Value ?? string.Empty);
    }

    public string In(params string[] parts) => Path.Combine([Folder, .. parts]);

    /// <summary>Starts <c>dotnet tool run pwsh -- -NoProfile -File run-tests.ps1 args</c>.</summary>
    public Process Start(params string[] args) => Start(interruptible: false, args);

    /// <summary>Starts the script as <see cref="Start(string[])"/> does; <paramref name="interruptible"/> gives it SIGINT's default disposition even when this process ignores SIGINT.</summary>
    /// <remarks>A process started in the background by a non-interactive shell (a CI runner, <c>cmd &amp;</c>) ignores SIGINT, and every descendant inherits that: PowerShell would never see the interrupt.</remarks>
    public Process Start(bool interruptible, params string[] args)
    {
        var restore = interruptible && InterruptDisposition.IgnoredHere;
        var start = new ProcessStartInfo(restore ? InterruptDisposition.EnvProgram : DotnetHost)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var launcher = restore ? new[] { "--default-signal=INT", DotnetHost } : [];
        foreach (var argument in launcher.Concat(["tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-File", ScriptPath]).Concat(args))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("HARNESS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs the script to its end; returns its exit code and output.</summary>
    public async Task<ScriptResult> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new ScriptResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The fake's log of dotnet calls, one line each.</summary>
    public IReadOnlyList<string> Calls => File.Exists(In("calls.log")) ? File.ReadAllLines(In("calls.log")) : [];

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static string? FindPwshProblem()
    {
        try
        {
            var start = new ProcessStartInfo(DotnetHost, ["tool", "run", "pwsh", "--", "-NoProfile", "-Command", "exit 0"])
            {
                WorkingDirectory = RepositoryPaths.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : $"PowerShell 7 is not available (run `dotnet tool restore`): {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception failure)
        {
            return $"dotnet could not be started: {failure.Message}";
        }
    }
}

/// <summary>What a script run left.</summary>
public sealed record ScriptResult(int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;
}
