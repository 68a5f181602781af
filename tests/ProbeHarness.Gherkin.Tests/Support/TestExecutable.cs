using System.Diagnostics;
using ProbeHarness.Gherkin.Execution;

namespace ProbeHarness.Gherkin.Tests.Support;

/// <summary>One run of this very test executable in a child process, with xunit's own command line.</summary>
/// <param name="ExitCode">The child's exit code (xunit: 0 all passed, 1 some failed).</param>
/// <param name="Output">Standard output and error.</param>
/// <param name="ReportDirectory">The <c>HARNESS_REPORT_DIR</c> the child wrote its Cucumber reports to.</param>
internal sealed record TestRun(int ExitCode, string Output, string ReportDirectory) : IDisposable
{
    /// <summary>Deletes the run's report directory.</summary>
    public void Dispose() => Directory.Delete(ReportDirectory, recursive: true);

    /// <summary>The Cucumber NDJSON report of the run.</summary>
    public string MessagesFile => Path.Combine(ReportDirectory, "cucumber.ndjson");

    /// <summary>The Cucumber HTML report of the run.</summary>
    public string HtmlFile => Path.Combine(ReportDirectory, "cucumber.html");
}

/// <summary>
/// Runs the test executable again in a child process (never with the unit tests selected: the arguments always filter
/// on feature traits), so end-to-end tests can see what a user sees: listings, exit codes, failure messages, reports.
/// </summary>
internal static class TestExecutable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>Runs the executable with <paramref name="arguments"/> (xunit in-process runner syntax).</summary>
    public static Task<TestRun> RunAsync(params string[] arguments) =>
        RunAsync(new Dictionary<string, string>(), arguments);

    /// <summary>Runs the executable with <paramref name="environment"/> added to its environment and <paramref name="arguments"/>.</summary>
    public static async Task<TestRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var reports = Directory.CreateTempSubdirectory("probeharness-gherkin-report-").FullName;
        var start = StartInfo();
        foreach (var argument in new[] { "-noLogo", "-noColor" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[ReportDirectory.EnvironmentVariable] = reports;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = AppContext.BaseDirectory;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The child test run ({string.Join(' ', arguments)}) did not finish within {Limit}.");
        }

        return new TestRun(process.ExitCode, await output + await error, reports);
    }

    private static ProcessStartInfo StartInfo()
    {
        var name = typeof(TestExecutable).Assembly.GetName().Name!;
        var appHost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? name + ".exe" : name);
        if (File.Exists(appHost))
        {
            return new ProcessStartInfo(appHost);
        }

        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, name + ".dll"));
        return start;
    }
}
