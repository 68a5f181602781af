using System.Net;
using k8s;
using ProbeHarness.Kubernetes.Api;

namespace ProbeHarness.Kubernetes.Namespaces;

/// <summary>Finds namespaces an earlier run left behind (it was killed before it could delete them) and deletes those this machine made.</summary>
/// <remarks>Namespaces labelled by another machine may belong to a run still going on a shared cluster: they are named, never touched.</remarks>
public static class LeftoverNamespaces
{
    /// <summary>Deletes this machine's leftovers of other runs and reports every leftover found.</summary>
    /// <returns>The names deleted and the names left alone.</returns>
    public static async Task<LeftoverCleanup> CleanAsync(
        KubernetesConnection connection, RunIdentity run, IProgress<string> progress, CancellationToken cancellationToken)
    {
        k8s.Models.V1NamespaceList list;
        try
        {
            list = await connection.Api.RunAsync(
                "listing namespaces left by earlier runs",
                token => connection.Client.CoreV1.ListNamespaceAsync(labelSelector: RunIdentity.RunLabel, cancellationToken: token),
                cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception) when (ApiErrors.StatusOf(exception.InnerException!) == HttpStatusCode.Forbidden)
        {
            progress.Report($"cannot list namespaces ({exception.Message}); leftovers of killed runs are not cleaned up");
            return new LeftoverCleanup([], []);
        }

        var deleted = new List<string>();
        var leftAlone = new List<string>();
        foreach (var item in list.Items)
        {
            var labels = item.Metadata.Labels ?? new Dictionary<string, string>();
            var owner = labels.TryGetValue(RunIdentity.RunLabel, out var runId) ? runId : "?";
            if (owner == run.RunId)
            {
                continue;
            }

            var name = item.Metadata.Name;
            if (item.Status?.Phase == "Terminating")
            {
                progress.Report($"namespace {name} of run {owner} is already being deleted");
                continue;
            }

            var host = labels.TryGetValue(RunIdentity.HostLabel, out var hostLabel) ? hostLabel : "?";
            if (host != run.Host)
            {
                leftAlone.Add(name);
                progress.Report(
                    $"namespace {name} belongs to run {owner} on host {host} and may still be in use; left alone " +
                    $"(delete it with: kubectl --kubeconfig {connection.KubeconfigPath} delete namespace {name})");
                continue;
            }

            if (labels.TryGetValue(RunIdentity.ProcessLabel, out var pidLabel) && LocalProcess.IsRunning(pidLabel))
            {
                // Another run on this machine, still going (e.g. a second terminal): its namespaces are in use.
                leftAlone.Add(name);
                progress.Report($"namespace {name} belongs to run {owner} on this machine, whose process {pidLabel} is still running; left alone");
                continue;
            }

            await connection.Api.RunAsync($"deleting leftover namespace {name}", async token =>
            {
                try
                {
                    await connection.Client.CoreV1.DeleteNamespaceAsync(name, cancellationToken: token).ConfigureAwait(false);
                }
                catch (Exception exception) when (ApiErrors.IsNotFound(exception))
                {
                    // Someone else deleted it first.
                }
            }, cancellationToken).ConfigureAwait(false);
            deleted.Add(name);
            progress.Report($"deleted namespace {name}, left by run {owner} on this machine (created {item.Metadata.CreationTimestamp:u}), which was killed before it cleaned up");
        }

        return new LeftoverCleanup(deleted, leftAlone);
    }
}
