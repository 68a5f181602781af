namespace ProbeHarness.Reporting.Scrubbing;

/// <summary>Tells the <see cref="ArtifactFormat"/> of a file from its name.</summary>
public static class ArtifactFormats
{
    /// <summary>The format of the file at <paramref name="path"/>: <see cref="ArtifactFormat.Html"/> for <c>.html</c>/<c>.htm</c>, else data.</summary>
    public static ArtifactFormat Of(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".html" or ".htm" => ArtifactFormat.Html,
            _ => ArtifactFormat.Data,
        };
}
