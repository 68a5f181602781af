using k8s;
using k8s.Models;
using YamlDotNet.Core;

namespace ProbeHarness.Cluster.Manifests;

/// <summary>Loads a workload manifest (one apps/v1 Deployment and one v1 Service) into a fresh <see cref="Workload"/>: the target app's, or a user's own.</summary>
/// <remarks>Every call parses anew, so each caller gets its own deep copy and may change it freely.</remarks>
public static class WorkloadManifest
{
    /// <summary>The file name of the default manifest in <see cref="RepositoryPaths.Manifests"/>.</summary>
    public const string DefaultFileName = "target-app.yaml";

    private const string DeploymentKey = "apps/v1/Deployment";
    private const string ServiceKey = "v1/Service";

    /// <summary>Full path of the default manifest, <c>manifests/target-app.yaml</c>.</summary>
    public static string DefaultPath => Path.Combine(RepositoryPaths.Manifests, DefaultFileName);

    /// <summary>Loads <c>manifests/target-app.yaml</c>: the article's Deployment and its Service.</summary>
    public static Workload LoadDefault() => LoadFile(DefaultPath);

    /// <summary>Loads the manifest file at <paramref name="path"/>; throws <see cref="ManifestException"/> naming the file (and line) when it is unusable.</summary>
    public static Workload LoadFile(string path)
    {
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ManifestException(path, null, null, $"cannot read the manifest: {exception.Message}", exception);
        }

        return Parse(yaml, path);
    }

    /// <summary>Parses manifest text; <paramref name="file"/> names its source in error messages.</summary>
    public static Workload Parse(string yaml, string file)
    {
        var documents = ManifestOutline.Read(yaml, file);
        foreach (var document in documents)
        {
            if (document.Kind == "StatefulSet")
            {
                throw new ManifestException(
                    file,
                    document.Line,
                    null,
                    $"{document.Kind} {document.Name}: the harness deploys a Deployment and cannot run a StatefulSet yet (its ordered, stably named pods are not modelled); "
                    + "put the same pod template in an apps/v1 Deployment to test its probes");
            }

            if (document.TypeKey is not (DeploymentKey or ServiceKey))
            {
                throw new ManifestException(
                    file,
                    document.Line,
                    null,
                    $"kind '{document.Kind}' (apiVersion '{document.ApiVersion}') is not part of a workload manifest; expected one apps/v1 Deployment and one v1 Service");
            }
        }

        var deployment = Single(documents, DeploymentKey, "Deployment", "apps/v1", file);
        var service = Single(documents, ServiceKey, "Service", "v1", file);

        List<object> objects;
        try
        {
            // Strict: a misspelt field (e.g. initialDelaySecond) is an error, not silently ignored.
            objects = KubernetesYaml.LoadAllFromString(yaml, strict: true);
        }
        catch (YamlException exception)
        {
            var innermost = Innermost(exception);
            throw new ManifestException(file, exception.Start.Line, exception.Start.Column, innermost.Message, exception);
        }

        var index = documents.ToList();
        return new Workload(
            (V1Deployment)objects[index.IndexOf(deployment)],
            (V1Service)objects[index.IndexOf(service)])
        {
            Source = new WorkloadSource(file, deployment, service),
        };
    }

    private static ManifestDocument Single(IReadOnlyList<ManifestDocument> documents, string key, string kind, string apiVersion, string file)
    {
        var matches = documents.Where(document => document.TypeKey == key).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ManifestException(
                file,
                null,
                null,
                $"no {kind} (apiVersion: {apiVersion}, kind: {kind}) found; the file holds: {Describe(documents)}"),
            _ => throw new ManifestException(
                file,
                matches[1].Line,
                null,
                $"more than one {kind}: {string.Join(", ", matches)}; a workload manifest holds exactly one"),
        };
    }

    private static string Describe(IReadOnlyList<ManifestDocument> documents) =>
        documents.Count == 0 ? "nothing" : string.Join(", ", documents);

    private static Exception Innermost(Exception exception) =>
        exception.InnerException is { } inner ? Innermost(inner) : exception;
}
