using k8s;
using k8s.Models;

namespace ProbeHarness.Emulated.Api;

/// <summary>Marks and copies the objects the emulated API server hands out.</summary>
public static class EmulatedObjects
{
    /// <summary>The annotation every emulated object carries, so no output can pass for a real cluster's.</summary>
    public const string Annotation = "probe-harness/emulated";

    /// <summary>A deep copy through the Kubernetes JSON model, so callers never share state with the store.</summary>
    public static T Copy<T>(T value) => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(value));

    /// <summary>Adds <c>probe-harness/emulated: "true"</c> to <paramref name="metadata"/>.</summary>
    public static V1ObjectMeta MarkEmulated(V1ObjectMeta metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        metadata.Annotations ??= new Dictionary<string, string>();
        metadata.Annotations[Annotation] = "true";
        return metadata;
    }

    /// <summary>A reference to the named owner as the controller of an object (what ReplicaSets and the EndpointSlice controller write).</summary>
    public static V1OwnerReference ControllerReference(string apiVersion, string kind, string name, string uid) => new()
    {
        ApiVersion = apiVersion,
        Kind = kind,
        Name = name,
        Uid = uid,
        Controller = true,
        BlockOwnerDeletion = true,
    };
}
