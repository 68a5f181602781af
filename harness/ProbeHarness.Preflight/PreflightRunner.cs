using ProbeHarness.Cluster.Manifests;
using ProbeHarness.Preflight.Findings;
using ProbeHarness.Preflight.Input;
using ProbeHarness.Preflight.Rules;

namespace ProbeHarness.Preflight;

/// <summary>Runs every preflight rule on every container and init container of every workload in the given files and folders; no cluster.</summary>
public static class PreflightRunner
{
    /// <summary>Checks <paramref name="paths"/> (files, or folders searched for *.yaml/*.yml); relative paths and file names in findings are relative to <paramref name="baseDirectory"/> (default: the working folder).</summary>
    public static PreflightResult Run(IEnumerable<string> paths, string? baseDirectory = null)
    {
        var root = Path.GetFullPath(baseDirectory ?? Directory.GetCurrentDirectory());
        var errors = new List<ManifestException>();
        var files = ManifestSources.Expand(paths, root, errors);
        var names = new List<string>();
        var templates = new List<PodTemplate>();
        foreach (var file in files)
        {
            var name = ManifestSources.Display(file, root);
            names.Add(name);
            templates.AddRange(ManifestReader.Read(file, name, errors));
        }

        return Result(names, templates, errors);
    }

    /// <summary>Checks manifest <paramref name="text"/> named <paramref name="file"/> (for tests and piped input).</summary>
    public static PreflightResult RunText(string text, string file)
    {
        var errors = new List<ManifestException>();
        return Result([file], ManifestReader.Parse(text, file, errors), errors);
    }

    /// <summary>The findings of every rule in one pod spec, by line, then rule.</summary>
    public static IEnumerable<Finding> Check(PodTemplate template) =>
        Containers(template)
            .SelectMany(container => PreflightChecks.All.SelectMany(check => check.Check(container)))
            .OrderBy(f => f.Line)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<ContainerContext> Containers(PodTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return (template.Spec.InitContainers ?? []).Select((c, i) => new ContainerContext(template, c, i, isInit: true))
            .Concat((template.Spec.Containers ?? []).Select((c, i) => new ContainerContext(template, c, i, isInit: false)));
    }

    private static PreflightResult Result(IReadOnlyList<string> files, IReadOnlyList<PodTemplate> templates, IReadOnlyList<ManifestException> errors) => new(
        files,
        templates.SelectMany(Check).ToList(),
        errors,
        templates.SelectMany(t => Containers(t).Select(c => new CheckedContainer(t.File, t.Workload, c.Name))).ToList());
}
