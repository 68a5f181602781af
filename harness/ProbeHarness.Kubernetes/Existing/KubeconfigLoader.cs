using k8s;
using k8s.Exceptions;
using ProbeHarness.Cluster;

namespace ProbeHarness.Kubernetes.Existing;

/// <summary>Reads a kubeconfig and one of its contexts, failing with a message that names the file, its source and the contexts it has.</summary>
public static class KubeconfigLoader
{
    /// <summary>The client configuration for a context of a kubeconfig file.</summary>
    /// <param name="path">The kubeconfig file.</param>
    /// <param name="source">Where the path came from, e.g. <c>HARNESS_KUBECONFIG</c>.</param>
    /// <param name="context">The context, or null for the file's current context.</param>
    /// <returns>The configuration and the context's name.</returns>
    /// <exception cref="ClusterUnavailableException">The file is missing or unreadable, or the context is not in it.</exception>
    public static (KubernetesClientConfiguration Configuration, string Context) Load(string path, string source, string? context)
    {
        if (!File.Exists(path))
        {
            throw new ClusterUnavailableException(
                $"The kubeconfig {path} (from {source}) does not exist. Point HARNESS_KUBECONFIG at your cluster's kubeconfig " +
                "(for kind: kind get kubeconfig --name NAME > FILE).");
        }

        k8s.KubeConfigModels.K8SConfiguration file;
        try
        {
            file = KubernetesClientConfiguration.LoadKubeConfig(path);
        }
        catch (Exception exception) when (exception is KubeConfigException or IOException or YamlDotNet.Core.YamlException)
        {
            throw new ClusterUnavailableException($"The kubeconfig {path} (from {source}) cannot be read: {Describe(exception)}", exception);
        }

        var contexts = file.Contexts?.Select(item => item.Name).ToList() ?? [];
        var listed = contexts.Count == 0 ? "none" : string.Join(", ", contexts);
        var chosen = context ?? file.CurrentContext;
        if (string.IsNullOrEmpty(chosen))
        {
            throw new ClusterUnavailableException(
                $"The kubeconfig {path} (from {source}) has no current-context; set HARNESS_KUBE_CONTEXT to one of: {listed}.");
        }

        if (!contexts.Contains(chosen))
        {
            var origin = context is null ? "its current-context" : "HARNESS_KUBE_CONTEXT";
            throw new ClusterUnavailableException(
                $"Context '{chosen}' ({origin}) is not in the kubeconfig {path} (from {source}); it has: {listed}.");
        }

        try
        {
            return (KubernetesClientConfiguration.BuildConfigFromConfigObject(file, chosen), chosen);
        }
        catch (KubeConfigException exception)
        {
            throw new ClusterUnavailableException(
                $"Context '{chosen}' of the kubeconfig {path} (from {source}) cannot be used: {exception.Message}", exception);
        }
    }

    // A YAML error (itself or the cause of the client's error) is told by its line and column, without YamlDotNet's
    // "(Line: 2, Col: 3, Idx: 22) - (Line: …): " prefix.
    private static string Describe(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is YamlDotNet.Core.YamlException yaml)
            {
                var prefix = $"{yaml.Start} - {yaml.End}: ";
                var text = yaml.Message.StartsWith(prefix, StringComparison.Ordinal) ? yaml.Message[prefix.Length..] : yaml.Message;
                return $"line {yaml.Start.Line}, column {yaml.Start.Column}: {text}";
            }
        }

        return exception.Message;
    }
}
