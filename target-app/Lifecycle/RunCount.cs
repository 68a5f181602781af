namespace ProbeHarness.TargetApp.Lifecycle;

/// <summary>Counts the app's runs in a file that outlives the container (an emptyDir), so an init container can fail its first runs and then succeed.</summary>
public static class RunCount
{
    /// <summary>Records this run in <paramref name="file"/> and returns its number (1 for the first).</summary>
    public static int Next(string file)
    {
        var previous = File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var n) ? n : 0;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        File.WriteAllText(file, (previous + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return previous + 1;
    }

    /// <summary>The exit code of run <paramref name="run"/> that ends by itself: 0 from <paramref name="succeedFromRun"/> on, else <paramref name="exitCode"/>.</summary>
    public static int ExitCodeOf(int run, int exitCode, int? succeedFromRun) =>
        succeedFromRun is { } from && run >= from ? 0 : exitCode;
}
