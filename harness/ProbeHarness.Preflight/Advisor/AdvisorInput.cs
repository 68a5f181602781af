using System.Text.Json;
using ProbeHarness.Cluster.Manifests;
using ProbeHarness.Preflight.Input;
using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Preflight.Advisor;

/// <summary>The advisor's input is unusable; the message names the file.</summary>
public sealed class AdvisorInputException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads what the advisor learns from (scenario records, or a report.json's scenarios) and the manifest it advises.</summary>
public static class AdvisorInput
{
    /// <summary>
    /// The records of <paramref name="path"/>: a results folder of scenario records (<c>*.json</c>; a report.json in it is used only
    /// when it is the only file), or a report.json file (its <c>scenarios</c>, which carry the same fields).
    /// </summary>
    /// <exception cref="AdvisorInputException">The path does not exist, holds no record, or a file is not a record.</exception>
    public static IReadOnlyList<(string File, ScenarioRecord Record)> ReadRecords(string path)
    {
        if (File.Exists(path))
        {
            return ReadReport(path);
        }

        if (!Directory.Exists(path))
        {
            throw new AdvisorInputException($"{path}: no such results folder or report.json");
        }

        RecordSet set;
        try
        {
            set = ScenarioRecordReader.ReadFolder(path);
        }
        catch (ReportInputException failure)
        {
            throw new AdvisorInputException(failure.Message, failure);
        }

        if (set.Problems.Count > 0)
        {
            throw new AdvisorInputException(string.Join(Environment.NewLine, set.Problems));
        }

        if (set.Records.Count == 0)
        {
            var report = Path.Combine(path, "report.json");
            return File.Exists(report)
                ? ReadReport(report)
                : throw new AdvisorInputException($"{path}: the folder holds no scenario record (*.json) and no report.json");
        }

        return [.. set.Records.Select(r => (r.File, r.Record))];
    }

    /// <summary>
    /// The container to advise in <paramref name="manifest"/>: the first container (not init container) of the first workload that has
    /// a probe, or the one named <paramref name="container"/>.
    /// </summary>
    /// <exception cref="AdvisorInputException">The file is not a readable manifest or has no such container.</exception>
    public static AdvisedContainer ReadManifest(string manifest, string? container = null)
    {
        if (!File.Exists(manifest))
        {
            throw new AdvisorInputException($"{manifest}: no such manifest file");
        }

        var errors = new List<ManifestException>();
        var templates = ManifestReader.Read(manifest, manifest, errors);
        if (errors.Count > 0)
        {
            throw new AdvisorInputException(string.Join(Environment.NewLine, errors.Select(e => e.Message)));
        }

        foreach (var template in templates)
        {
            foreach (var candidate in template.Spec.Containers ?? [])
            {
                var wanted = container is null
                    ? candidate.LivenessProbe is not null || candidate.ReadinessProbe is not null || candidate.StartupProbe is not null
                    : candidate.Name == container;
                if (wanted)
                {
                    return new AdvisedContainer(manifest, template.Workload, candidate.Name, candidate.LivenessProbe, candidate.ReadinessProbe, candidate.StartupProbe);
                }
            }
        }

        throw new AdvisorInputException(container is null
            ? $"{manifest}: no workload container has a liveness, readiness or startup probe"
            : $"{manifest}: no workload has a container named '{container}'");
    }

    private static List<(string File, ScenarioRecord Record)> ReadReport(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            var report = JsonSerializer.Deserialize<ReportScenarios>(stream, ScenarioRecordReader.Options);
            return report?.Scenarios is { } scenarios
                ? [.. scenarios.Select(s => (file, s))]
                : throw new AdvisorInputException($"{file}:1: scenarios: no scenarios array; is it a report.json or a scenario record folder?");
        }
        catch (JsonException failure)
        {
            throw new AdvisorInputException($"{file}:{(failure.LineNumber ?? 0) + 1}: {failure.Path}: not a report.json: {failure.Message.Split(" Path: ")[0]}", failure);
        }
        catch (IOException failure)
        {
            throw new AdvisorInputException($"{file}: cannot read: {failure.Message}", failure);
        }
    }

    private sealed record ReportScenarios(IReadOnlyList<ScenarioRecord>? Scenarios);
}
