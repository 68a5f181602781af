namespace ProbeHarness.Emulated.Containers;

/// <summary>Maps container paths to the pod's private host directories (<c>/tmp</c>, emptyDir mounts), because every emulated container shares the host filesystem.</summary>
/// <remarks>
/// Emulation limit: only the mapped prefixes are private, and only where they appear as paths in env values,
/// command words and exec probe argv (also inside a <c>sh -c</c> script); a program that builds such a path at run time
/// reaches the host's real directory.
/// </remarks>
public sealed class ContainerPathMap
{
    private const string PathStarts = " \t\n'\"=:;,(`";
    private const string PathEnds = "/ \t\n'\"=:;,)`&|<>";

    private readonly IReadOnlyList<KeyValuePair<string, string>> _mounts;
    private readonly IReadOnlyList<string> _hostPaths;

    /// <summary>Creates a map from container path prefixes to host directories.</summary>
    /// <param name="mounts">Container path prefixes and the host directories they map to.</param>
    /// <param name="hostPaths">Host paths the image resolution produced (e.g. the target app's DLL); never rewritten, even under <c>/tmp</c>.</param>
    public ContainerPathMap(IEnumerable<KeyValuePair<string, string>> mounts, IEnumerable<string>? hostPaths = null)
    {
        _hostPaths = (hostPaths ?? []).Where(p => p.Length > 1).ToList();
        // Longest prefix first, so /tmp/cache wins over /tmp.
        _mounts = mounts
            .Select(m => KeyValuePair.Create(Normalize(m.Key), m.Value.TrimEnd('/')))
            .OrderByDescending(m => m.Key.Length)
            .ToList();
    }

    /// <summary>The container path prefixes and the host directories they map to.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Mounts => _mounts;

    /// <summary>Maps one path; a path under no mapped prefix is returned unchanged.</summary>
    public string MapPath(string path)
    {
        if (_hostPaths.Any(h => path.StartsWith(h, StringComparison.Ordinal)))
        {
            return path;
        }

        foreach (var (containerPath, hostPath) in _mounts)
        {
            if (path == containerPath)
            {
                return hostPath;
            }

            if (path.StartsWith(containerPath + "/", StringComparison.Ordinal))
            {
                return hostPath + path[containerPath.Length..];
            }
        }

        return path;
    }

    /// <summary>Maps every mapped path inside <paramref name="text"/> (an env value, an argument, a shell script).</summary>
    public string MapText(string text)
    {
        if (_mounts.Count == 0 || !text.Contains('/', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new System.Text.StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var match = i == 0 || PathStarts.Contains(text[i - 1], StringComparison.Ordinal) ? MatchAt(text, i) : null;
            if (match is { } mount)
            {
                result.Append(mount.Value);
                i += mount.Key.Length;
            }
            else
            {
                result.Append(text[i]);
                i++;
            }
        }

        return result.ToString();
    }

    private KeyValuePair<string, string>? MatchAt(string text, int start)
    {
        if (_hostPaths.Any(h => string.CompareOrdinal(text, start, h, 0, h.Length) == 0))
        {
            return null;
        }

        foreach (var mount in _mounts)
        {
            var end = start + mount.Key.Length;
            if (string.CompareOrdinal(text, start, mount.Key, 0, mount.Key.Length) == 0
                && (end == text.Length || PathEnds.Contains(text[end], StringComparison.Ordinal)))
            {
                return mount;
            }
        }

        return null;
    }

    private static string Normalize(string containerPath)
    {
        var trimmed = containerPath.TrimEnd('/');
        return trimmed.Length == 0 ? "/" : trimmed;
    }
}
