namespace ProbeHarness.Emulated.Images;

/// <summary>An image ready to run: entrypoint and cmd with placeholders filled, image env, and the multicall binary found on this host (if any).</summary>
/// <param name="Image">The image reference as the pod spec wrote it.</param>
/// <param name="Entrypoint">The image's ENTRYPOINT.</param>
/// <param name="Cmd">The image's CMD.</param>
/// <param name="Env">The image's ENV.</param>
/// <param name="MulticallPath">The full path of the multicall binary that runs every command, or null to run commands directly.</param>
public sealed record ResolvedImage(
    string Image,
    IReadOnlyList<string> Entrypoint,
    IReadOnlyList<string> Cmd,
    IReadOnlyDictionary<string, string> Env,
    string? MulticallPath);
