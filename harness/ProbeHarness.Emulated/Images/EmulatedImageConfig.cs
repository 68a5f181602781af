namespace ProbeHarness.Emulated.Images;

/// <summary>The root of <c>emulated-images.json</c>.</summary>
public sealed record EmulatedImageConfig
{
    /// <summary>The image entries, matched by repository.</summary>
    public IReadOnlyList<EmulatedImage> Images { get; init; } = [];
}
