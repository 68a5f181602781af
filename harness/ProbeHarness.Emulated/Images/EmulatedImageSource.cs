namespace ProbeHarness.Emulated.Images;

/// <summary>One image map as read: its entries, its name in messages, and the directory <c>{mapDir}</c> stands for.</summary>
/// <param name="Config">The entries, in file order.</param>
/// <param name="Name">Where the map came from, for messages (a file path, or the built-in default).</param>
/// <param name="MapDirectory">The full path of the directory holding the map file; null for a map not read from a file (the built-in one), which may not use <c>{mapDir}</c>.</param>
public sealed record EmulatedImageSource(EmulatedImageConfig Config, string Name, string? MapDirectory);
