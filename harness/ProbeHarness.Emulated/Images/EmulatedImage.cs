namespace ProbeHarness.Emulated.Images;

/// <summary>One entry of <c>emulated-images.json</c>: how an image's repository runs as a local command.</summary>
public sealed record EmulatedImage
{
    /// <summary>The image repository it matches, without tag or digest (e.g. <c>busybox</c>, <c>probe-harness/target-app</c>).</summary>
    public required string Repository { get; init; }

    /// <summary>What the image is mapped to, for messages and the README.</summary>
    public string Description { get; init; } = "";

    /// <summary>The image's ENTRYPOINT; placeholders <c>{dotnet}</c> and <c>{targetAppDll}</c> are filled in at resolution.</summary>
    public IReadOnlyList<string> Entrypoint { get; init; } = [];

    /// <summary>The image's CMD (used when the container sets neither command nor args).</summary>
    public IReadOnlyList<string> Cmd { get; init; } = [];

    /// <summary>The image's ENV, overridden by the container's env; values are container paths, mapped like the container's own.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>A multicall binary (e.g. <c>busybox</c>) that runs every command as an applet when it is found on the host; else commands run as they are.</summary>
    public string? Multicall { get; init; }
}
