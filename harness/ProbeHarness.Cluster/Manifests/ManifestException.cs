namespace ProbeHarness.Cluster.Manifests;

/// <summary>A workload manifest cannot be used; the message names the file and, when known, the line and column.</summary>
public sealed class ManifestException : Exception
{
    /// <summary>Creates the exception for <paramref name="file"/>, at <paramref name="line"/>/<paramref name="column"/> when known.</summary>
    public ManifestException(string file, long? line, long? column, string problem, Exception? innerException = null)
        : base(Format(file, line, column, problem), innerException)
    {
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The manifest file (or the source name given to <see cref="WorkloadManifest.Parse"/>).</summary>
    public string File { get; }

    /// <summary>One-based line of the problem, when it has one.</summary>
    public long? Line { get; }

    /// <summary>One-based column of the problem, when it has one.</summary>
    public long? Column { get; }

    private static string Format(string file, long? line, long? column, string problem) => (line, column) switch
    {
        ({ } l, { } c) => $"{file}: line {l}, column {c}: {problem}",
        ({ } l, null) => $"{file}: line {l}: {problem}",
        _ => $"{file}: {problem}",
    };
}
