using System.Diagnostics;

namespace ProbeHarness.Reporting.Tests.Samples;

/// <summary>Opens a page in headless Chromium (<c>/usr/bin/chromium</c>) with a fresh profile and no network chatter.</summary>
public static class HeadlessChromium
{
    /// <summary>Where the browser is expected.</summary>
    public const string Executable = "/usr/bin/chromium";

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>True when the browser is installed.</summary>
    public static bool IsInstalled => File.Exists(Executable);

    /// <summary>Loads <paramref name="file"/> in a window of <paramref name="window"/> pixels (Chromium's default when null) and returns its DOM and log.</summary>
    public static async Task<BrowserPage> OpenAsync(string file, (int Width, int Height)? window = null)
    {
        var profile = Directory.CreateTempSubdirectory("probe-report-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
            string[] size = window is { } w ? [$"--window-size={w.Width},{w.Height}"] : [];
            foreach (var argument in (string[])
                     [
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         $"--user-data-dir={profile.FullName}", "--enable-logging=stderr", "--v=0", "--dump-dom", .. size,
                         new Uri(Path.GetFullPath(file)).AbsoluteUri,
                     ])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
            var dom = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var log = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            limit.CancelAfter(Limit);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not render {file} within {Limit}.");
            }

            return new BrowserPage(await dom, await log);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
