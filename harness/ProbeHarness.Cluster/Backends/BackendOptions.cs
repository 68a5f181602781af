using System.Globalization;

namespace ProbeHarness.Cluster.Backends;

/// <summary>How the run wants its backend set up, read from environment variables (see <see cref="FromEnvironment(Func{string, string?})"/>).</summary>
public sealed record BackendOptions
{
    /// <summary>The K3s image used when <c>HARNESS_K3S_IMAGE</c> is not set.</summary>
    public const string DefaultK3sImage = "rancher/k3s:v1.35.3-k3s1";

    /// <summary>The boot timeout used when <c>HARNESS_K3S_BOOT_TIMEOUT</c> is not set.</summary>
    public static readonly TimeSpan DefaultK3sBootTimeout = TimeSpan.FromSeconds(180);

    /// <summary>The emulated kubelet versions <c>HARNESS_EMULATED_KUBELET_VERSION</c> accepts (the profiles the emulator has).</summary>
    public static IReadOnlyList<string> EmulatedKubeletVersions { get; } = ["v1.20", "v1.32"];

    /// <summary>The replica cap used when <c>HARNESS_MAX_REPLICAS</c> is not set.</summary>
    public const int DefaultMaxReplicas = 10;

    /// <summary>The highest cap <c>HARNESS_MAX_REPLICAS</c> may set.</summary>
    public const int MaxReplicasLimit = 1000;

    /// <summary>The backend names <c>HARNESS_BACKEND</c> accepts.</summary>
    public static IReadOnlyList<string> BackendNames { get; } = ["auto", "k3s", "kubeconfig", "emulated"];

    /// <summary>The backend asked for, or null for <c>auto</c> (k3s when Docker can run it, else emulated).</summary>
    public BackendKind? Requested { get; init; }

    /// <summary>The kubeconfig file for the kubeconfig backend.</summary>
    public required string KubeconfigPath { get; init; }

    /// <summary>Where <see cref="KubeconfigPath"/> came from, for messages: <c>HARNESS_KUBECONFIG</c>, <c>KUBECONFIG</c> or <c>~/.kube/config</c>.</summary>
    public required string KubeconfigSource { get; init; }

    /// <summary>The kubeconfig context to use, or null for the file's current context.</summary>
    public string? KubeContext { get; init; }

    /// <summary>The K3s image reference.</summary>
    public string K3sImage { get; init; } = DefaultK3sImage;

    /// <summary>The target app's image reference on an existing cluster (the k3s backend builds and loads its own).</summary>
    public string? TargetImage { get; init; }

    /// <summary>Build arguments passed to <c>target-app/Dockerfile</c> when the k3s backend builds the target app (e.g. local <c>SDK_IMAGE</c>/<c>RUNTIME_IMAGE</c>); empty for the Dockerfile's defaults.</summary>
    public IReadOnlyDictionary<string, string> TargetBuildArgs { get; init; } = new Dictionary<string, string>();

    /// <summary>Locally built images the k3s backend loads into the cluster at start (<c>HARNESS_LOAD_IMAGES</c>); a workload's images the Docker engine has are loaded when it is applied too.</summary>
    public IReadOnlyList<string> LoadImages { get; init; } = [];

    /// <summary>Keep a failed scenario's namespace (and, for k3s, the cluster) and print how to reach it.</summary>
    public bool KeepOnFailure { get; init; }

    /// <summary>The Docker endpoint from <c>DOCKER_HOST</c>, or null to let Testcontainers discover it.</summary>
    public string? DockerHost { get; init; }

    /// <summary>The Docker API version from <c>DOCKER_API_VERSION</c>, or null for Testcontainers' default (1.44).</summary>
    public string? DockerApiVersion { get; init; }

    /// <summary>How long K3s may take to boot before the run fails.</summary>
    public TimeSpan K3sBootTimeout { get; init; } = DefaultK3sBootTimeout;

    /// <summary>Where the k3s backend saves the cluster's logs before removing its container; null to save none.</summary>
    public string? K3sLogDirectory { get; init; }

    /// <summary>The emulated kubelet's version, one of <see cref="EmulatedKubeletVersions"/> (default <c>v1.32</c>).</summary>
    public string EmulatedKubeletVersion { get; init; } = "v1.32";

    /// <summary>Where the emulated kubelet writes its own log (the timing check reads it); null for the default <c>artifacts/emulated-kubelet.log</c>, empty for none.</summary>
    public string? EmulatedKubeletLog { get; init; }

    /// <summary>The most replicas a scenario may ask for; a scenario asking more is refused before anything is deployed.</summary>
    public int MaxReplicas { get; init; } = DefaultMaxReplicas;

    /// <summary>Reads the options from the process environment.</summary>
    public static BackendOptions FromProcessEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>Reads the options from a fixed set of variables (absent keys count as unset).</summary>
    public static BackendOptions FromEnvironment(IReadOnlyDictionary<string, string?> variables) =>
        FromEnvironment(name => variables.TryGetValue(name, out var value) ? value : null);

    /// <summary>Reads the options through a variable lookup; empty values count as unset.</summary>
    /// <exception cref="BackendOptionsException">A variable holds a value the harness cannot use; the message names it.</exception>
    public static BackendOptions FromEnvironment(Func<string, string?> lookup)
    {
        string? Read(string name)
        {
            var value = lookup(name)?.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }

        var (kubeconfigPath, kubeconfigSource) = ResolveKubeconfig(Read);
        return new BackendOptions
        {
            Requested = ParseBackend(Read(EnvironmentVariables.Backend)),
            KubeconfigPath = kubeconfigPath,
            KubeconfigSource = kubeconfigSource,
            KubeContext = Read(EnvironmentVariables.KubeContext),
            K3sImage = Read(EnvironmentVariables.K3sImage) ?? DefaultK3sImage,
            TargetImage = Read(EnvironmentVariables.TargetImage),
            TargetBuildArgs = ParseBuildArgs(Read(EnvironmentVariables.TargetBuildArgs)),
            LoadImages = ParseImageList(Read(EnvironmentVariables.LoadImages)),
            KeepOnFailure = ParseFlag(EnvironmentVariables.KeepOnFailure, Read(EnvironmentVariables.KeepOnFailure)),
            DockerHost = Read(EnvironmentVariables.DockerHost),
            DockerApiVersion = ParseApiVersion(Read(EnvironmentVariables.DockerApiVersion)),
            K3sLogDirectory = Read(EnvironmentVariables.K3sLogs),
            K3sBootTimeout = ParseSeconds(EnvironmentVariables.K3sBootTimeout, Read(EnvironmentVariables.K3sBootTimeout)) ?? DefaultK3sBootTimeout,
            EmulatedKubeletVersion = ParseKubeletVersion(Read(EnvironmentVariables.EmulatedKubeletVersion)),
            MaxReplicas = ParseMaxReplicas(Read(EnvironmentVariables.MaxReplicas)),
            EmulatedKubeletLog = ParseKubeletLog(Read(EnvironmentVariables.EmulatedKubeletLog)),
        };
    }

    private static IReadOnlyList<string> ParseImageList(string? value)
    {
        if (value is null)
        {
            return [];
        }

        var images = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var image in images)
        {
            if (image.Any(char.IsWhiteSpace) || image.StartsWith('-'))
            {
                throw new BackendOptionsException(
                    $"{EnvironmentVariables.LoadImages}='{value}': '{image}' is not an image reference; name local images separated by commas, e.g. my-app:dev,my-worker:dev.");
            }
        }

        return [.. images.Distinct(StringComparer.Ordinal)];
    }

    private static string ParseKubeletVersion(string? value) => value switch
    {
        null => "v1.32",
        _ when EmulatedKubeletVersions.Contains(value, StringComparer.Ordinal) => value,
        _ => throw new BackendOptionsException(
            $"{EnvironmentVariables.EmulatedKubeletVersion}='{value}' is not an emulated kubelet version; use exactly one of: {string.Join(", ", EmulatedKubeletVersions)}."),
    };

    // "none" turns the log off (empty); anything else is a path.
    private static string? ParseKubeletLog(string? value) =>
        value is not null && value.Equals("none", StringComparison.OrdinalIgnoreCase) ? string.Empty : value;

    private static int ParseMaxReplicas(string? value) =>
        value is null ? DefaultMaxReplicas
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var cap) && cap is >= 1 and <= MaxReplicasLimit ? cap
        : throw new BackendOptionsException(
            $"{EnvironmentVariables.MaxReplicas}='{value}' is not a replica cap; use a whole number from 1 to {MaxReplicasLimit} (default {DefaultMaxReplicas}).");

    // NAME=value pairs separated by commas (an empty entry, e.g. a trailing comma, is ignored); names as a Dockerfile ARG accepts them, values may be empty but hold no comma.
    private static Dictionary<string, string> ParseBuildArgs(string? value)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value is null)
        {
            return arguments;
        }

        const string Usage = "use NAME=value pairs separated by commas, e.g. SDK_IMAGE=probe-harness/dotnet-sdk:10.0,RUNTIME_IMAGE=probe-harness/aspnet:10.0";
        foreach (var entry in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? entry : entry[..equals].Trim();
            if (equals < 0 || !IsBuildArgName(name))
            {
                throw new BackendOptionsException(
                    $"{EnvironmentVariables.TargetBuildArgs}='{value}': '{entry}' is not a build argument ({(equals < 0 ? "no '='" : $"'{name}' is not an ARG name: a letter or '_', then letters, digits or '_'")}); {Usage}.");
            }

            if (!arguments.TryAdd(name, entry[(equals + 1)..].Trim()))
            {
                throw new BackendOptionsException($"{EnvironmentVariables.TargetBuildArgs}='{value}' sets {name} twice; {Usage}.");
            }
        }

        return arguments;
    }

    private static bool IsBuildArgName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static BackendKind? ParseBackend(string? value) => value?.ToLowerInvariant() switch
    {
        null or "auto" => null,
        "k3s" => BackendKind.K3s,
        "kubeconfig" => BackendKind.Kubeconfig,
        "emulated" => BackendKind.Emulated,
        _ => throw new BackendOptionsException(
            $"{EnvironmentVariables.Backend}='{value}' is not a backend; use one of: {string.Join(", ", BackendNames)}."),
    };

    private static (string Path, string Source) ResolveKubeconfig(Func<string, string?> read)
    {
        if (read(EnvironmentVariables.HarnessKubeconfig) is { } harnessPath)
        {
            return (ExpandHome(harnessPath, read), EnvironmentVariables.HarnessKubeconfig);
        }

        // KUBECONFIG may list several files (kubectl merges them); the harness reads the first one.
        var first = read(EnvironmentVariables.Kubeconfig)?
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault();
        if (first is not null)
        {
            return (ExpandHome(first, read), EnvironmentVariables.Kubeconfig);
        }

        return (Path.Combine(Home(read), ".kube", "config"), "~/.kube/config");
    }

    private static string ExpandHome(string path, Func<string, string?> read) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal) ? Home(read) + path[1..] : path;

    private static string Home(Func<string, string?> read) =>
        read("HOME") ?? read("USERPROFILE") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    private static bool ParseFlag(string name, string? value) => value?.ToLowerInvariant() switch
    {
        null or "0" or "false" or "no" or "off" => false,
        "1" or "true" or "yes" or "on" => true,
        _ => throw new BackendOptionsException($"{name}='{value}' is not a flag; use one of: 1, true, yes, on, 0, false, no, off."),
    };

    private static string? ParseApiVersion(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return Version.TryParse(value, out var version) && version.Build < 0
            ? value
            : throw new BackendOptionsException(
                $"{EnvironmentVariables.DockerApiVersion}='{value}' is not a Docker API version; use MAJOR.MINOR, e.g. 1.43.");
    }

    private static TimeSpan? ParseSeconds(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new BackendOptionsException($"{name}='{value}' is not a number of seconds; use a positive whole number, e.g. 300.");
    }
}
