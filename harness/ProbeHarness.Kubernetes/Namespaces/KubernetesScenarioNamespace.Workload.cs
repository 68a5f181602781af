using System.Globalization;
using k8s;
using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Kubernetes.Api;
using ProbeHarness.Kubernetes.Manifests;

namespace ProbeHarness.Kubernetes.Namespaces;

/// <summary>Deploying and changing the workload.</summary>
public sealed partial class KubernetesScenarioNamespace
{
    /// <inheritdoc />
    public async Task ApplyAsync(Workload workload, CancellationToken cancellationToken)
    {
        var rendered = RealClusterManifest.Render(workload, Name, _context.TargetImage);
        if (_context.PrepareImages is { } prepare)
        {
            var pod = rendered.Deployment.Spec?.Template?.Spec;
            var images = (pod?.InitContainers ?? []).Concat(pod?.Containers ?? []).Select(c => c.Image).OfType<string>().Distinct().ToList();
            await prepare(images, cancellationToken).ConfigureAwait(false);
        }

        var deploymentName = rendered.Deployment.Metadata.Name;
        var serviceName = rendered.Service.Metadata.Name;

        await Api.RunAsync($"creating Deployment {deploymentName} in {Name}", async token =>
        {
            try
            {
                return await Client.AppsV1.CreateNamespacedDeploymentAsync(rendered.Deployment, Name, cancellationToken: token).ConfigureAwait(false);
            }
            catch (Exception exception) when (ApiErrors.IsConflict(exception))
            {
                throw new InvalidOperationException($"Deployment {deploymentName} already exists in namespace {Name}.", exception);
            }
        }, cancellationToken).ConfigureAwait(false);

        await Api.RunAsync($"creating Service {serviceName} in {Name}", async token =>
        {
            try
            {
                return await Client.CoreV1.CreateNamespacedServiceAsync(rendered.Service, Name, cancellationToken: token).ConfigureAwait(false);
            }
            catch (Exception exception) when (ApiErrors.IsConflict(exception))
            {
                throw new InvalidOperationException($"Service {serviceName} already exists in namespace {Name}.", exception);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task ScaleAsync(string deploymentName, int replicas, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replicas);
        var patch = new V1Patch("{\"spec\":{\"replicas\":" + replicas.ToString(CultureInfo.InvariantCulture) + "}}", V1Patch.PatchType.MergePatch);
        return Api.RunAsync($"scaling Deployment {deploymentName} in {Name} to {replicas}", async token =>
        {
            try
            {
                return await Client.AppsV1.PatchNamespacedDeploymentScaleAsync(patch, deploymentName, Name, cancellationToken: token).ConfigureAwait(false);
            }
            catch (Exception exception) when (ApiErrors.IsNotFound(exception))
            {
                throw new InvalidOperationException($"Deployment {deploymentName} does not exist in namespace {Name}.", exception);
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeletePodAsync(string podName, long? gracePeriodSeconds, CancellationToken cancellationToken)
    {
        int? grace = gracePeriodSeconds is { } seconds ? checked((int)seconds) : null;
        return Api.RunAsync($"deleting pod {podName} in {Name}", async token =>
        {
            try
            {
                return await Client.CoreV1.DeleteNamespacedPodAsync(podName, Name, gracePeriodSeconds: grace, cancellationToken: token).ConfigureAwait(false);
            }
            catch (Exception exception) when (ApiErrors.IsNotFound(exception))
            {
                throw new InvalidOperationException($"Pod {podName} does not exist in namespace {Name} (already deleted?).", exception);
            }
        }, cancellationToken);
    }
}
