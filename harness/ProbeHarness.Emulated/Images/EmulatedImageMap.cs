using ProbeHarness.Cluster;
using System.Text.Json;

namespace ProbeHarness.Emulated.Images;

/// <summary>Maps container images to local commands, from <c>emulated-images.json</c> (see the project README).</summary>
/// <remarks>A map is one or more sources; for a repository in several, the first source's entry wins. A user's file
/// (<c>HARNESS_EMULATED_IMAGES</c>) comes before the built-in map, so it adds images and may override built-in ones.</remarks>
public sealed class EmulatedImageMap
{
    /// <summary>The environment variable naming a map file whose entries come before the built-in <c>emulated-images.json</c>.</summary>
    public const string FileVariable = "HARNESS_EMULATED_IMAGES";

    /// <summary>The placeholder for the directory of the map file that holds the entry; allowed anywhere in an entrypoint or cmd word.</summary>
    public const string MapDirectoryPlaceholder = "{mapDir}";

    /// <summary>The placeholder for the repository root (the built-in map's example apps live there).</summary>
    public const string RepositoryRootPlaceholder = "{repositoryRoot}";

    private const string ResourceName = "ProbeHarness.Emulated.emulated-images.json";
    private const string BuiltInName = "emulated-images.json (built in)";

    private readonly Dictionary<string, MappedImage> _byRepository;
    private readonly Func<string> _findTargetAppDll;
    private readonly Func<string> _findDotnet;

    /// <summary>Creates a map over one <paramref name="config"/> that was not read from a file; <paramref name="source"/> names it in messages.</summary>
    public EmulatedImageMap(EmulatedImageConfig config, string source, Func<string>? findTargetAppDll = null, Func<string>? findDotnet = null)
        : this([new EmulatedImageSource(config ?? throw new ArgumentNullException(nameof(config)), source, null)], findTargetAppDll, findDotnet)
    {
    }

    /// <summary>Creates a map over <paramref name="sources"/>, earlier ones winning; throws <see cref="FormatException"/> naming the source and index of a bad entry.</summary>
    public EmulatedImageMap(IReadOnlyList<EmulatedImageSource> sources, Func<string>? findTargetAppDll = null, Func<string>? findDotnet = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        Source = string.Join(", then ", sources.Select(source => source.Name));
        _findTargetAppDll = findTargetAppDll ?? TargetAppLocator.FindDll;
        _findDotnet = findDotnet ?? ExecutableSearch.FindDotnet;
        _byRepository = new Dictionary<string, MappedImage>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var own = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < source.Config.Images.Count; i++)
            {
                var mapped = Validate(source, i);
                var repository = RepositoryOf(mapped.Entry.Repository);
                if (!own.Add(repository))
                {
                    throw new FormatException($"{source.Name}: images[{i}].repository '{mapped.Entry.Repository}' appears twice");
                }

                // An earlier source's entry for the same repository wins: a user's map overrides the built-in one.
                _byRepository.TryAdd(repository, mapped);
            }
        }
    }

    /// <summary>Where the map was read from: the sources in order (a file path, or the built-in default).</summary>
    public string Source { get; }

    /// <summary>The repositories the map knows.</summary>
    public IReadOnlyCollection<string> Repositories => _byRepository.Keys;

    /// <summary>Loads the built-in <c>emulated-images.json</c>, after the file named by <c>HARNESS_EMULATED_IMAGES</c> when it is set; the finders fill the placeholders (default: the real ones).</summary>
    public static EmulatedImageMap Load(Func<string>? findTargetAppDll = null, Func<string>? findDotnet = null)
    {
        var path = Environment.GetEnvironmentVariable(FileVariable);
        return string.IsNullOrEmpty(path)
            ? new EmulatedImageMap([BuiltIn()], findTargetAppDll, findDotnet)
            : FromFile(path, findTargetAppDll, findDotnet);
    }

    /// <summary>The map file at <paramref name="path"/> followed by the built-in map: its entries add images and override built-in ones.</summary>
    public static EmulatedImageMap FromFile(string path, Func<string>? findTargetAppDll = null, Func<string>? findDotnet = null)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"{FileVariable}={path}: there is no such image map file", fullPath);
        }

        var user = ReadSource(File.ReadAllText(fullPath), fullPath, Path.GetDirectoryName(fullPath));
        return new EmulatedImageMap([user, BuiltIn()], findTargetAppDll, findDotnet);
    }

    /// <summary>The built-in <c>emulated-images.json</c> embedded in the assembly.</summary>
    public static EmulatedImageSource BuiltIn()
    {
        using var stream = typeof(EmulatedImageMap).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the built-in {ResourceName} resource is missing from the assembly");
        using var reader = new StreamReader(stream);
        return ReadSource(reader.ReadToEnd(), BuiltInName, null);
    }

    /// <summary>Reads one map; a syntax error names <paramref name="name"/> and the line; <paramref name="mapDirectory"/> is what <c>{mapDir}</c> stands for (null: not allowed).</summary>
    public static EmulatedImageSource ReadSource(string json, string name, string? mapDirectory)
    {
        EmulatedImageConfig? config;
        try
        {
            config = JsonSerializer.Deserialize(json, ImageJson.Default.EmulatedImageConfig);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{name} line {(e.LineNumber ?? 0) + 1}: {e.Message}", e);
        }

        // Source-generated JSON leaves an absent list null despite the initializer.
        return new EmulatedImageSource(config is { Images: not null } ? config : new EmulatedImageConfig(), name, mapDirectory);
    }

    /// <summary>Parses a map that was not read from a file (no <c>{mapDir}</c>); a syntax error names <paramref name="source"/> and the line.</summary>
    public static EmulatedImageMap Parse(string json, string source, Func<string>? findTargetAppDll = null, Func<string>? findDotnet = null) =>
        new([ReadSource(json, source, null)], findTargetAppDll, findDotnet);

    /// <summary>The repository of an image reference: tag and digest dropped, <c>docker.io/</c> and <c>library/</c> removed.</summary>
    public static string RepositoryOf(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
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

    /// <summary>Resolves <paramref name="image"/>; throws <see cref="KeyNotFoundException"/> naming the map when it has no entry, and
    /// <see cref="FileNotFoundException"/> naming the map file, the entry and the fix when the program it runs is not on this host.</summary>
    public ResolvedImage Resolve(string image)
    {
        if (!_byRepository.TryGetValue(RepositoryOf(image), out var mapped))
        {
            throw new KeyNotFoundException(
                $"image '{image}' has no local command in {Source}; the emulated backend runs only mapped images "
                + $"({string.Join(", ", _byRepository.Keys)}). Add an entry (see harness/ProbeHarness.Emulated/README.md) or set {FileVariable}.");
        }

        var entry = mapped.Entry;
        var multicall = entry.Multicall is { Length: > 0 } name ? ExecutableSearch.Find(name, ExecutableSearch.HostPath) : null;
        var dotnet = new Lazy<string>(_findDotnet);
        // Source-generated JSON leaves an absent list null despite the initializers.
        var entrypoint = Fill(entry.Entrypoint ?? [], mapped, dotnet);
        var cmd = Fill(entry.Cmd ?? [], mapped, dotnet);
        CommandFileCheck.ThrowIfMissing(mapped, entrypoint, cmd);
        return new ResolvedImage(image, entrypoint, cmd, entry.Env ?? new Dictionary<string, string>(), multicall);
    }

    private static MappedImage Validate(EmulatedImageSource source, int index)
    {
        var entry = source.Config.Images[index];
        if (string.IsNullOrWhiteSpace(entry?.Repository))
        {
            throw new FormatException($"{source.Name}: images[{index}].repository is missing");
        }

        var mapped = new MappedImage(entry, source, index);
        var usesMapDirectory = (entry.Entrypoint ?? []).Concat(entry.Cmd ?? [])
            .Any(word => word.Contains(MapDirectoryPlaceholder, StringComparison.Ordinal));
        if (usesMapDirectory && source.MapDirectory is null)
        {
            throw new FormatException(
                $"{mapped.Describe()} uses {MapDirectoryPlaceholder}, the directory of the map file that holds the entry, "
                + $"but this map was not read from a file; put the entry in a file named by {FileVariable}");
        }

        return mapped;
    }

    private List<string> Fill(IReadOnlyList<string> words, MappedImage mapped, Lazy<string> dotnet) =>
        words.Select(word => word switch
        {
            "{dotnet}" => dotnet.Value,
            "{targetAppDll}" => _findTargetAppDll(),
            _ when word.Contains(RepositoryRootPlaceholder, StringComparison.Ordinal) => word.Replace(RepositoryRootPlaceholder, RepositoryPaths.Root, StringComparison.Ordinal),
            _ when mapped.Source.MapDirectory is { } directory => word.Replace(MapDirectoryPlaceholder, directory, StringComparison.Ordinal),
            _ => word,
        }).ToList();
}
