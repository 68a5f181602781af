using System.Text.Json;

namespace ProbeHarness.Emulated.Images;

/// <summary>Maps container images to local commands, from <c>emulated-images.json</c> (see the project README).</summary>
public sealed class EmulatedImageMap
{
    /// <summary>The environment variable naming a replacement for the built-in <c>emulated-images.json</c>.</summary>
    public const string FileVariable = "HARNESS_EMULATED_IMAGES";

    private const string ResourceName = "ProbeHarness.Emulated.emulated-images.json";

    private readonly Dictionary<string, EmulatedImage> _byRepository;
    private readonly Func<string> _findTargetAppDll;
    private readonly Func<string> _findDotnet;

    /// <summary>Creates a map over <paramref name="config"/>; <paramref name="source"/> names where it came from in messages.</summary>
    public EmulatedImageMap(EmulatedImageConfig config, string source, Func<string>? findTargetAppDll = null, Func<string>? findDotnet = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        Source = source;
        _findTargetAppDll = findTargetAppDll ?? TargetAppLocator.FindDll;
        _findDotnet = findDotnet ?? ExecutableSearch.FindDotnet;
        _byRepository = new Dictionary<string, EmulatedImage>(StringComparer.Ordinal);
        for (var i = 0; i < config.Images.Count; i++)
        {
            var entry = config.Images[i];
            if (string.IsNullOrWhiteSpace(entry?.Repository))
            {
                throw new FormatException($"{source}: images[{i}].repository is missing");
            }

            if (!_byRepository.TryAdd(RepositoryOf(entry.Repository), entry))
            {
                throw new FormatException($"{source}: images[{i}].repository '{entry.Repository}' appears twice");
            }
        }
    }

    /// <summary>Where the map was read from (a file path, or the built-in default).</summary>
    public string Source { get; }

    /// <summary>The repositories the map knows.</summary>
    public IReadOnlyCollection<string> Repositories => _byRepository.Keys;

    /// <summary>Loads the file named by <c>HARNESS_EMULATED_IMAGES</c>, else the built-in <c>emulated-images.json</c>; the finders fill the placeholders (default: the real ones).</summary>
    public static EmulatedImageMap Load(Func<string>? findTargetAppDll = null, Func<string>? findDotnet = null)
    {
        var path = Environment.GetEnvironmentVariable(FileVariable);
        if (!string.IsNullOrEmpty(path))
        {
            return Parse(File.ReadAllText(path), Path.GetFullPath(path), findTargetAppDll, findDotnet);
        }

        using var stream = typeof(EmulatedImageMap).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the built-in {ResourceName} resource is missing from the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "emulated-images.json (built in)", findTargetAppDll, findDotnet);
    }

    /// <summary>Parses a map; a syntax error names <paramref name="source"/> and the line.</summary>
    public static EmulatedImageMap Parse(string json, string source, Func<string>? findTargetAppDll = null, Func<string>? findDotnet = null)
    {
        EmulatedImageConfig? config;
        try
        {
            config = JsonSerializer.Deserialize(json, ImageJson.Default.EmulatedImageConfig);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source} line {(e.LineNumber ?? 0) + 1}: {e.Message}", e);
        }

        return new EmulatedImageMap(config ?? new EmulatedImageConfig(), source, findTargetAppDll, findDotnet);
    }

    /// <summary>The repository of an image reference: tag and digest dropped, <c>docker.io/</c> and <c>library/</c> removed.</summary>
    public static string RepositoryOf(string image)
    {
        var name = image.Trim();
        var at = name.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            name = name[..at];
        }

        // A colon after the last slash is a tag; one before it belongs to a registry host:port.
        var colon = name.LastIndexOf(':');
        if (colon > name.LastIndexOf('/'))
        {
            name = name[..colon];
        }

        foreach (var prefix in new[] { "docker.io/", "index.docker.io/", "library/" })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = name[prefix.Length..];
            }
        }

        return name;
    }

    /// <summary>Whether <paramref name="image"/> has an entry.</summary>
    public bool Knows(string image) => _byRepository.ContainsKey(RepositoryOf(image));

    /// <summary>Resolves <paramref name="image"/>; throws <see cref="KeyNotFoundException"/> naming the map when it has no entry.</summary>
    public ResolvedImage Resolve(string image)
    {
        if (!_byRepository.TryGetValue(RepositoryOf(image), out var entry))
        {
            throw new KeyNotFoundException(
                $"image '{image}' has no local command in {Source}; the emulated backend runs only mapped images "
                + $"({string.Join(", ", _byRepository.Keys)}). Add an entry (see harness/ProbeHarness.Emulated/README.md) or set {FileVariable}.");
        }

        var multicall = entry.Multicall is { Length: > 0 } name ? ExecutableSearch.Find(name, ExecutableSearch.HostPath) : null;
        // Source-generated JSON leaves an absent list null despite the initializers.
        return new ResolvedImage(image, Fill(entry.Entrypoint ?? []), Fill(entry.Cmd ?? []), entry.Env ?? new Dictionary<string, string>(), multicall);
    }

    private List<string> Fill(IReadOnlyList<string> words) =>
        words.Select(word => word switch
        {
            "{dotnet}" => _findDotnet(),
            "{targetAppDll}" => _findTargetAppDll(),
            _ => word,
        }).ToList();
}
