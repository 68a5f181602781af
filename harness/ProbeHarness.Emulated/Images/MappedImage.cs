namespace ProbeHarness.Emulated.Images;

/// <summary>An image map entry with where it was written: its map and its index there, for messages and <c>{mapDir}</c>.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Source">The map that holds it.</param>
/// <param name="Index">Its index in that map's <c>images</c>.</param>
internal sealed record MappedImage(EmulatedImage Entry, EmulatedImageSource Source, int Index)
{
    /// <summary>The entry as messages name it: <c>my-images.json: images[0] ('example/own-app')</c>.</summary>
    public string Describe() => $"{Source.Name}: images[{Index}] ('{Entry.Repository}')";
}
