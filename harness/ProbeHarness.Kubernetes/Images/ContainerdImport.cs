using ProbeHarness.Cluster;

namespace ProbeHarness.Kubernetes.Images;

/// <summary>Imports a saved image archive into K3s's containerd, where the kubelet finds it, unless it is there already.</summary>
public static class ContainerdImport
{
    /// <summary>Lists, and if needed copies, imports, removes the copy and checks again.</summary>
    /// <returns>True when the archive was imported, false when containerd already had the image.</returns>
    /// <exception cref="ClusterUnavailableException">The import failed, or containerd still lacks the image; the message has ctr's output.</exception>
    public static async Task<bool> ImportAsync(IContainerShell shell, ImageLoadPlan plan, CancellationToken cancellationToken)
    {
        var listed = await shell.ExecAsync(plan.ListCommand, cancellationToken).ConfigureAwait(false);
        if (listed.ExitCode == 0 && plan.IsListedIn(listed.Stdout))
        {
            return false;
        }

        await shell.CopyFileAsync(new FileInfo(plan.HostTarPath), ImageLoadPlan.ContainerDirectory, cancellationToken).ConfigureAwait(false);
        var imported = await shell.ExecAsync(plan.ImportCommand, cancellationToken).ConfigureAwait(false);
        await shell.ExecAsync(plan.CleanupCommand, cancellationToken).ConfigureAwait(false);
        if (imported.ExitCode != 0)
        {
            throw new ClusterUnavailableException(
                $"'{string.Join(' ', plan.ImportCommand)}' failed in the K3s container (exit {imported.ExitCode}): {imported.Stderr.Trim()}");
        }

        var check = await shell.ExecAsync(plan.ListCommand, cancellationToken).ConfigureAwait(false);
        if (!plan.IsListedIn(check.Stdout))
        {
            throw new ClusterUnavailableException(
                $"After the import K3s's containerd does not list {plan.ContainerdName}; ctr printed: {imported.Stdout.Trim()} {imported.Stderr.Trim()}".TrimEnd());
        }

        return true;
    }
}
