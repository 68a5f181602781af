using System.Formats.Tar;
using System.Text.Json;

namespace ProbeHarness.Kubernetes.Images;

/// <summary>Reads the image names inside a <c>docker save</c> archive (Docker's <c>manifest.json</c> or an OCI <c>index.json</c>).</summary>
/// <remarks>An archive saved by image id has no names, and <c>ctr images import</c> would then load it unnamed: the pods could not find it.</remarks>
public static class DockerArchive
{
    private static readonly string[] NameAnnotations = ["io.containerd.image.name", "org.opencontainers.image.ref.name"];

    /// <summary>The image references the archive names, as written (e.g. <c>probe-harness/target-app:sha-…</c>).</summary>
    /// <exception cref="InvalidDataException">The stream is not a tar archive with a manifest.json or index.json.</exception>
    public static IReadOnlyList<string> ReadImageNames(Stream archive)
    {
        var names = new List<string>();
        var sawIndex = false;
        using var reader = new TarReader(archive, leaveOpen: true);
        try
        {
            while (reader.GetNextEntry() is { } entry)
            {
                var entryName = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
                if (entry.DataStream is null || entryName is not ("manifest.json" or "index.json"))
                {
                    continue;
                }

                sawIndex = true;
                using var document = JsonDocument.Parse(entry.DataStream);
                names.AddRange(entryName == "manifest.json" ? RepoTags(document.RootElement) : IndexNames(document.RootElement));
            }
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            throw new InvalidDataException($"Not a docker save archive: {exception.Message}", exception);
        }

        return sawIndex
            ? names.Distinct(StringComparer.Ordinal).ToList()
            : throw new InvalidDataException("Not a docker save archive: it has neither manifest.json nor index.json.");
    }

    /// <summary>Checks that the archive at <paramref name="path"/> names <paramref name="reference"/>.</summary>
    /// <exception cref="InvalidDataException">It does not; the message lists the names it has.</exception>
    public static void EnsureNamed(string path, string reference)
    {
        using var file = File.OpenRead(path);
        var names = ReadImageNames(file);
        var wanted = Normalize(reference);
        if (!names.Any(name => Normalize(name) == wanted))
        {
            throw new InvalidDataException(
                $"{path} does not name {reference} (it names: {(names.Count == 0 ? "nothing" : string.Join(", ", names))}); " +
                "ctr would import it unnamed and the pods could not find it. Delete the file so it is saved again by name.");
        }
    }

    /// <summary>A reference in the fully qualified form containerd stores, e.g. <c>docker.io/library/busybox:latest</c>.</summary>
    public static string Normalize(string reference)
    {
        var name = reference;
        var lastSlash = name.LastIndexOf('/');
        if (name.IndexOf('@', StringComparison.Ordinal) < 0 && name.LastIndexOf(':') <= lastSlash)
        {
            name += ":latest";
        }

        var firstSlash = name.IndexOf('/', StringComparison.Ordinal);
        if (firstSlash < 0)
        {
            return "docker.io/library/" + name;
        }

        var first = name[..firstSlash];
        var isRegistry = first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost";
        return isRegistry ? name : "docker.io/" + name;
    }

    private static IEnumerable<string> RepoTags(JsonElement manifest) =>
        manifest.ValueKind != JsonValueKind.Array
            ? []
            : manifest.EnumerateArray()
                .Where(image => image.ValueKind == JsonValueKind.Object && image.TryGetProperty("RepoTags", out var tags) && tags.ValueKind == JsonValueKind.Array)
                .SelectMany(image => image.GetProperty("RepoTags").EnumerateArray())
                .Select(tag => tag.GetString())
                .OfType<string>();

    private static IEnumerable<string> IndexNames(JsonElement index) =>
        index.ValueKind != JsonValueKind.Object || !index.TryGetProperty("manifests", out var manifests) || manifests.ValueKind != JsonValueKind.Array
            ? []
            : manifests.EnumerateArray()
                .Where(manifest => manifest.TryGetProperty("annotations", out _))
                .SelectMany(manifest => NameAnnotations
                    .Select(key => manifest.GetProperty("annotations").TryGetProperty(key, out var value) ? value.GetString() : null))
                .OfType<string>()
                // org.opencontainers.image.ref.name is often only the tag; only full references identify the image.
                .Where(name => name.Contains(':', StringComparison.Ordinal) || name.Contains('/', StringComparison.Ordinal));
}
