using ProbeHarness.Cluster;

namespace ProbeHarness.Steps.Support;

/// <summary>Appends every live progress line to a file, because <c>dotnet test</c> shows no test output until a test ends.</summary>
/// <remarks><c>run-tests.ps1</c> follows this file while the suite runs; with plain <c>dotnet test</c>, <c>tail -f</c> it.</remarks>
internal static class ProgressFile
{
    private static readonly Lock Gate = new();
    private static readonly string? FilePath = Open();

    /// <summary>Appends one line with the wall-clock time; output problems never fail a scenario.</summary>
    public static void Append(string line)
    {
        if (FilePath is null)
        {
            return;
        }

        lock (Gate)
        {
            try
            {
                File.AppendAllText(FilePath, $"{DateTime.Now:HH:mm:ss} {line}{Environment.NewLine}");
            }
            catch (IOException)
            {
                // Progress is a courtesy; the test output and the records still carry every line.
            }
        }
    }

    // The file: HARNESS_PROGRESS_LOG, else artifacts/progress.log under the repository; null when it cannot be written.
    private static string? Open()
    {
        try
        {
            var path = Environment.GetEnvironmentVariable("HARNESS_PROGRESS_LOG") is { Length: > 0 } fromEnvironment
                ? Path.GetFullPath(fromEnvironment)
                : Path.Combine(RepositoryPaths.Root, "artifacts", "progress.log");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, string.Empty);
            return path;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
