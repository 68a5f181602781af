using k8s.Models;
using ProbeHarness.Emulated.Images;

namespace ProbeHarness.Emulated.Containers;

/// <summary>A container's environment as the kubelet and runtime build it: image ENV, the container's env with <c>$(VAR)</c> and the downward API, and the emulator's own variables.</summary>
public sealed class ContainerEnvironment
{
    /// <summary>The variable the target app binds every listener to; the emulator sets it to the pod IP so a container is reachable only there.</summary>
    public const string BindAddressVariable = "BIND_ADDRESS";

    private readonly Dictionary<string, string> _variables;

    private ContainerEnvironment(Dictionary<string, string> variables)
    {
        _variables = variables;
    }

    /// <summary>Every variable the container process gets.</summary>
    public IReadOnlyDictionary<string, string> Variables => _variables;

    /// <summary>Builds the environment; throws <see cref="InvalidOperationException"/> naming the field path of an unsupported env source.</summary>
    /// <param name="pod">The pod (metadata, spec) the downward API reads.</param>
    /// <param name="container">The container whose env is built.</param>
    /// <param name="containerIndex">The container's index in <c>spec.containers</c>, for field paths in errors.</param>
    /// <param name="podIp">The pod IP.</param>
    /// <param name="image">The resolved image (its ENV comes first).</param>
    /// <param name="paths">The container's path map, applied to every value.</param>
    /// <param name="runtimeVariables">Variables the runtime provides (PATH, HOME, TMPDIR, HOSTNAME): image and container env override them.</param>
    public static ContainerEnvironment Build(
        V1Pod pod,
        V1Container container,
        int containerIndex,
        string podIp,
        ResolvedImage image,
        ContainerPathMap paths,
        IReadOnlyDictionary<string, string> runtimeVariables)
    {
        // Image and container values are container paths (mapped below); the runtime's are host paths already.
        var containerView = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in image.Env)
        {
            containerView[name] = value;
        }

        // The kubelet expands each value against the container env built so far (makeEnvironmentVariables).
        var containerVariables = new Dictionary<string, string>(StringComparer.Ordinal);
        var env = container.Env ?? [];
        for (var i = 0; i < env.Count; i++)
        {
            var variable = env[i];
            var value = variable.ValueFrom is null
                ? DollarExpansion.Expand(variable.Value ?? "", name => containerVariables.GetValueOrDefault(name))
                : FromSource(pod, podIp, variable.ValueFrom, $"spec.containers[{containerIndex}].env[{i}].valueFrom");
            containerVariables[variable.Name] = value;
        }

        foreach (var (name, value) in containerVariables)
        {
            containerView[name] = value;
        }

        var mapped = new Dictionary<string, string>(runtimeVariables, StringComparer.Ordinal);
        foreach (var (name, value) in containerView)
        {
            mapped[name] = paths.MapText(value);
        }

        mapped[BindAddressVariable] = podIp;
        return new ContainerEnvironment(mapped);
    }

    /// <summary>Looks a variable up (for <c>$(VAR)</c> in command and args).</summary>
    public string? Lookup(string name) => _variables.GetValueOrDefault(name);

    private static string FromSource(V1Pod pod, string podIp, V1EnvVarSource source, string fieldPath)
    {
        if (source.FieldRef is { } fieldRef)
        {
            return FieldValue(pod, podIp, fieldRef.FieldPath)
                ?? throw new InvalidOperationException(
                    $"{fieldPath}.fieldRef.fieldPath: '{fieldRef.FieldPath}' is not supported by the emulated backend "
                    + "(supported: metadata.name, metadata.namespace, metadata.uid, metadata.labels['k'], metadata.annotations['k'], "
                    + "spec.nodeName, spec.serviceAccountName, status.podIP, status.podIPs, status.hostIP)");
        }

        var kind = source.ConfigMapKeyRef is not null ? "configMapKeyRef"
            : source.SecretKeyRef is not null ? "secretKeyRef"
            : source.ResourceFieldRef is not null ? "resourceFieldRef"
            : "an unknown source";
        throw new InvalidOperationException($"{fieldPath}: {kind} is not supported by the emulated backend (it holds only Deployments, pods and Services)");
    }

    private static string? FieldValue(V1Pod pod, string podIp, string fieldPath)
    {
        var metadata = pod.Metadata;
        return fieldPath switch
        {
            "metadata.name" => metadata.Name,
            "metadata.namespace" => metadata.NamespaceProperty,
            "metadata.uid" => metadata.Uid,
            "spec.nodeName" => pod.Spec.NodeName ?? "",
            "spec.serviceAccountName" => pod.Spec.ServiceAccountName ?? "default",
            "status.podIP" or "status.podIPs" => podIp,
            "status.hostIP" or "status.hostIPs" => pod.Status?.HostIP ?? "127.0.0.1",
            _ when Subscript(fieldPath, "metadata.labels") is { } key => Entry(metadata.Labels, key),
            _ when Subscript(fieldPath, "metadata.annotations") is { } key => Entry(metadata.Annotations, key),
            _ => null,
        };
    }

    private static string Entry(IDictionary<string, string>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value : "";

    private static string? Subscript(string fieldPath, string field)
    {
        var prefix = field + "['";
        return fieldPath.StartsWith(prefix, StringComparison.Ordinal) && fieldPath.EndsWith("']", StringComparison.Ordinal)
            ? fieldPath[prefix.Length..^2]
            : null;
    }
}
