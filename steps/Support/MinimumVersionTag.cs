using System.Globalization;
using System.Text.RegularExpressions;
using ProbeHarness.Steps.Drivers;

namespace ProbeHarness.Steps.Support;

/// <summary>Reads <c>@min-k8s-1.24</c> tags: the scenario needs at least that Kubernetes version and is skipped (never passed) on older clusters.</summary>
public static partial class MinimumVersionTag
{
    /// <summary>The skip reason when <paramref name="tags"/> ask for a newer Kubernetes than <paramref name="clusterVersion"/>, else null.</summary>
    public static string? SkipReason(IEnumerable<string> tags, string clusterVersion)
    {
        if (!KubernetesVersion.TryParse(clusterVersion, out var cluster))
        {
            return null;
        }

        foreach (var tag in tags)
        {
            if (Pattern().Match(tag) is { Success: true } match)
            {
                var needed = new Version(
                    int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
                    int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
                if (cluster < needed)
                {
                    return $"needs Kubernetes {needed} or later (@{tag.TrimStart('@')}); the cluster runs {clusterVersion}";
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"^@?min-k8s-(\d+)\.(\d+)$")]
    private static partial Regex Pattern();
}
