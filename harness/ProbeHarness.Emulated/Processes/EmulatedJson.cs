using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProbeHarness.Emulated.Processes;

/// <summary>Source-generated JSON for the emulator's own small files (run owner, process group records).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(RunOwner))]
[JsonSerializable(typeof(ProcessGroupRecord))]
internal sealed partial class EmulatedJson : JsonSerializerContext;
