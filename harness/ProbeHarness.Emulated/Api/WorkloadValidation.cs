using k8s.Models;
using ProbeHarness.Emulated.Images;
using ProbeHarness.Kubelet.Semantics;

namespace ProbeHarness.Emulated.Api;

/// <summary>What the emulated API server rejects before anything starts: the API server's probe validation, a selector that does not match, images with no local command.</summary>
internal static class WorkloadValidation
{
    /// <summary>Throws <see cref="InvalidOperationException"/> naming every bad field path, like the API server's 422 answer.</summary>
    public static void ThrowIfInvalid(V1Deployment deployment, V1Service service, EmulatedImageMap images)
    {
        var deploymentName = deployment.Metadata?.Name;
        if (string.IsNullOrEmpty(deploymentName))
        {
            throw new InvalidOperationException("Deployment.apps is invalid: metadata.name: Required value: name or generateName is required");
        }

        var errors = new List<string>();
        var template = deployment.Spec?.Template;
        if (template?.Spec?.Containers is not { Count: > 0 })
        {
            errors.Add("spec.template.spec.containers: Required value");
        }
        else
        {
            errors.AddRange(ProbeSpecValidator.ValidateTemplate(template)
                .Where(e => e.Origin == FieldErrorOrigin.ApiServer)
                .Select(e => e.ToString()));
            for (var i = 0; i < template.Spec.Containers.Count; i++)
            {
                var image = template.Spec.Containers[i].Image;
                if (string.IsNullOrEmpty(image))
                {
                    errors.Add($"spec.template.spec.containers[{i}].image: Required value");
                }
                else if (!images.Knows(image))
                {
                    errors.Add($"spec.template.spec.containers[{i}].image: Unsupported value: \"{image}\": the emulated backend has no local command for it "
                        + $"(known: {string.Join(", ", images.Repositories)}; see {images.Source})");
                }
            }
        }

        var selector = deployment.Spec?.Selector?.MatchLabels;
        var labels = template?.Metadata?.Labels;
        if (selector is not { Count: > 0 })
        {
            errors.Add("spec.selector: Required value");
        }
        else if (labels is null || selector.Any(s => !labels.TryGetValue(s.Key, out var value) || value != s.Value))
        {
            errors.Add("spec.template.metadata.labels: Invalid value: `selector` does not match template `labels`");
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Deployment.apps \"{deploymentName}\" is invalid: {string.Join(", ", errors)}");
        }

        if (string.IsNullOrEmpty(service.Metadata?.Name))
        {
            throw new InvalidOperationException("Service is invalid: metadata.name: Required value: name or generateName is required");
        }

        if (service.Spec?.Ports is not { Count: > 0 })
        {
            throw new InvalidOperationException($"Service \"{service.Metadata.Name}\" is invalid: spec.ports: Required value");
        }
    }
}
