using System.Reflection;
using k8s.Models;

namespace ProbeHarness.Preflight.Input;

/// <summary>The built-in Kubernetes kinds (every <c>apiVersion</c>/<c>kind</c> KubernetesClient has a model for); anything else is an unknown kind.</summary>
public static class KnownKinds
{
    private static readonly Lazy<ILookup<string, string>> ApiVersionsByKind = new(Load);

    /// <summary>True when <paramref name="apiVersion"/>/<paramref name="kind"/> is a built-in type.</summary>
    public static bool IsKnown(string apiVersion, string kind) => ApiVersionsByKind.Value[kind].Contains(apiVersion, StringComparer.Ordinal);

    /// <summary>The apiVersions that serve <paramref name="kind"/> (empty when it is no built-in kind).</summary>
    public static IReadOnlyList<string> ApiVersionsOf(string kind) => ApiVersionsByKind.Value[kind].Order(StringComparer.Ordinal).ToList();

    private static ILookup<string, string> Load() =>
        typeof(V1Pod).Assembly.GetTypes()
            .Select(type => type.GetCustomAttribute<KubernetesEntityAttribute>())
            .OfType<KubernetesEntityAttribute>()
            .Where(entity => !string.IsNullOrEmpty(entity.Kind))
            .Select(entity => (entity.Kind, ApiVersion: string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}"))
            .Distinct()
            .ToLookup(entity => entity.Kind, entity => entity.ApiVersion, StringComparer.Ordinal);
}
