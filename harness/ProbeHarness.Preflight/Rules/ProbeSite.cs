using k8s.Models;
using ProbeHarness.Kubelet.Probing;

namespace ProbeHarness.Preflight.Rules;

/// <summary>One probe of a container, as written, and its field path.</summary>
/// <param name="Type">Liveness, readiness or startup.</param>
/// <param name="Probe">The probe as written (no defaults applied).</param>
/// <param name="Path">e.g. <c>spec.template.spec.containers[0].livenessProbe</c>.</param>
public sealed record ProbeSite(ProbeType Type, V1Probe Probe, string Path)
{
    /// <summary>The probe's field name, e.g. <c>livenessProbe</c>.</summary>
    public static string FieldName(ProbeType type) => type switch
    {
        ProbeType.Liveness => "livenessProbe",
        ProbeType.Readiness => "readinessProbe",
        _ => "startupProbe",
    };

    /// <summary>e.g. <c>liveness</c>.</summary>
    public string Label => Type.ToString().ToLowerInvariant();
}
