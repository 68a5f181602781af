using System.Text;

namespace ProbeHarness.Kubernetes.Namespaces;

/// <summary>Names scenario namespaces: <c>ph-{run}-{n}-{slug}</c>, a valid DNS label of at most 63 characters.</summary>
public static class NamespaceNames
{
    /// <summary>The longest namespace name Kubernetes accepts.</summary>
    public const int MaxLength = 63;

    /// <summary>The name of the <paramref name="sequence"/>-th scenario namespace of a run.</summary>
    public static string For(string runId, int sequence, string scenarioSlug)
    {
        var prefix = $"ph-{runId}-{sequence}-";
        var slug = Slug(scenarioSlug);
        var room = MaxLength - prefix.Length;
        var name = prefix + (slug.Length > room ? slug[..room] : slug);
        return name.TrimEnd('-');
    }

    /// <summary>Lowercase letters and digits, runs of anything else turned into one '-'.</summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text.ToLowerInvariant())
        {
            if (character is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(character);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }
}
