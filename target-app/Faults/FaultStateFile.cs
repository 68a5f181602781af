using System.Text;
using System.Text.Json;
using ProbeHarness.TargetApp.Configuration;
using ProbeHarness.TargetApp.Files;

namespace ProbeHarness.TargetApp.Faults;

/// <summary>The fault state persisted in <c>FAULT_STATE_DIR</c>, so a fault survives a container restart.</summary>
/// <remarks>Fault windows are stored as absolute times, so a fault with <c>forSeconds</c> still ends when first asked.</remarks>
public sealed class FaultStateFile
{
    /// <summary>The file name inside the state directory.</summary>
    public const string FileName = "faults.json";

    /// <summary>Creates the store for directory <paramref name="directory"/>.</summary>
    public FaultStateFile(string directory)
    {
        Path = System.IO.Path.Combine(directory, FileName);
    }

    /// <summary>Full path of the state file.</summary>
    public string Path { get; }

    /// <summary>The persisted state, or null when none was written yet; throws <see cref="SettingsException"/> for an unreadable file.</summary>
    public FaultSnapshot? Load()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            return FaultSnapshotParser.ParsePersisted(File.ReadAllText(Path));
        }
        catch (FaultInputException exception)
        {
            throw new SettingsException("FAULT_STATE_DIR", $"{Path}: {exception.Message}");
        }
    }

    /// <summary>Writes <paramref name="snapshot"/> atomically, creating the directory if needed.</summary>
    public void Save(FaultSnapshot snapshot, DateTimeOffset now)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            snapshot.WriteFieldsTo(json, now);
            json.WriteEndObject();
        }

        AtomicFile.Write(Path, Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
