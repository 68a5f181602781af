using k8s.Models;
using ProbeHarness.Cluster.Manifests;

namespace ProbeHarness.Preflight.Input;

/// <summary>A pod spec found in a manifest: a workload's template (a CronJob's job template's) or a Pod's own spec.</summary>
/// <param name="File">The file as findings name it.</param>
/// <param name="Document">The object's apiVersion, kind, name and first line.</param>
/// <param name="Spec">The pod spec.</param>
/// <param name="SpecPath">Its field path, e.g. <c>spec.template.spec</c> or <c>spec.jobTemplate.spec.template.spec</c>.</param>
/// <param name="Locator">Lines of field paths in the object's document.</param>
public sealed record PodTemplate(string File, ManifestDocument Document, V1PodSpec Spec, string SpecPath, YamlFieldLocator Locator)
{
    /// <summary>e.g. <c>Deployment/target-app</c>.</summary>
    public string Workload => $"{Document.Kind}/{Document.Name ?? "(unnamed)"}";

    /// <summary>True for kinds whose pods run to completion (Job, CronJob): they serve no traffic, so need no readiness probe.</summary>
    public bool RunsToCompletion => Document.Kind is "Job" or "CronJob";
}
