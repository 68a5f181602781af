using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProbeHarness.Emulated.Images;

/// <summary>Source-generated JSON for <c>emulated-images.json</c> (camelCase, comments and trailing commas allowed).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(EmulatedImageConfig))]
internal sealed partial class ImageJson : JsonSerializerContext;
